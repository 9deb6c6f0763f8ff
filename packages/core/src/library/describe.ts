/** Human-readable descriptions of the library, for `backend-agent blocks` and docs/blocks.md. */
import type { BlockMeta, Condition } from './schema.js';
import { FACET_KINDS } from './kinds.js';
import type { Library } from './index.js';

/**
 * What the descriptions read: the library's data without its templates, so a library read from
 * templates/ (the maintainers' generators, before a build) is described the same way.
 */
export type LibraryData = Pick<Library, 'facets' | 'presets'> & { blocks: ReadonlyArray<{ meta: BlockMeta }> };

export function describeCondition(condition: Condition | undefined): string {
  if (!condition) return 'always';
  if ('all' in condition) return condition.all.map(describeNested).join(' and ');
  if ('any' in condition) return condition.any.map(describeNested).join(' or ');
  if ('not' in condition) return `not ${describeNested(condition.not)}`;
  if ('nonEmpty' in condition) return `${condition.path} is set`;
  if ('includes' in condition) return `${condition.path} has ${condition.includes}`;
  if ('includesAny' in condition) return `${condition.path} has any of ${condition.includesAny.join(', ')}`;
  if ('equals' in condition) return `${condition.path} = ${String(condition.equals)}`;
  if ('atMost' in condition) return `${condition.path} ≤ ${condition.atMost}`;
  if ('atLeast' in condition) return `${condition.path} ≥ ${condition.atLeast}`;
  return `${condition.path} in ${condition.in.join(', ')}`;
}

function describeNested(condition: Condition): string {
  const text = describeCondition(condition);
  return 'all' in condition || 'any' in condition ? `(${text})` : text;
}

export interface BlockRow {
  id: string;
  title: string;
  area: string;
  order: number;
  sources: string[];
  when: string;
  requires: string[];
  conflicts: string[];
}

export function blockRows(lib: LibraryData): BlockRow[] {
  return [...lib.blocks]
    .sort((a, b) => a.meta.order - b.meta.order || a.meta.id.localeCompare(b.meta.id))
    .map(({ meta }) => ({
      id: meta.id,
      title: meta.title,
      area: meta.area,
      order: meta.order,
      sources: meta.sources.map((s) => s.replace(/_[0-9a-f]+\.txt$/, '')),
      when: describeCondition(meta.when),
      requires: meta.requires,
      conflicts: meta.conflicts,
    }));
}

export function facetRows(lib: LibraryData) {
  return FACET_KINDS.map((kind) => ({
    kind,
    facets: lib.facets.filter((f) => f.kind === kind).map((f) => ({ id: f.id, name: f.name, aliases: f.aliases })),
  }));
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** docs/blocks.md: the catalog of the library as it is built. A test keeps the file in step. */
export function catalogMarkdown(lib: LibraryData): string {
  const lines = [
    '# Block and facet catalog',
    '',
    'Generated from `templates/` by `pnpm catalog`; a test fails when this file is out of date.',
    'Sources are the seed documents (`000`–`004`) a block draws on, or `original`.',
    '',
    `## Blocks (${lib.blocks.length})`,
    '',
    '| Order | Id | Title | Area | Sources | Included when | Requires |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...blockRows(lib).map(
      (b) => `| ${b.order} | \`${b.id}\` | ${cell(b.title)} | ${b.area} | ${b.sources.join(', ')} | ${cell(b.when)} | ${b.requires.join(', ') || '–'} |`,
    ),
    '',
    `## Facets (${lib.facets.length})`,
    '',
    '| Kind | Id | Name | Aliases |',
    '| --- | --- | --- | --- |',
    ...facetRows(lib).flatMap(({ kind, facets }) =>
      facets.map((f) => `| ${kind} | \`${f.id}\` | ${cell(f.name)} | ${f.aliases.map((a) => `\`${a}\``).join(', ') || '–'} |`),
    ),
    '',
    `## Presets (${lib.presets.length})`,
    '',
    '| Name | Description |',
    '| --- | --- |',
    ...lib.presets.map((p) => `| \`${p.name}\` | ${cell(p.description)} |`),
    '',
  ];
  return lines.join('\n');
}
