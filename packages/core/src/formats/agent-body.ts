/**
 * The composed agent content every format shares: title, intro, competency sections, docs. Sections
 * are rendered once per run; formats with a size limit render a condensed form of the same sections
 * (see condenseSection) instead of a second, hand-written text.
 */
import type { Library } from '../library/index.js';
import type { RenderContext } from '../render/context.js';
import { composeBlocks } from '../compose.js';
import { renderTemplate } from '../render/handlebars.js';
import { tidyMarkdown } from '../render/markdown.js';
import { InternalError } from '../errors.js';
import { quoteImportLikeText } from './code-spans.js';

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

/** What a layout may say about a condensed rendering; false when the agent is whole. */
export type CondensedNote = false | { fullPath: string | null };

/** Renders a format's layout around the sections. Every layout sees `sections` and `condensed`. */
export function renderLayout(
  context: RenderContext,
  lib: Library,
  name: string,
  sections: readonly Section[],
  condensed: CondensedNote = false,
): string {
  return quoteImportLikeText(tidyMarkdown(renderTemplate(layout(lib, name), { ...context, sections, condensed }, lib.partials)));
}

/** The Markdown body of the agent (the whole system prompt for Claude Code). */
export function renderAgentBody(context: RenderContext, lib: Library, sections: readonly Section[] = renderSections(context, lib)): string {
  return renderLayout(context, lib, 'agent-body', sections);
}

// ---------------------------------------------------------------------------------------------
// Condensing. A section body is a lead paragraph, lists, and "### " sub-sections (technology
// facets, phases). A condensed section keeps the lead, the first items of its first list and,
// while there is room, the first items of each sub-section's first list. Blocks write their most
// important items first (templates/README.md), so cutting from the end keeps what matters most.
// ---------------------------------------------------------------------------------------------

/** How much of each section a condensed rendering keeps. */
export interface Detail {
  /** Items kept of the section's first list. */
  items: number;
  /** Items kept of each sub-section's first list; 0 drops the sub-sections. */
  subItems: number;
  /** Keep only the first sentence of the lead paragraph. */
  leadSentence: boolean;
}

/** From most to least detail; a format takes the first step that fits its limit. */
export const CONDENSE_LADDER: readonly Detail[] = [
  { items: 5, subItems: 3, leadSentence: false },
  { items: 4, subItems: 2, leadSentence: false },
  { items: 3, subItems: 1, leadSentence: false },
  { items: 3, subItems: 0, leadSentence: false },
  { items: 2, subItems: 0, leadSentence: false },
  { items: 1, subItems: 0, leadSentence: false },
  { items: 0, subItems: 0, leadSentence: false },
  { items: 0, subItems: 0, leadSentence: true },
];

type ChunkKind = 'heading' | 'list' | 'paragraph' | 'fence';
interface Chunk {
  kind: ChunkKind;
  lines: string[];
}

const LIST_ITEM = /^(?:[-*+]|\d+[.)])\s/;
const FENCE = /^(```|~~~)/;

/** Splits Markdown into blank-line separated chunks, keeping fenced code blocks whole. */
function chunks(markdown: string): Chunk[] {
  const out: Chunk[] = [];
  let current: string[] = [];
  let fence: string | null = null;
  const flush = () => {
    if (current.length === 0) return;
    const first = current[0]!;
    const kind: ChunkKind = FENCE.test(first) ? 'fence' : /^#{1,6}\s/.test(first) && current.length === 1 ? 'heading' : LIST_ITEM.test(first) ? 'list' : 'paragraph';
    out.push({ kind, lines: current });
    current = [];
  };
  for (const line of markdown.split('\n')) {
    if (fence !== null) {
      current.push(line);
      if (line.startsWith(fence)) {
        fence = null;
        flush();
      }
      continue;
    }
    const opening = FENCE.exec(line);
    if (opening) {
      flush();
      fence = opening[1]!;
      current.push(line);
      continue;
    }
    if (line.trim() === '') flush();
    else if (/^#{1,6}\s/.test(line)) {
      flush();
      current.push(line);
      flush();
    } else current.push(line);
  }
  flush();
  return out;
}

/** The first n items of a list chunk; an item's continuation lines stay with it. */
function firstItems(list: Chunk, n: number): string[] {
  const items: string[][] = [];
  for (const line of list.lines) {
    if (LIST_ITEM.test(line) || items.length === 0) items.push([line]);
    else items[items.length - 1]!.push(line);
  }
  return items.slice(0, n).flat();
}

/** The first sentence of a paragraph (up to a full stop, question or exclamation mark followed by a space). */
export function firstSentence(paragraph: string): string {
  const text = paragraph.replace(/\s*\n\s*/g, ' ');
  const match = /^.*?[.!?](?=\s|$)/.exec(text);
  return match ? match[0] : text;
}

/** A section cut down to the given detail. Pure and deterministic. */
export function condenseSection(section: Section, detail: Detail): Section {
  const parts = chunks(section.body);
  const firstHeading = parts.findIndex((c) => c.kind === 'heading');
  const top = firstHeading === -1 ? parts : parts.slice(0, firstHeading);
  const out: string[] = [];

  const lead = top[0]?.kind === 'paragraph' ? top[0].lines.join('\n') : null;
  if (lead !== null) out.push(detail.leadSentence ? firstSentence(lead) : lead);
  // A section with no lead, or a lead that introduces its list ("…any of these:"), keeps at least
  // one item, so no section vanishes and no lead dangles.
  const needsItem = lead === null || out[0]!.trimEnd().endsWith(':');
  const items = needsItem ? Math.max(detail.items, 1) : detail.items;
  const list = top.find((c) => c.kind === 'list');
  if (list && items > 0) out.push(firstItems(list, items).join('\n'));

  if (detail.subItems > 0 && firstHeading !== -1) {
    const rest = parts.slice(firstHeading);
    for (let i = 0; i < rest.length; i++) {
      const chunk = rest[i]!;
      if (chunk.kind !== 'heading') continue;
      const next = rest.slice(i + 1);
      const end = next.findIndex((c) => c.kind === 'heading');
      const sub = (end === -1 ? next : next.slice(0, end)).find((c) => c.kind === 'list');
      if (!sub) continue;
      out.push(chunk.lines[0]!, firstItems(sub, detail.subItems).join('\n'));
    }
  }
  return { ...section, body: out.join('\n\n') };
}

export function condenseSections(sections: readonly Section[], detail: Detail): Section[] {
  return sections.map((s) => condenseSection(s, detail)).filter((s) => s.body.length > 0);
}

export interface Fitted {
  text: string;
  /** The ladder step used: -1 for the whole agent. */
  step: number;
  fits: boolean;
}

/**
 * Renders the whole agent, or else the most detailed condensed form that `fits`. When nothing fits
 * the result carries the smallest rendering and fits: false, so the caller can say by how much.
 */
export function renderToFit(
  render: (sections: readonly Section[], condensed: boolean) => string,
  sections: readonly Section[],
  fits: (text: string) => boolean,
): Fitted {
  const whole = render(sections, false);
  if (fits(whole)) return { text: whole, step: -1, fits: true };
  let text = whole;
  for (const [step, detail] of CONDENSE_LADDER.entries()) {
    text = render(condenseSections(sections, detail), true);
    if (fits(text)) return { text, step, fits: true };
  }
  return { text, step: CONDENSE_LADDER.length - 1, fits: false };
}

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
