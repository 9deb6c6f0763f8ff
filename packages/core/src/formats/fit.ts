/** Rendering a Markdown agent inside a tool's size limit: the whole agent, else a condensed one that fits. */
import { renderLayout, renderToFit } from './agent-body.js';
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
  const limit = format.limit;
  // The frontmatter does not change while the body is fitted: render it once.
  const head = format.frontmatter ? `${format.frontmatter(input.context, input.lib)}\n` : '';
  const wrap = options.wrap ?? ((body: string) => head + body);
  const adjust = options.adjust ?? ((body: string) => body);
  const render = (sections: Parameters<typeof renderLayout>[3], condensed: boolean) =>
    adjust(renderLayout(input.context, input.lib, options.layout, sections, condensed ? { fullPath: input.fullAgentPath } : false));
  const part = (body: string) => (options.measured ?? ((_b: string, file: string) => file))(body, wrap(body));
  if (!limit) return wrap(render(input.sections, false));
  const fitted = renderToFit(render, input.sections, (body) => measure(part(body), limit.unit) <= limit.max);
  if (!fitted.fits) {
    throw tooLargeError(format, format.path(input.context.answers), measure(part(fitted.text), limit.unit), options.advice ?? NARROW_ADVICE);
  }
  return wrap(fitted.text);
}
