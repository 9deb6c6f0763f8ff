/**
 * Reads a team pack from its files: the same layout and schemas as templates/ (blocks, facets,
 * skills, presets, layouts), plus pack.yaml (its name, version and what it turns off). Pure: the CLI
 * reads the folder (edge/packs.ts) and hands the files over. Every problem names the file and line.
 */
import * as z from 'zod/mini';
import { splitFrontmatter } from '../lint/parse.js';
import { BlockMetaSchema, FacetSchema, PresetSchema, SkillMetaSchema, FACET_KINDS, type FacetDefinition, type Preset } from '../library/schema.js';
import { AnswersSchema } from '../answers/schema.js';
import type { Block, Skill, TemplateSpec } from '../library/index.js';
import { InputError } from '../errors.js';
import { checkLocated, parseLocatedYaml, PackProblem } from './lines.js';
import { compilePackTemplate } from './compile.js';

export const PACK_MANIFEST = 'pack.yaml';

const itemId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lowercase letters, digits and hyphens'));
const ids = () => z._default(z.array(itemId), []);

export const PackManifestSchema = z.strictObject({
  /** How the manifest and the reports name the pack: an npm-style name. */
  name: z.string().check(z.regex(/^(?:@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/, 'a pack name is an npm-style name, e.g. "acme-platform" or "@acme/backend-agent-pack"')),
  /** Recorded in the manifest beside every section the pack provides; a package's version otherwise. */
  version: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  description: z.optional(z.string()),
  /** Built-in (or earlier packs') items this pack turns off, by id. */
  disable: z.prefault(z.strictObject({ blocks: ids(), facets: ids(), skills: ids(), presets: ids() }), {}),
});
export type PackManifest = z.infer<typeof PackManifestSchema>;

export interface PackFile {
  /** Relative to the pack's folder, forward slashes. */
  path: string;
  text: string;
}

export interface PackSource {
  /** How reports name the pack's folder: ".backend-agent/pack", "node_modules/@acme/pack". */
  root: string;
  files: readonly PackFile[];
  /** The package.json of a pack installed as an npm package: its name and version are the default. */
  packageJson?: { name?: unknown; version?: unknown } | undefined;
}

export interface PackInfo {
  name: string;
  version: string;
  /** Where it was read from: the folder as reports name it. */
  source: string;
}

/** Where an item of the composed library came from, when a pack provided it. */
export interface Origin {
  pack: string;
  version: string;
  /** The file, as reports name it: ".backend-agent/pack/blocks/incident-process.md". */
  file: string;
  /** Set when it replaces a built-in (or an earlier pack's) item with the same id. */
  replaces?: boolean;
}

export interface Located<T> {
  item: T;
  file: string;
  /** The line of the field to point at for a problem found later (a requires, an implies). */
  lineOf: (path: ReadonlyArray<PropertyKey>) => number;
}

export interface Pack {
  info: PackInfo;
  manifest: PackManifest;
  /** The line of each pack.yaml field, for problems found when composing. */
  manifestLineOf: (path: ReadonlyArray<PropertyKey>) => number;
  blocks: Array<Located<Block>>;
  skills: Array<Located<Skill>>;
  facets: Array<Located<FacetDefinition>>;
  presets: Array<Located<Preset>>;
  layouts: Array<Located<{ name: string; template: TemplateSpec }>>;
}

/** Every problem of a pack, one line each with file and line; exit 1 like any bad input. */
export class PackError extends InputError {
  constructor(readonly problems: readonly string[]) {
    super(problems.length === 1 ? `Invalid pack: ${problems[0]}` : `Invalid pack, ${problems.length} problems:\n  ${problems.join('\n  ')}`, 'Fix the file at that line (docs/packs.md describes every file), then run again.');
  }
}

const base = (path: string, ext: string) => path.slice(path.lastIndexOf('/') + 1, -ext.length);

function frontmatterFile(file: PackFile, shown: string) {
  const split = splitFrontmatter(file.text);
  if (split.frontmatter === null) throw new PackProblem(shown, 1, split.unclosed ? 'the frontmatter opened on line 1 never closes with ---' : 'a block or skill starts with YAML frontmatter between --- lines');
  const located = parseLocatedYaml(split.frontmatter, shown, split.frontmatterLine);
  const frontmatterLines = split.frontmatter === '' ? 0 : split.frontmatter.split('\n').length;
  // The body starts after the closing ---; its leading blank lines are dropped, as the library build does.
  const leading = /^(?:[ \t]*\r?\n)*/.exec(split.body)![0];
  const bodyLine = split.frontmatterLine + frontmatterLines + 1 + (leading.match(/\n/g)?.length ?? 0);
  return { located, body: split.body.slice(leading.length), bodyLine };
}

export function readPack(source: PackSource): Pack {
  const problems: string[] = [];
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof PackProblem) problems.push(error.message);
      else throw error;
      return undefined;
    }
  };
  const shown = (path: string) => `${source.root}/${path}`;
  const inFolder = (folder: string) => source.files.filter((f) => f.path.startsWith(`${folder}/`)).sort((a, b) => a.path.localeCompare(b.path));

  const manifestFile = source.files.find((f) => f.path === PACK_MANIFEST);
  const fromPackage = { name: typeof source.packageJson?.name === 'string' ? source.packageJson.name : undefined, version: typeof source.packageJson?.version === 'string' ? source.packageJson.version : undefined };
  let manifest: PackManifest | undefined;
  let manifestLineOf: Pack['manifestLineOf'] = () => 1;
  if (manifestFile) {
    manifest = attempt(() => {
      const located = parseLocatedYaml(manifestFile.text, shown(PACK_MANIFEST));
      manifestLineOf = located.lineOf;
      const data = located.data ?? {};
      const withDefaults = typeof data === 'object' && data !== null && !Array.isArray(data) && fromPackage.name !== undefined && !('name' in data) ? { name: fromPackage.name, ...data } : data;
      return checkLocated(PackManifestSchema, { ...located, data: withDefaults }, shown(PACK_MANIFEST));
    });
  } else if (fromPackage.name !== undefined) {
    manifest = attempt(() => checkLocated(PackManifestSchema, { data: { name: fromPackage.name }, lineOf: () => 1 }, `${source.root}/package.json`));
  } else {
    problems.push(`${shown(PACK_MANIFEST)}:1: missing; a pack names itself there (name: acme-platform), see docs/packs.md`);
  }

  const blocks: Pack['blocks'] = [];
  for (const file of inFolder('blocks')) {
    const where = shown(file.path);
    const block = attempt(() => {
      if (!file.path.endsWith('.md') || file.path.split('/').length !== 2) throw new PackProblem(where, 1, 'blocks/ holds <id>.md files only');
      const { located, body, bodyLine } = frontmatterFile(file, where);
      const meta = checkLocated(BlockMetaSchema, located, where);
      if (meta.id !== base(file.path, '.md')) throw new PackProblem(where, located.lineOf(['id']), `id "${meta.id}" must match the file name`);
      return { item: { meta, template: compilePackTemplate(body, where, bodyLine) }, file: where, lineOf: located.lineOf };
    });
    if (block) blocks.push(block);
  }

  const skills: Pack['skills'] = [];
  for (const file of inFolder('skills')) {
    const where = shown(file.path);
    const skill = attempt(() => {
      if (!file.path.endsWith('.md') || file.path.split('/').length !== 2) throw new PackProblem(where, 1, 'skills/ holds <name>.md files only');
      const { located, body, bodyLine } = frontmatterFile(file, where);
      const meta = checkLocated(SkillMetaSchema, located, where);
      if (meta.name !== base(file.path, '.md')) throw new PackProblem(where, located.lineOf(['name']), `name "${meta.name}" must match the file name`);
      return {
        item: {
          meta,
          template: compilePackTemplate(body, where, bodyLine),
          description: compilePackTemplate(meta.description, where, located.lineOf(['description'])),
          index: compilePackTemplate(meta.index, where, located.lineOf(['index'])),
        },
        file: where,
        lineOf: located.lineOf,
      };
    });
    if (skill) skills.push(skill);
  }

  const facets: Pack['facets'] = [];
  for (const file of inFolder('facets')) {
    const where = shown(file.path);
    const facet = attempt(() => {
      const parts = file.path.split('/');
      const kind = parts[1] as (typeof FACET_KINDS)[number];
      if (parts.length !== 3 || !file.path.endsWith('.yaml') || !FACET_KINDS.includes(kind)) {
        throw new PackProblem(where, 1, `facets/ holds <kind>/<id>.yaml files, the kind one of ${FACET_KINDS.join(', ')}`);
      }
      const located = parseLocatedYaml(file.text, where);
      const data = checkLocated(FacetSchema, located, where);
      if (data.id !== base(file.path, '.yaml')) throw new PackProblem(where, located.lineOf(['id']), `id "${data.id}" must match the file name`);
      if (data.kind !== kind) throw new PackProblem(where, located.lineOf(['kind']), `kind "${data.kind}" must match its folder "${kind}"`);
      return { item: data, file: where, lineOf: located.lineOf };
    });
    if (facet) facets.push(facet);
  }

  const presets: Pack['presets'] = [];
  for (const file of inFolder('presets')) {
    const where = shown(file.path);
    const preset = attempt(() => {
      if (!file.path.endsWith('.yaml') || file.path.split('/').length !== 2) throw new PackProblem(where, 1, 'presets/ holds <name>.yaml files only');
      const located = parseLocatedYaml(file.text, where);
      const data = checkLocated(PresetSchema, located, where);
      if (data.name !== base(file.path, '.yaml')) throw new PackProblem(where, located.lineOf(['name']), `name "${data.name}" must match the file name`);
      checkLocated(AnswersSchema, { data: data.answers, lineOf: (path) => located.lineOf(['answers', ...path]) }, where);
      return { item: data, file: where, lineOf: located.lineOf };
    });
    if (preset) presets.push(preset);
  }

  const layouts: Pack['layouts'] = [];
  for (const file of inFolder('layouts')) {
    const where = shown(file.path);
    const layout = attempt(() => {
      if (!file.path.endsWith('.hbs') || file.path.split('/').length !== 2) throw new PackProblem(where, 1, 'layouts/ holds <name>.hbs files only');
      const name = base(file.path, '.hbs').replace(/\.md$/, '');
      return { item: { name, template: compilePackTemplate(file.text, where) }, file: where, lineOf: () => 1 };
    });
    if (layout) layouts.push(layout);
  }

  if (problems.length > 0 || !manifest) throw new PackError(problems);
  const version = manifest.version ?? fromPackage.version ?? 'unversioned';
  return { info: { name: manifest.name, version, source: source.root }, manifest, manifestLineOf, blocks, skills, facets, presets, layouts };
}
