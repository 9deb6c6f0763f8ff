/**
 * The maintainers' generators for this repository: `pnpm gen block|facet|preset|pack` (the root script
 * runs plop on this file through tsx, with --dest at the repository root). Each creates one library
 * file from its prompts (library-files.ts: data checked by the library's schemas, YAML by the yaml
 * library) and registers it in the catalog, docs/blocks.md. Like every generator here, it writes
 * through the core: an in-memory tree, a plan against the disk, then one atomic apply. A library file
 * that exists is never overwritten; the catalog, which `pnpm catalog` generates, is.
 *
 * Unattended: `pnpm gen block feature-flags "Feature flags" delivery` or named, after "--":
 * `pnpm gen facet -- --id cockroachdb --kind datastore --name CockroachDB --summary "…" --practices "a; b; c" --pitfalls "a; b"`.
 * The library is compiled into the bundle by the next `pnpm build`. `pnpm gen pack NAME [DIR]` starts a team
 * pack instead (the skeleton `backend-agent pack init` writes).
 */
import { join, resolve } from 'node:path';
import {
  AREAS, FACET_KINDS, InputError, decideWrites, makeTree, planChanges,
} from '@create-backend-agent/core';
import type { NodePlopAPI } from 'plop';
import { readLibrarySource } from '../packages/core/build/library-source.js';
import { readTarget } from '../packages/create-backend-agent/src/edge/target.js';
import { writeFilesAtomically } from '../packages/create-backend-agent/src/edge/apply.js';
import { planLines } from '../packages/create-backend-agent/src/report.js';
import { detectAutomation } from '../packages/create-backend-agent/src/edge/automation.js';
import { CATALOG_PATH, catalogFor, newBlock, newFacet, newPreset, type LibraryFile, type LibrarySnapshot } from './library-files.js';

type Answers = Record<string, unknown>;

interface Field {
  name: string;
  message: string;
  type?: 'input' | 'list' | 'number';
  choices?: readonly string[];
  default?: string;
  /** May stay empty (it has a sensible default or means "none"). */
  optional?: boolean;
}

const BLOCK: Field[] = [
  { name: 'id', message: 'Block id (kebab-case; the file is templates/blocks/<id>.md)' },
  { name: 'title', message: 'Title (the "## " heading of its section in the agent)' },
  { name: 'area', message: 'Competency area (the focus answer puts whole areas first)', type: 'list', choices: AREAS },
  { name: 'order', message: 'Position in the agent, ascending (empty: after the last block)', optional: true },
  { name: 'sources', message: 'Seed files it draws on, comma-separated, or original', default: 'original' },
  { name: 'when', message: 'Condition on the answers, as YAML (empty: always), e.g. { path: stack.messaging, nonEmpty: true }', optional: true },
  { name: 'requires', message: 'Blocks it needs, comma-separated (empty: none)', optional: true },
];

const FACET: Field[] = [
  { name: 'id', message: 'Facet id (kebab-case; the file is templates/facets/<kind>/<id>.yaml)' },
  { name: 'kind', message: 'Kind', type: 'list', choices: FACET_KINDS },
  { name: 'name', message: 'Name, as the technology spells itself' },
  { name: 'summary', message: 'One sentence: what it is for and why a team picks it (used in the stack ADR)' },
  { name: 'practices', message: 'At least 3 practices an expert follows, concretely, separated by ";"' },
  { name: 'pitfalls', message: 'At least 2 pitfalls an expert catches in review, separated by ";"' },
  { name: 'tradeoffs', message: 'Honest costs of choosing it, separated by ";" (empty: none)', optional: true },
  { name: 'aliases', message: 'Other spellings, lowercase, comma-separated (flags and detection accept them)', optional: true },
  { name: 'implies', message: 'Facets choosing it brings along, comma-separated (a framework\'s language)', optional: true },
  { name: 'sources', message: 'Seed files it draws on, comma-separated, or original', default: 'original', optional: true },
];

const PACK: Field[] = [
  { name: 'name', message: 'Pack name (npm-style: acme-platform or @acme/backend-agent-pack)' },
  { name: 'dir', message: 'Folder to create it in, relative to the repository (empty: packs/<name>)', optional: true },
];

const PRESET: Field[] = [
  { name: 'name', message: 'Preset name (kebab-case; the file is templates/presets/<name>.yaml)' },
  { name: 'description', message: 'One line shown by --preset help and the catalog' },
  { name: 'answers', message: 'Answers as --set expressions separated by ";", e.g. stack.languages=go; stack.frameworks=gin' },
  { name: 'sources', message: 'Seed files it reproduces, comma-separated, or original', default: 'original', optional: true },
];

function prompts(fields: readonly Field[], interactive: boolean) {
  return fields.map((f) => ({
    type: f.type === 'list' ? 'list' : 'input',
    name: f.name,
    message: f.message,
    // Static, so that plop's bypass accepts every field.
    when: interactive,
    ...(f.choices ? { choices: [...f.choices] } : {}),
    ...(f.default !== undefined ? { default: f.default } : {}),
    validate: (value: unknown) => f.optional === true || String(value ?? '').trim() !== '' || `${f.name}: required.`,
  }));
}

const text = (answers: Answers, name: string): string | undefined => (answers[name] === undefined ? undefined : String(answers[name]));

/** Reads templates/, adds the file, re-renders the catalog, and writes both through plan and apply. */
async function addToLibrary(dest: string, create: (lib: LibrarySnapshot) => LibraryFile, next = 'pnpm build compiles it into the library.'): Promise<string> {
  const root = resolve(dest);
  const source = readLibrarySource(join(root, 'templates'));
  const file = create(source);
  const tree = makeTree([[file.path, file.content], [CATALOG_PATH, catalogFor(file.library)]]);
  const state = await readTarget(root, tree);
  const plan = planChanges(tree, state.disk, null);
  if (plan.changes.some((c) => c.path === file.path && c.kind !== 'create')) {
    throw new InputError(`${file.path} already exists.`, 'Choose another id; the generator never overwrites a library file.');
  }
  // The catalog is generated (`pnpm catalog`), never hand-written: it is always brought up to date.
  const decision = decideWrites(plan, new Map([[CATALOG_PATH, 'theirs' as const]]));
  await writeFilesAtomically(root, decision.writes);
  const shown = plan.changes.map((c) => (c.path === CATALOG_PATH && c.kind === 'conflict' ? { ...c, kind: 'update' as const, reason: undefined } : c));
  return [`${file.path} created and listed in ${CATALOG_PATH}. ${next}`, ...planLines({ changes: shown })].join('\n');
}

/**
 * A new team pack (docs/packs.md): the same skeleton `backend-agent pack init` writes, for a sample
 * or fixture pack kept in this repository. Never overwrites a file.
 */
async function addPack(dest: string, answers: Answers): Promise<string> {
  const { packSkeleton, PackManifestSchema } = await import('@create-backend-agent/core/packs');
  const name = text(answers, 'name')?.trim() ?? '';
  const valid = PackManifestSchema.shape.name.safeParse(name);
  if (!valid.success) throw new InputError(`name ${JSON.stringify(name)}: ${valid.error.issues[0]!.message}.`);
  const dir = (text(answers, 'dir')?.trim() || `packs/${name.replace(/^@/, '').replace('/', '-')}`).replace(/\/+$/, '');
  const root = resolve(dest);
  const tree = makeTree(packSkeleton(name).map(([path, content]) => [`${dir}/${path}`, content]));
  const state = await readTarget(root, tree);
  const plan = planChanges(tree, state.disk, null);
  const existing = plan.changes.filter((c) => c.kind !== 'create').map((c) => c.path);
  if (existing.length > 0) throw new InputError(`${existing.join(', ')} already ${existing.length === 1 ? 'exists' : 'exist'}.`, 'Choose another folder; the generator never overwrites a file.');
  await writeFilesAtomically(root, decideWrites(plan, new Map()).writes);
  return [`Pack ${name} created in ${dir}/. Check it with backend-agent pack check ${dir} (from the repository it lives in).`, ...planLines(plan)].join('\n');
}

export default function maintainerGenerators(plop: NodePlopAPI): void {
  // Asked only with someone to answer: a terminal on both ends, and no CI or coding agent.
  const interactive = Boolean(process.stdin.isTTY) && Boolean(process.stdout.isTTY) && detectAutomation(process.env) === null;
  const dest = () => plop.getDestBasePath();

  plop.setActionType('library-block', (answers) => addToLibrary(dest(), (lib) => newBlock({
    id: text(answers, 'id'), title: text(answers, 'title'), area: text(answers, 'area'), order: text(answers, 'order'),
    sources: text(answers, 'sources'), when: text(answers, 'when'), requires: text(answers, 'requires'),
  }, lib), 'Replace its draft body (templates/README.md says how), then pnpm build compiles it into the library.'));
  plop.setActionType('library-facet', (answers) => addToLibrary(dest(), (lib) => newFacet(
    Object.fromEntries(FACET.map((f) => [f.name, text(answers, f.name)])), lib)));
  plop.setActionType('library-preset', (answers) => addToLibrary(dest(), (lib) => newPreset(
    Object.fromEntries(PRESET.map((f) => [f.name, text(answers, f.name)])), lib)));

  plop.setActionType('team-pack', (answers) => addPack(dest(), answers as Answers));
  plop.setGenerator('pack', { description: 'a team pack with an example block and its test (docs/packs.md)', prompts: prompts(PACK, interactive) as never, actions: [{ type: 'team-pack' }] });
  plop.setGenerator('block', { description: 'a competency block (templates/blocks/)', prompts: prompts(BLOCK, interactive) as never, actions: [{ type: 'library-block' }] });
  plop.setGenerator('facet', { description: 'a technology facet (templates/facets/<kind>/)', prompts: prompts(FACET, interactive) as never, actions: [{ type: 'library-facet' }] });
  plop.setGenerator('preset', { description: 'a named set of answers (templates/presets/)', prompts: prompts(PRESET, interactive) as never, actions: [{ type: 'library-preset' }] });
}
