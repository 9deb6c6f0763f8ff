/**
 * `backend-agent pack init [DIR]` starts a team pack (pack.yaml, one example block and its test);
 * `backend-agent pack check [DIR]` validates a pack as a run would and runs its tests.
 */
import { existsSync } from 'node:fs';
import { basename, resolve, sep } from 'node:path';
import { DEFAULT_PACK_DIR, InputError, library, toSlug } from '@create-backend-agent/core';
import { parseStrict } from '../args.js';
import { checkTargetDir, assertSafePath } from '../edge/target.js';
import { readPackSource } from '../edge/packs.js';
import { writeFilesAtomically } from '../edge/apply.js';
import { withTarget } from '../edge/guard.js';
import { pc, type Output } from '../report.js';
import { VERSION } from '../version.js';

const HELP = `Usage: backend-agent pack init [DIR] [--name NAME] [--dir REPO] [--dry-run] [--json]
       backend-agent pack check [DIR] [--dir REPO] [--json]

A team pack adds blocks, facets, skills and presets to the library, replaces built-in ones by id,
or turns them off (docs/packs.md). DIR is a folder inside the repository (default:
${DEFAULT_PACK_DIR}, which every run uses when it exists), or for check an installed npm package.

  init    writes pack.yaml, blocks/team-conventions.md (an example block) and
          tests/team-conventions.yaml (its test); never overwrites a file
  check   reads the pack as a run does (every problem with its file and line) and runs
          its tests/*.yaml: answers to render, and text the output must and must not hold

Options
  --name NAME  the pack's name in pack.yaml (default: <repository folder>-team)
  --dir REPO   the repository (default: the current folder)
  --dry-run    init: list the files, write nothing
  --json       the result as JSON

Exit codes: 0 done (check: valid, tests pass), 1 bad input, an invalid pack or a failing test.`;

const toPosix = (path: string) => path.split(sep).join('/');

export async function runPack(argv: readonly string[], env: { cwd: string; today: string }, output: Output): Promise<number> {
  const { values, positionals } = parseStrict(argv, {
    name: { type: 'string' }, dir: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
  } as const, 'Run backend-agent pack --help.');
  const [action, where, ...extra] = positionals;
  if (values.help || action === undefined) {
    output.out(HELP);
    return action === undefined && !values.help ? 1 : 0;
  }
  if (extra.length > 0) throw new InputError(`Expected one pack folder, got ${extra.length + 1}.`);
  const repo = resolve(env.cwd, values.dir ?? '.');
  await checkTargetDir(repo);
  const packDir = toPosix(where ?? DEFAULT_PACK_DIR).replace(/^\.\//, '').replace(/\/+$/, '');
  if (action === 'init') return init(repo, packDir, values, output);
  if (action === 'check') return check(repo, packDir, env.today, values.json ?? false, output);
  throw new InputError(`Unknown pack command "${action}".`, 'Use backend-agent pack init or backend-agent pack check.');
}

async function init(repo: string, packDir: string, values: { name?: string | undefined; 'dry-run'?: boolean | undefined; json?: boolean | undefined }, output: Output): Promise<number> {
  await assertSafePath(repo, `${packDir}/pack.yaml`);
  const { packSkeleton, PackManifestSchema } = await import('@create-backend-agent/core/packs');
  const name = values.name ?? `${toSlug(basename(repo)) ?? 'service'}-team`;
  const valid = PackManifestSchema.shape.name.safeParse(name);
  if (!valid.success) throw new InputError(`--name ${name}: ${valid.error.issues[0]!.message}.`);
  const writes = packSkeleton(name).map(([path, content]) => ({ path: `${packDir}/${path}`, content }));
  const existing = writes.filter((w) => existsSync(resolve(repo, w.path)));
  if (existing.length > 0) throw new InputError(`${existing.map((w) => w.path).join(', ')} ${existing.length === 1 ? 'exists' : 'exist'} already; pack init never overwrites a file.`, 'Pick another folder, or edit the pack you have.');
  const dryRun = values['dry-run'] ?? false;
  if (!dryRun) await withTarget(repo, { write: true, command: 'backend-agent pack init', notify: (note) => output.err(`${pc.yellow('note')} ${note}`) }, () => writeFilesAtomically(repo, writes));
  if (values.json) {
    output.out(JSON.stringify({ ok: true, exitCode: 0, target: repo, pack: packDir, dryRun, written: dryRun ? [] : writes.map((w) => w.path) }, null, 2));
    return 0;
  }
  for (const w of writes) output.out(`  create          ${w.path}`);
  output.out('');
  output.out(dryRun ? 'Dry run: nothing was written.' : `${pc.green('Done:')} a pack named ${name} in ${packDir}/. Edit the example block, run backend-agent pack check${packDir === DEFAULT_PACK_DIR ? '' : ` ${packDir}`}, then create-backend-agent to compose it${packDir === DEFAULT_PACK_DIR ? '' : ` (with --set packs=${packDir})`}.`);
  return 0;
}

async function check(repo: string, packDir: string, today: string, json: boolean, output: Output): Promise<number> {
  const { readPack, composeWithPacks, runPackTests } = await import('@create-backend-agent/core/packs');
  const source = readPackSource(repo, packDir);
  const pack = readPack(source);
  const lib = composeWithPacks(library, [pack]);
  const results = runPackTests(source.root, source.files, lib, today, VERSION);
  const failed = results.filter((r) => r.failures.length > 0);
  const exitCode = failed.length > 0 ? 1 : 0;
  const provides = {
    blocks: pack.blocks.map((b) => b.item.meta.id), facets: pack.facets.map((f) => f.item.id), skills: pack.skills.map((s) => s.item.meta.name), presets: pack.presets.map((p) => p.item.name),
    replaces: Object.entries(lib.origins ?? {}).filter(([, o]) => o.replaces).map(([key]) => key),
  };
  if (json) {
    output.out(JSON.stringify({ ok: exitCode === 0, exitCode, pack: pack.info, provides, tests: results }, null, 2));
    return exitCode;
  }
  output.out(`${pack.info.name} ${pack.info.version} (${pack.info.source}): valid.`);
  const list = (label: string, items: readonly string[]) => items.length > 0 && output.out(`  ${label.padEnd(9)} ${items.join(', ')}`);
  list('blocks', provides.blocks);
  list('facets', provides.facets);
  list('skills', provides.skills);
  list('presets', provides.presets);
  list('replaces', provides.replaces);
  list('disables', Object.entries(pack.manifest.disable).flatMap(([kind, ids]) => ids.map((id) => `${kind.replace(/s$/, '')}:${id}`)));
  for (const result of results) {
    output.out(result.failures.length === 0 ? `  ${pc.green('pass')} ${result.file}` : `  ${pc.red('fail')} ${result.file}\n${result.failures.map((f) => `         ${f}`).join('\n')}`);
  }
  if (results.length === 0) output.out(`  ${pc.yellow('no tests')}: add tests/<name>.yaml (backend-agent pack init writes an example).`);
  return exitCode;
}
