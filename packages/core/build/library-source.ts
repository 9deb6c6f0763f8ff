/**
 * Build-time reader of templates/: parses and validates every library file.
 * Used by the library build and by the library lint tests; never shipped in the CLI.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, basename, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import { parse as parseYaml } from 'yaml';
import type * as z from 'zod/mini';
import type { Term } from './facet-lint.js';
import {
  BlockMetaSchema, FacetSchema, OperationSchema, PresetSchema, SkillMetaSchema, TermsSchema, FACET_KINDS,
  type BlockMeta, type FacetDefinition, type OperationDefinition, type Preset, type SkillMeta,
} from '../src/library/schema.js';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../../templates/', import.meta.url));

export interface SourceBlock { file: string; meta: BlockMeta; body: string }
export interface SourceSkill { file: string; meta: SkillMeta; body: string }
export interface SourceTemplate { file: string; name: string; body: string }
export interface LibrarySource {
  blocks: SourceBlock[];
  skills: SourceSkill[];
  facets: Array<FacetDefinition & { file: string }>;
  presets: Array<Preset & { file: string }>;
  /** Platforms, infrastructure and datastores with their runbook commands (operations/*.yaml). */
  operations: Array<OperationDefinition & { file: string }>;
  /** Names that belong to technologies (facets/terms.yaml), for the facet lint. */
  terms: Term[];
  layouts: SourceTemplate[];
  docs: SourceTemplate[];
}

export class LibraryError extends Error {
  override readonly name = 'LibraryError';
}

function files(dir: string, ext: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries
    .filter((name) => name.endsWith(ext) && statSync(join(dir, name)).isFile())
    .sort()
    .map((name) => join(dir, name));
}

function check<S extends z.ZodMiniType>(schema: S, data: unknown, file: string, root: string): z.infer<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new LibraryError(`${relative(root, file)}: ${issues}`);
  }
  return result.data;
}

function readYaml(file: string, root: string): unknown {
  try {
    return parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new LibraryError(`${relative(root, file)}: invalid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** Reads and validates the library. Throws LibraryError listing every invalid file. */
export function readLibrarySource(root = TEMPLATES_DIR): LibrarySource {
  const errors: string[] = [];
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof LibraryError) errors.push(error.message);
      else throw error;
      return undefined;
    }
  };

  const blocks: SourceBlock[] = [];
  for (const file of files(join(root, 'blocks'), '.md')) {
    const block = attempt(() => {
      const parsed = matter(readFileSync(file, 'utf8'));
      const meta = check(BlockMetaSchema, parsed.data, file, root);
      if (meta.id !== basename(file, '.md')) throw new LibraryError(`${relative(root, file)}: id "${meta.id}" must match the file name`);
      return { file, meta, body: parsed.content.replace(/^\n+/, '') };
    });
    if (block) blocks.push(block);
  }

  const skills: SourceSkill[] = [];
  for (const file of files(join(root, 'skills'), '.md')) {
    const skill = attempt(() => {
      const parsed = matter(readFileSync(file, 'utf8'));
      const meta = check(SkillMetaSchema, parsed.data, file, root);
      if (meta.name !== basename(file, '.md')) throw new LibraryError(`${relative(root, file)}: name "${meta.name}" must match the file name`);
      return { file, meta, body: parsed.content.replace(/^\n+/, '') };
    });
    if (skill) skills.push(skill);
  }

  const facets: LibrarySource['facets'] = [];
  for (const kind of FACET_KINDS) {
    for (const file of files(join(root, 'facets', kind), '.yaml')) {
      const facet = attempt(() => {
        const data = check(FacetSchema, readYaml(file, root), file, root);
        if (data.id !== basename(file, '.yaml')) throw new LibraryError(`${relative(root, file)}: id "${data.id}" must match the file name`);
        if (data.kind !== kind) throw new LibraryError(`${relative(root, file)}: kind "${data.kind}" must match its folder "${kind}"`);
        return { ...data, file };
      });
      if (facet) facets.push(facet);
    }
  }

  const presets: LibrarySource['presets'] = [];
  for (const file of files(join(root, 'presets'), '.yaml')) {
    const preset = attempt(() => {
      const data = check(PresetSchema, readYaml(file, root), file, root);
      if (data.name !== basename(file, '.yaml')) throw new LibraryError(`${relative(root, file)}: name "${data.name}" must match the file name`);
      return { ...data, file };
    });
    if (preset) presets.push(preset);
  }

  const operations: LibrarySource['operations'] = [];
  for (const file of files(join(root, 'operations'), '.yaml')) {
    const operation = attempt(() => {
      const data = check(OperationSchema, readYaml(file, root), file, root);
      if (data.id !== basename(file, '.yaml')) throw new LibraryError(`${relative(root, file)}: id "${data.id}" must match the file name`);
      return { ...data, file };
    });
    if (operation) operations.push(operation);
  }
  for (const operation of operations) {
    if (operation.base && !operations.some((o) => o.id === operation.base && !o.base)) {
      errors.push(`${relative(root, operation.file)}: base "${operation.base}" must be another operations file without a base of its own`);
    }
  }

  const terms: Term[] = [];
  const termsFile = join(root, 'facets', 'terms.yaml');
  // A library without terms (test fixtures) checks facet names only.
  if (existsSync(termsFile)) attempt(() => {
    const facetIds = new Set(facets.map((f) => f.id));
    for (const entry of check(TermsSchema, readYaml(termsFile, root), termsFile, root).terms) {
      const requires = entry.requires.map((r) => (typeof r === 'string' ? [r] : r));
      const unknown = requires.flat().find((r) => !facetIds.has(r));
      if (unknown) throw new LibraryError(`${relative(root, termsFile)}: term "${entry.term}" requires unknown facet "${unknown}"`);
      const pattern = entry.pattern ? new RegExp(entry.pattern) : new RegExp(`(?<![A-Za-z0-9_])${entry.term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_])`);
      terms.push({ term: entry.term, pattern, requires });
    }
  });

  const templatesIn = (folder: string): SourceTemplate[] =>
    files(join(root, folder), '.hbs').map((file) => ({
      file,
      name: basename(file, extname(file)).replace(/\.md$/, ''),
      body: readFileSync(file, 'utf8'),
    }));

  const ids = new Map<string, string>();
  for (const item of [...blocks.map((b) => ({ id: `block ${b.meta.id}`, file: b.file })), ...facets.map((f) => ({ id: `facet ${f.id}`, file: f.file }))]) {
    const other = ids.get(item.id);
    if (other) errors.push(`${relative(root, item.file)}: ${item.id} is also defined in ${relative(root, other)}`);
    ids.set(item.id, item.file);
  }

  if (errors.length > 0) throw new LibraryError(`The template library has ${errors.length} invalid file(s):\n  ${errors.join('\n  ')}`);
  return { blocks, skills, facets, presets, operations, terms, layouts: templatesIn('layouts'), docs: templatesIn('docs') };
}
