/**
 * Rendering a Markdown agent for a tool with a size limit. The core is held to 12,000 characters
 * (formats/core.ts), so it fits every tool's limit as it is; a file still over the limit (AGENTS.md
 * with a long text of the user's around the block) is refused with the figures, never cut.
 */
import { renderLayout } from './agent-body.js';
import { measure, NARROW_ADVICE, tooLargeError, type AgentFormat, type FormatInput } from './format.js';

export interface FitOptions {
  /** The layout in templates/layouts/ that renders the body. */
  layout: string;
  /** Turns a rendered body into the file's content (markers, TOML…). Default: the format's frontmatter, then the body. */
  wrap?: (body: string) => string;
  /** The part of the file the tool's limit applies to. Default: the whole file. */
  measured?: (body: string, file: string) => string;
  /** Post-processes the rendered body (e.g. AGENTS.md demotes headings). */
  adjust?: (body: string) => string;
  advice?: string;
}

export function renderFitted(format: AgentFormat, input: FormatInput, options: FitOptions): string {
  const head = format.frontmatter ? `${format.frontmatter(input.context, input.lib)}\n` : '';
  const wrap = options.wrap ?? ((body: string) => head + body);
  const adjust = options.adjust ?? ((body: string) => body);
  const body = adjust(renderLayout(input.context, input.lib, options.layout, input.sections));
  const file = wrap(body);
  const limit = format.limit;
  if (limit) {
    const size = measure((options.measured ?? ((_b: string, f: string) => f))(body, file), limit.unit);
    if (size > limit.max) throw tooLargeError(format, format.path(input.context.answers), size, options.advice ?? NARROW_ADVICE);
  }
  return file;
}

