/**
 * One isolated Handlebars runtime with this project's helpers. Templates arrive precompiled
 * (build/build-library.ts), so only the runtime is needed and user text is never compiled.
 */
import runtimeModule from 'handlebars/runtime.js';
import type HandlebarsFull from 'handlebars';
import type { TemplateSpec } from '../library/index.js';
import { mdCell, mdCode, mdHeading, mdLinkText, mdText, tableCell } from './markdown.js';
import { prose } from './prose.js';

export { prose };

// The runtime build is the full API minus the compiler; its own typings declare nothing.
const HandlebarsRuntime = runtimeModule as unknown as typeof HandlebarsFull;
type Runtime = typeof HandlebarsFull;
type Named = { name: string } | string;

const nameOf = (item: Named): string => (typeof item === 'string' ? item : item.name);


function createRuntime(): Runtime {
  const hb = HandlebarsRuntime.create();
  hb.registerHelper({
    list: (items: readonly Named[] | undefined) => prose((items ?? []).map(nameOf)),
    codeList: (items: readonly Named[] | undefined) => prose((items ?? []).map((i) => `\`${nameOf(i)}\``)),
    eq: (a: unknown, b: unknown) => a === b,
    and: (...args: unknown[]) => args.slice(0, -1).every(Boolean),
    or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
    not: (value: unknown) => !value,
    includes: (list: unknown, value: unknown) => Array.isArray(list) && list.some((x) => x === value || (x as { id?: unknown })?.id === value),
    lowerFirst: (text: unknown) => String(text ?? '').replace(/^[A-Z](?![A-Z])/, (c) => c.toLowerCase()),
    plural: (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`,
    cell: (text: unknown) => tableCell(String(text ?? '')),
    // The user's free text, one helper per Markdown context (render/markdown.ts).
    mdHeading: (text: unknown) => mdHeading(String(text ?? '')),
    mdText: (text: unknown) => mdText(String(text ?? '')),
    mdCell: (text: unknown) => mdCell(String(text ?? '')),
    mdLinkText: (text: unknown) => mdLinkText(String(text ?? '')),
    mdCode: (text: unknown) => mdCode(String(text ?? '')),
    // Inline code in a table cell: a pipe would still split the row.
    mdCodeCell: (text: unknown) => mdCode(String(text ?? '')).replace(/\|/g, '\\|'),
  });
  return hb;
}

const runtime = createRuntime();
type Compiled = (context: unknown, options?: { partials?: Record<string, Compiled> }) => string;
const cache = new WeakMap<TemplateSpec, Compiled>();

function compiled(spec: TemplateSpec): Compiled {
  let template = cache.get(spec);
  if (!template) {
    template = runtime.template(spec as never) as unknown as Compiled;
    cache.set(spec, template);
  }
  return template;
}

const resolvedPartials = new WeakMap<Readonly<Record<string, TemplateSpec>>, Record<string, Compiled>>();
const NO_PARTIALS = {};

export function renderTemplate(spec: TemplateSpec, context: unknown, partials: Readonly<Record<string, TemplateSpec>> = NO_PARTIALS): string {
  let resolved = resolvedPartials.get(partials);
  if (!resolved) {
    resolved = Object.fromEntries(Object.entries(partials).map(([name, p]) => [name, compiled(p)]));
    resolvedPartials.set(partials, resolved);
  }
  return compiled(spec)(context, { partials: resolved });
}
