/** The composed agent content every format shares: title, intro, competency sections, docs. */
import type { Library } from '../library/index.js';
import type { RenderContext } from '../render/context.js';
import { composeBlocks } from '../compose.js';
import { renderTemplate } from '../render/handlebars.js';
import { tidyMarkdown } from '../render/markdown.js';
import { InternalError } from '../errors.js';

export interface Section {
  id: string;
  title: string;
  body: string;
}

export function renderSections(context: RenderContext, lib: Library): Section[] {
  return composeBlocks(context.answers, lib)
    .map((block) => ({ id: block.meta.id, title: block.meta.title, body: tidyMarkdown(renderTemplate(block.template, context)).trim() }))
    .filter((section) => section.body.length > 0);
}

export function layout(lib: Library, name: string) {
  const spec = lib.layouts[name];
  if (!spec) throw new InternalError(`layout "${name}" is missing from the library`);
  return spec;
}

/** The Markdown body of the agent (the whole system prompt for Claude Code). */
export function renderAgentBody(context: RenderContext, lib: Library): string {
  const sections = renderSections(context, lib);
  return tidyMarkdown(renderTemplate(layout(lib, 'agent-body'), { ...context, sections }, lib.partials));
}
