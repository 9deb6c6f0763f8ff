/**
 * New library files for the maintainers' generators (`pnpm gen block|facet|preset`): the data is
 * checked against the library's own schemas and written as YAML by the yaml library, in the style
 * of the files already in templates/ (short id lists and conditions on one line). Pure: the
 * generator reads the library and writes the files.
 */
import { Document, isMap, isScalar, parse as parseYaml, visit } from 'yaml';
import {
  AREAS, FACET_KINDS, InputError, catalogMarkdown, library, mergeLayers, parseSetFlag, resolveAnswers,
  type BlockMeta, type FacetDefinition as Facet, type FacetKind, type Plain, type Preset,
} from '@create-backend-agent/core';
import { BlockMetaSchema, FacetSchema, PresetSchema } from '../packages/core/src/library/schema.js';

/** What the generators read of the library (templates/ as it is now, see readLibrarySource). */
export interface LibrarySnapshot {
  blocks: ReadonlyArray<{ meta: BlockMeta }>;
  facets: readonly Facet[];
  presets: readonly Preset[];
}

export interface LibraryFile {
  /** Repository-relative path of the new file. */
  path: string;
  content: string;
  /** The library with the new file in it, for the catalog. */
  library: LibrarySnapshot;
}

export const CATALOG_PATH = 'docs/blocks.md';

/**
 * The order the library build reads files in (readLibrarySource: facets by kind, then file name;
 * presets by file name), so the catalog written now is the one `pnpm catalog` writes after a build.
 */
const byFileName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const facetOrder = (a: Facet, b: Facet) => FACET_KINDS.indexOf(a.kind) - FACET_KINDS.indexOf(b.kind) || byFileName(`${a.id}.yaml`, `${b.id}.yaml`);
const presetOrder = (a: Preset, b: Preset) => byFileName(`${a.name}.yaml`, `${b.name}.yaml`);

/** "a, b" -> [a, b]; empty items dropped. */
export const commaList = (text: string | undefined): string[] => (text ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
/** Sentences separated by ";" (they contain commas). */
export const semicolonList = (text: string | undefined): string[] => (text ?? '').split(';').map((s) => s.trim()).filter((s) => s !== '');

interface Issue { code: string; path: PropertyKey[]; message: string; origin?: string; minimum?: unknown }
interface Schema<T> { safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: Issue[] } } }

function validated<T>(schema: Schema<T>, data: unknown, what: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join('.') || what;
  const flag = `--${String(issue.path[0] ?? 'id')}`;
  if (issue.code === 'too_small' && issue.origin === 'array') {
    throw new InputError(`A ${what} needs at least ${String(issue.minimum)} ${field}.`, `Pass them with ${flag}, separated by ";".`);
  }
  throw new InputError(`Invalid ${what} ${field}: ${issue.message}.`, `Fix ${flag}.`);
}

/** YAML as the library writes it: id lists and conditions on one line, long text never folded. */
function yamlText(data: object): string {
  const doc = new Document(data);
  visit(doc, {
    Seq(_key, node) {
      if (node.items.every((item) => isScalar(item) && (typeof item.value === 'number' || (typeof item.value === 'string' && !/\s/.test(item.value))))) node.flow = true;
    },
    Pair(_key, pair) {
      if (isScalar(pair.key) && pair.key.value === 'when' && isMap(pair.value)) pair.value.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function unused(kind: string, id: string, taken: readonly string[]): void {
  if (taken.includes(id)) throw new InputError(`There is already a ${kind} "${id}".`, 'Choose another id; the generator never overwrites a library file.');
}

export interface BlockAnswers {
  id?: string;
  title?: string;
  area?: string;
  order?: number | string;
  sources?: string;
  when?: string;
  requires?: string;
}

/** The body a new block starts with: valid, renderable, and plainly a draft to replace. */
function starterBody(title: string): string {
  return [
    `Draft, to be replaced: what a staff engineer does about ${title.charAt(0).toLowerCase()}${title.slice(1)} on the \`{{service.name}}\` service, as rules a reviewer can check.`,
    '',
    '- One rule per bullet, the most important first, each with the command, setting or figure that makes it checkable.',
    '- Technology specifics belong in the facets (`stack.<kind>` with their `practices` and `pitfalls`), never in this block.',
    '',
  ].join('\n');
}

export function newBlock(answers: BlockAnswers, lib: LibrarySnapshot): LibraryFile {
  const id = (answers.id ?? '').trim();
  const title = (answers.title ?? '').trim();
  const area = (answers.area ?? '').trim();
  if (id === '' || title === '' || area === '') {
    throw new InputError('A block needs an id, a title and an area.', `Areas: ${AREAS.join(', ')}. E.g. pnpm gen block feature-flags "Feature flags" delivery.`);
  }
  unused('block', id, lib.blocks.map((b) => b.meta.id));
  const highest = Math.max(0, ...lib.blocks.map((b) => b.meta.order));
  const order = answers.order === undefined || answers.order === '' ? Math.floor(highest / 10) * 10 + 10 : Number(answers.order);
  let when: unknown;
  if (answers.when !== undefined && answers.when.trim() !== '') {
    try {
      when = parseYaml(answers.when);
    } catch (error) {
      throw new InputError(`Invalid when: ${(error as Error).message.split('\n')[0]}.`, 'Write it as YAML, e.g. "{ path: stack.messaging, nonEmpty: true }".');
    }
  }
  const requires = commaList(answers.requires);
  const known = new Set(lib.blocks.map((b) => b.meta.id));
  const missing = requires.filter((r) => !known.has(r));
  if (missing.length > 0) throw new InputError(`requires names no block: ${missing.join(', ')}.`, `Known blocks: ${[...known].join(', ')}.`);
  const meta = validated(BlockMetaSchema, {
    id, title, area, order,
    sources: commaList(answers.sources ?? 'original'),
    ...(when === undefined ? {} : { when }),
    ...(requires.length > 0 ? { requires } : {}),
  }, 'block');
  // Written without the defaults the schema adds (empty requires and conflicts), as the library's files are.
  const written = { id: meta.id, title: meta.title, area: meta.area, order: meta.order, sources: meta.sources, ...(meta.when ? { when: meta.when } : {}), ...(requires.length > 0 ? { requires } : {}) };
  return {
    path: `templates/blocks/${id}.md`,
    content: `---\n${yamlText(written)}---\n${starterBody(title)}`,
    library: { ...lib, blocks: [...lib.blocks, { meta }] },
  };
}

export interface FacetAnswers {
  id?: string;
  name?: string;
  kind?: string;
  summary?: string;
  aliases?: string;
  implies?: string;
  tradeoffs?: string;
  practices?: string;
  pitfalls?: string;
  sources?: string;
}

export function newFacet(answers: FacetAnswers, lib: LibrarySnapshot): LibraryFile {
  const id = (answers.id ?? '').trim();
  const kind = (answers.kind ?? '').trim() as FacetKind;
  if (id === '' || !(FACET_KINDS as readonly string[]).includes(kind)) {
    throw new InputError('A facet needs an id and a kind.', `Kinds: ${FACET_KINDS.join(', ')}. E.g. pnpm gen facet -- --id cockroachdb --kind datastore …`);
  }
  unused('facet', id, lib.facets.map((f) => f.id));
  const aliases = commaList(answers.aliases).map((a) => a.toLowerCase());
  // Flags and stack detection look a facet up by its aliases: each may name one facet only.
  for (const alias of [id, ...aliases]) {
    const owner = lib.facets.find((f) => f.id === alias || f.aliases.includes(alias));
    if (owner) throw new InputError(`"${alias}" already names the ${owner.kind} facet ${owner.id}.`, 'Drop that alias.');
  }
  const implies = commaList(answers.implies);
  const unknown = implies.filter((i) => !lib.facets.some((f) => f.id === i));
  if (unknown.length > 0) throw new InputError(`implies names no facet: ${unknown.join(', ')}.`, 'Use facet ids from docs/blocks.md.');
  const data = {
    id, name: (answers.name ?? '').trim(), kind,
    ...(aliases.length > 0 ? { aliases } : {}),
    ...(implies.length > 0 ? { implies } : {}),
    summary: (answers.summary ?? '').trim(),
    ...(semicolonList(answers.tradeoffs).length > 0 ? { tradeoffs: semicolonList(answers.tradeoffs) } : {}),
    practices: semicolonList(answers.practices),
    pitfalls: semicolonList(answers.pitfalls),
    sources: commaList(answers.sources ?? 'original'),
  };
  const facet = validated(FacetSchema, data, 'facet');
  return {
    path: `templates/facets/${kind}/${id}.yaml`,
    content: yamlText(data),
    library: { ...lib, facets: [...lib.facets, facet].sort(facetOrder) },
  };
}

export interface PresetAnswers {
  name?: string;
  description?: string;
  /** `--set` expressions separated by ";": "stack.languages=go; stack.frameworks=gin". */
  answers?: string;
  sources?: string;
}

export function newPreset(answers: PresetAnswers, lib: LibrarySnapshot): LibraryFile {
  const name = (answers.name ?? '').trim();
  if (name === '') throw new InputError('A preset needs a name.', 'E.g. pnpm gen preset -- --name go-grpc --description "…" --answers "stack.languages=go; stack.apiStyles=grpc".');
  unused('preset', name, lib.presets.map((p) => p.name));
  const values: Plain = mergeLayers(...semicolonList(answers.answers).map((expression) => parseSetFlag(expression)));
  // A preset is answers: they must resolve, against the facets as they are in templates/ now.
  resolveAnswers([{ source: `preset ${name}`, values }], { ...library, facets: lib.facets });
  const data = { name, description: (answers.description ?? '').trim(), sources: commaList(answers.sources ?? 'original'), answers: values };
  const preset = validated(PresetSchema, data, 'preset');
  return {
    path: `templates/presets/${name}.yaml`,
    content: yamlText(data),
    library: { ...lib, presets: [...lib.presets, preset].sort(presetOrder) },
  };
}

/** docs/blocks.md for a library: the catalog `pnpm catalog` writes after a build. */
export function catalogFor(lib: LibrarySnapshot): string {
  return catalogMarkdown(lib);
}
