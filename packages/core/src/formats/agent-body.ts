/**
 * The composed agent content every format shares: title, intro, competency sections, skills index
 * and docs. Sections are rendered once per run (formats/core.ts holds them to the core's size);
 * every format lays out the same sections, so none needs a condensed second text.
 */
import type { Library } from '../library/index.js';
import type { RenderContext } from '../render/context.js';
import { composeBlocks } from '../compose.js';
import { renderTemplate } from '../render/handlebars.js';
import { tidyMarkdown } from '../render/markdown.js';
import { InputError, InternalError } from '../errors.js';
import { quoteImportLikeText } from './code-spans.js';

export interface Section {
  id: string;
  title: string;
  body: string;
}

export function renderSections(context: RenderContext, lib: Library): Section[] {
  return composeBlocks(context.answers, lib)
    .map((block) => ({ id: block.meta.id, title: block.meta.title, body: tidyMarkdown(renderPackAware(lib, `block:${block.meta.id}`, () => renderTemplate(block.template, context, lib.partials))).trim() }))
    .filter((section) => section.body.length > 0);
}

/**
 * Renders a library item; a pack's template that fails (a field the context lacks, in strict mode)
 * is the team's input to fix, reported at its file, not a crash of the tool.
 */
export function renderPackAware<T>(lib: Library, key: string, render: () => T): T {
  const origin = lib.origins?.[key];
  if (!origin) return render();
  try {
    return render();
  } catch (error) {
    throw new InputError(`${origin.file}: the template fails to render: ${(error as Error).message.split('\n')[0]}.`, 'Use only the fields docs/packs.md lists (the same context the built-in templates see).');
  }
}

export function layout(lib: Library, name: string) {
  const spec = lib.layouts[name];
  if (!spec) throw new InternalError(`layout "${name}" is missing from the library`);
  return spec;
}

/** Renders a format's layout around the sections. Every layout sees `sections`. */
export function renderLayout(context: RenderContext, lib: Library, name: string, sections: readonly Section[]): string {
  return quoteImportLikeText(tidyMarkdown(renderTemplate(layout(lib, name), { ...context, sections }, lib.partials)));
}

/** The Markdown body of the agent (the whole system prompt for Claude Code). */
export function renderAgentBody(context: RenderContext, lib: Library, sections: readonly Section[] = renderSections(context, lib)): string {
  return renderLayout(context, lib, 'agent-body', sections);
}

const FENCE = /^(```|~~~)/;

/** Moves every Markdown heading (outside code fences) down by `levels`, at most to level 6. */
export function shiftHeadings(markdown: string, levels: number): string {
  let fence: string | null = null;
  return markdown
    .split('\n')
    .map((line) => {
      const opening = FENCE.exec(line);
      if (fence !== null) {
        if (line.startsWith(fence)) fence = null;
        return line;
      }
      if (opening) {
        fence = opening[1]!;
        return line;
      }
      // Any character may follow (a user's title can hold U+2028, which `.` would not match).
      const heading = /^(#{1,6})(?=[ \t]|$)/.exec(line);
      return heading ? '#'.repeat(Math.min(6, heading[1]!.length + levels)) + line.slice(heading[1]!.length) : line;
    })
    .join('\n');
}
