/** ADRs in the layout both adr-tools and log4brains read (see FORMATS.md). */
import type { Library } from '../library/index.js';
import type { RenderContext } from '../render/context.js';
import { renderTemplate } from '../render/handlebars.js';
import { tidyMarkdown } from '../render/markdown.js';
import { docTemplate } from './template.js';

/** adr-tools' file-name rule: lowercase, runs of anything else become one hyphen. */
export function adrSlug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function adrFileName(number: number, title: string, width = 4): string {
  return `${String(number).padStart(width, '0')}-${adrSlug(title)}.md`;
}

const CONCERN: Record<string, string> = {
  language: 'Language',
  framework: 'Framework',
  datastore: 'Datastore',
  messaging: 'Messaging',
  cloud: 'Cloud',
  infrastructure: 'Infrastructure',
  api: 'API style',
  compliance: 'Compliance',
};

export interface RenderedAdr {
  path: string;
  content: string;
}

export function renderRecordDecisionsAdr(context: RenderContext, lib: Library, number: number): RenderedAdr {
  const title = 'Record architecture decisions';
  const content = renderTemplate(docTemplate(lib, 'adr-record-decisions'), { ...context, adr: { number, title } });
  return { path: `${context.docs.adrDir}/${adrFileName(number, title)}`, content: tidyMarkdown(content) };
}

export function stackAdrTitle(context: RenderContext): string {
  return `Technology stack for ${context.service.name}`;
}

export function renderStackAdr(context: RenderContext, lib: Library, number: number): RenderedAdr {
  const title = stackAdrTitle(context);
  const rows = context.stack.all.map((f) => ({ concern: CONCERN[f.kind], name: f.name, summary: f.summary }));
  const tradeoffs = context.stack.all.flatMap((f) => f.tradeoffs.map((text) => ({ name: f.name, text })));
  const content = renderTemplate(docTemplate(lib, 'adr-stack'), { ...context, adr: { number, title }, rows, tradeoffs });
  return { path: `${context.docs.adrDir}/${adrFileName(number, title)}`, content: tidyMarkdown(content) };
}
