/**
 * The plop generators, run by the real plop binary (and by turbo gen) the way CI or a coding agent
 * runs them: no terminal, answers as bypass arguments. Each must write exactly what the CLI writes
 * with the same answers, and refuse, like the CLI, to overwrite a file the user edited.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'fs-extra';
import { execa } from 'execa';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, snapshot, tempDir } from '../support/cli.js';
import { Terminal, hasTmux } from '../support/tmux.js';
import { toolAvailable } from '../support/tools.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PLOP = join(ROOT, 'node_modules/plop/bin/plop.js');
const TURBO = join(ROOT, 'node_modules/.bin/turbo');
const PACKAGE_DIR = join(ROOT, 'packages/create-backend-agent');
const PLOPFILE = join(PACKAGE_DIR, 'dist/plopfile.js');
/** Not today (support/cli.ts's DATE may be), so a date that did not arrive would show. */
const DATE = '2025-03-14';

/** plop with our bundled plopfile (or, plopfile null, the one it finds in cwd), no terminal. */
async function plop(args: readonly string[], dir: string, options: { plopfile?: string | null; env?: Record<string, string> } = {}) {
  const plopfile = options.plopfile === undefined ? PLOPFILE : options.plopfile;
  return execa('node', [PLOP, ...(plopfile ? ['--plopfile', plopfile, '--dest', dir] : []), ...args], {
    cwd: plopfile ? dirname(dir) : dir,
    env: { NO_COLOR: '1', ...options.env },
    reject: false,
    stdin: 'ignore',
  });
}

/** path -> content of every file the tool could have written (setup files and node_modules left out). */
async function written(dir: string, setup: readonly string[] = []): Promise<Map<string, string>> {
  const files = await snapshot(dir);
  return new Map([...files].filter(([path]) => !path.startsWith('node_modules/') && !setup.includes(path)).map(([path, state]) => [path, state.content]));
}

let a: string;
let b: string;
beforeEach(async () => {
  // The same folder name on both sides: it is the suggested service name.
  a = join(await tempDir('cba-plop-'), 'orders');
  b = join(await tempDir('cba-cli-'), 'orders');
  await fs.ensureDir(a);
  await fs.ensureDir(b);
});

describe('plop generators (the plop binary, no terminal)', () => {
  it('backend-agent: positional and named bypass write the same bytes as the CLI with the same answers', async () => {
    const viaPlop = await plop([
      'backend-agent', 'ledger-staff', 'principal', '_',
      '--', '--date', DATE, '--stack.languages', 'go', '--stack.frameworks', 'gin', '--stack.datastores', 'postgresql',
      '--outputs.formats', 'claude,agents-md', '--targets.p99LatencyMs', '120', '--collaboration.escalatesTo', 'principal-architect, sre',
      '--outputs.docs.testStrategy', 'no',
    ], a);
    expect(viaPlop.exitCode, viaPlop.stderr + viaPlop.stdout).toBe(0);
    const viaCli = await runCli([b, '--yes', '--date', DATE, ...[
      'agent.name=ledger-staff', 'agent.seniority=principal', 'stack.languages=go', 'stack.frameworks=gin', 'stack.datastores=postgresql',
      'outputs.formats=claude,agents-md', 'targets.p99LatencyMs=120', 'collaboration.escalatesTo=principal-architect,sre', 'outputs.docs.testStrategy=false',
    ].flatMap((s) => ['--set', s])]);
    expect(viaCli.exitCode, viaCli.stderr).toBe(0);

    const files = await written(a);
    expect([...files.keys()]).toEqual(expect.arrayContaining(['.claude/agents/ledger-staff.md', 'AGENTS.md', 'docs/runbooks/orders.md']));
    expect(files.has('docs/testing/test-strategy.md')).toBe(false);
    expect(files).toEqual(await written(b));
  });

  it('runbook and test-strategy re-render one document each; a later full run agrees with the CLI', async () => {
    expect((await runCli([a, '--yes', '--date', DATE])).exitCode).toBe(0);
    const first = await written(a);
    expect((await plop(['runbook', '_', 'platform', 'tier-1'], a)).exitCode).toBe(0);
    const coverage = await plop(['test-strategy', '--', '--targets.coverage', '90'], a);
    expect(coverage.exitCode, coverage.stderr + coverage.stdout).toBe(0);
    const after = await written(a);
    const changed = [...after.keys()].filter((path) => after.get(path) !== first.get(path));
    expect(changed.sort()).toEqual(['.backend-agent/bases', '.backend-agent/manifest.json', 'docs/runbooks/orders.md', 'docs/testing/test-strategy.md']);

    const viaCli = await runCli([b, '--yes', '--date', DATE, '--set', 'service.team=platform', '--set', 'service.tier=tier-1', '--set', 'targets.coverage=90']);
    expect(viaCli.exitCode, viaCli.stderr).toBe(0);
    const expected = await written(b);
    expect(after.get('docs/runbooks/orders.md')).toBe(expected.get('docs/runbooks/orders.md'));
    expect(after.get('docs/testing/test-strategy.md')).toBe(expected.get('docs/testing/test-strategy.md'));

    // The manifest kept every other file's record, so the agent and the ADRs update cleanly.
    const rerun = await runCli([a, '--yes']);
    expect(rerun.exitCode, rerun.stdout).toBe(0);
    expect(await written(a)).toEqual(expected);
  }, 120_000);

  it('test-strategy in a repository the tool never ran in writes that document, its k6 script and its manifest only', async () => {
    const result = await plop(['test-strategy', '_', '90', '--', '--date', DATE], a);
    expect(result.exitCode, result.stderr + result.stdout).toBe(0);
    expect((await runCli([b, '--yes', '--date', DATE, '--set', 'targets.coverage=90'])).exitCode).toBe(0);
    const files = await written(a);
    expect([...files.keys()]).toEqual(['.backend-agent/bases', '.backend-agent/manifest.json', 'docs/testing/orders.k6.js', 'docs/testing/test-strategy.md']);
    for (const path of ['docs/testing/test-strategy.md', 'docs/testing/orders.k6.js']) expect(files.get(path), path).toBe((await written(b)).get(path));
  });

  it('adr writes what `backend-agent add adr` writes, superseding included', async () => {
    expect((await runCli([a, '--yes', '--date', DATE])).exitCode).toBe(0);
    await fs.copy(a, b);
    const viaPlop = await plop(['adr', 'Use NATS for internal events', '_', '2', '--', '--date', DATE], a);
    expect(viaPlop.exitCode, viaPlop.stderr + viaPlop.stdout).toBe(0);
    const viaCli = await runCli(['add', 'adr', '--dir', b, '--supersedes', '2', '--date', DATE, 'Use NATS for internal events']);
    expect(viaCli.exitCode, viaCli.stderr).toBe(0);
    const files = await written(a);
    expect(files.has('docs/adr/0003-use-nats-for-internal-events.md')).toBe(true);
    expect(files).toEqual(await written(b));

    const untitled = await plop(['adr'], a);
    expect(untitled.exitCode).toBe(1);
    expect(untitled.stdout + untitled.stderr).toContain('No title given.');
    expect(await written(a)).toEqual(files);
  });

  it('merges an edited file as the CLI does; an overlapping edit fails with nothing written until --force or BACKEND_AGENT_CONFLICT says how it ends', async () => {
    for (const dir of [a, b]) expect((await runCli([dir, '--yes', '--date', DATE])).exitCode).toBe(0);
    const rule = '\nOur own rule: never call billing synchronously.\n';
    for (const dir of [a, b]) await fs.appendFile(join(dir, '.claude/agents/backend-staff.md'), rule);
    const merged = await plop(['backend-agent', '_', 'principal'], a);
    expect(merged.exitCode, merged.stderr + merged.stdout).toBe(0);
    expect((await runCli([b, '--yes', '--set', 'agent.seniority=principal'])).exitCode).toBe(0);
    expect(await written(a)).toEqual(await written(b));
    expect(await fs.readFile(join(a, '.claude/agents/backend-staff.md'), 'utf8')).toContain('Our own rule: never call billing synchronously.');

    // The title line is one the seniority changes: both sides changed it.
    const retitle = async (dir: string) => {
      const path = join(dir, '.claude/agents/backend-staff.md');
      await fs.writeFile(path, (await fs.readFile(path, 'utf8')).replace(/^# .*$/m, '# Our own title'));
    };
    for (const dir of [a, b]) await retitle(dir);
    const before = await snapshot(a);
    const refused = await plop(['backend-agent', '_', 'senior'], a);
    expect(refused.exitCode).not.toBe(0);
    expect(refused.stdout + refused.stderr).toMatch(/1 file has conflicting changes, so nothing was written: \.claude\/agents\/backend-staff\.md \(you and the new version changed the same lines\)\. Re-run with BACKEND_AGENT_CONFLICT=markers\|mine\|theirs \(or --force/);
    expect(await snapshot(a)).toEqual(before);

    const mine = await plop(['backend-agent', '_', 'senior'], a, { env: { BACKEND_AGENT_CONFLICT: 'mine' } });
    expect(mine.exitCode, mine.stderr + mine.stdout).toBe(0);
    expect((await runCli([b, '--yes', '--set', 'agent.seniority=senior', '--conflict', 'mine'])).exitCode).toBe(0);
    expect(await written(a)).toEqual(await written(b));
    expect(await fs.readFile(join(a, '.claude/agents/backend-staff.md'), 'utf8')).toContain('# Our own title');

    for (const dir of [a, b]) await retitle(dir);
    const forced = await plop(['backend-agent', '_', 'staff', '--force'], a);
    expect(forced.exitCode, forced.stderr + forced.stdout).toBe(0);
    expect((await runCli([b, '--yes', '--set', 'agent.seniority=staff', '--force'])).exitCode).toBe(0);
    expect(await written(a)).toEqual(await written(b));
    expect(await fs.readFile(join(a, '.claude/agents/backend-staff.md'), 'utf8')).not.toContain('# Our own title');
  }, 120_000);

  it('refuses to write into its own folder (plop\'s default destination) when --dest is missing', async () => {
    const copy = join(a, 'node_modules/create-backend-agent/dist');
    await fs.copy(dirname(PLOPFILE), copy);
    const before = [...(await snapshot(a)).keys()];
    const result = await execa('node', [PLOP, '--plopfile', join(copy, 'plopfile.js'), 'backend-agent'], { cwd: a, env: { NO_COLOR: '1' }, reject: false, stdin: 'ignore' });
    expect(result.exitCode).toBe(1);
    expect(result.stdout + result.stderr).toContain('Pass --dest with the repository');
    expect([...(await snapshot(a)).keys()]).toEqual(before);
  });
});

/** A user's repository with the built package installed (linked) in its node_modules. */
async function withPackage(dir: string): Promise<void> {
  await fs.ensureDir(join(dir, 'node_modules'));
  await fs.symlink(PACKAGE_DIR, join(dir, 'node_modules/create-backend-agent'));
}

describe('loaded from the package', () => {
  const PLOPFILE_JS = 'export default async function (plop) {\n  await plop.load(\'create-backend-agent\');\n}\n';
  const SETUP = ['package.json', 'plopfile.js'];

  it('a plopfile that loads ours runs the same generators, --force included', async () => {
    for (const dir of [a, b]) {
      await fs.writeJson(join(dir, 'package.json'), { name: 'orders', private: true, type: 'module' });
      await fs.writeFile(join(dir, 'plopfile.js'), PLOPFILE_JS);
    }
    await withPackage(a);
    const viaPlop = await plop(['backend-agent', 'ledger-staff', 'staff', '--', '--date', DATE], a, { plopfile: null });
    expect(viaPlop.exitCode, viaPlop.stderr + viaPlop.stdout).toBe(0);
    expect((await runCli([b, '--yes', '--date', DATE, '--set', 'agent.name=ledger-staff'])).exitCode).toBe(0);
    expect(await written(a, SETUP)).toEqual(await written(b, SETUP));

    // node-plop does not hand plop's --force to a loaded plopfile's actions; ours reads it anyway.
    const agent = join(a, '.claude/agents/ledger-staff.md');
    await fs.writeFile(agent, (await fs.readFile(agent, 'utf8')).replace(/^# .*$/m, '# edited'));
    expect((await plop(['backend-agent', 'ledger-staff', 'principal'], a, { plopfile: null })).exitCode).not.toBe(0);
    expect(await fs.readFile(agent, 'utf8')).toMatch(/^# edited$/m);
    expect((await plop(['backend-agent', 'ledger-staff', 'principal', '--force'], a, { plopfile: null })).exitCode).toBe(0);
    expect(await fs.readFile(agent, 'utf8')).not.toMatch(/^# edited$/m);
  });

  it('turbo gen, with our generators registered in turbo/generators/config.ts, runs backend-agent unattended', async () => {
    const CONFIG = [
      "import type { PlopTypes } from '@turbo/gen';",
      '',
      'export default async function generator(plop: PlopTypes.NodePlopAPI): Promise<void> {',
      "  await plop.load('create-backend-agent');",
      '}',
      '',
    ].join('\n');
    const SETUP_TURBO = ['package.json', 'turbo.json', 'turbo/generators/config.ts'];
    for (const dir of [a, b]) {
      // npm: turbo runs @turbo/gen through the repository's package manager, and npx finds it installed.
      await fs.writeJson(join(dir, 'package.json'), { name: 'orders', private: true, packageManager: 'npm@10.9.0' });
      await fs.writeJson(join(dir, 'turbo.json'), { tasks: {} });
      await fs.outputFile(join(dir, 'turbo/generators/config.ts'), CONFIG);
    }
    await withPackage(a);
    // @turbo/gen installed as npm would: the package and its bin.
    await fs.ensureDir(join(a, 'node_modules/@turbo'));
    await fs.symlink(await fs.realpath(join(ROOT, 'node_modules/@turbo/gen')), join(a, 'node_modules/@turbo/gen'));
    await fs.ensureDir(join(a, 'node_modules/.bin'));
    await fs.symlink('../@turbo/gen/dist/cli.js', join(a, 'node_modules/.bin/gen'));

    const viaTurbo = await execa(TURBO, ['gen', 'backend-agent', '--args', 'ledger-staff', 'staff', '--no-update-notifier'], {
      cwd: a,
      // Offline: npx must find the installed @turbo/gen, never download one.
      env: { NO_COLOR: '1', TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', BACKEND_AGENT_DATE: DATE, npm_config_offline: 'true' },
      reject: false,
      stdin: 'ignore',
    });
    // turbo 2.11 exits 0 even when the generator fails, so the files are the proof.
    expect(viaTurbo.exitCode, viaTurbo.stderr).toBe(0);
    expect(viaTurbo.stdout).toMatch(/\d+ created/);
    expect((await runCli([b, '--yes', '--date', DATE, '--set', 'agent.name=ledger-staff'])).exitCode).toBe(0);
    const files = await written(a, SETUP_TURBO);
    expect(files.has('.claude/agents/ledger-staff.md')).toBe(true);
    expect(files).toEqual(await written(b, SETUP_TURBO));
  });
});

describe.runIf(toolAvailable('tmux', hasTmux(), 'apt-get install -y tmux'))('in a terminal (tmux)', () => {
  let terminal: Terminal | undefined;
  afterEach(() => {
    terminal?.close();
    terminal = undefined;
  });

  it('asks the generator\'s questions with what the repository suggests as defaults', async () => {
    const setup = { name: 'orders', private: true, dependencies: { fastify: '^5.0.0', pg: '^8.13.0' } };
    for (const dir of [a, b]) await fs.writeJson(join(dir, 'package.json'), setup);
    const t = (terminal = Terminal.start(['--plopfile', PLOPFILE, '--dest', a, 'runbook'], { cwd: a, script: PLOP, env: { BACKEND_AGENT_DATE: DATE } }));
    await t.waitFor(/\? Service name \(runbook file name\) \(orders\)/);
    t.press('Enter');
    await t.waitFor(/\? Owning team/);
    t.type('platform');
    t.press('Enter');
    await t.waitFor(/\? Service tier/);
    t.press('Down', 'Enter'); // tier-2 (the default) -> tier-3
    await t.waitFor(/\? Runbook folder \(docs\/runbooks\)/);
    t.press('Enter');
    expect(await t.exitCode()).toBe(0);

    expect((await runCli([b, '--yes', '--date', DATE, '--set', 'service.team=platform', '--set', 'service.tier=tier-3'])).exitCode).toBe(0);
    const runbook = (await written(a)).get('docs/runbooks/orders.md');
    expect(runbook).toContain('PostgreSQL'); // detected from package.json, as the CLI does
    expect(runbook).toBe((await written(b)).get('docs/runbooks/orders.md'));
  });
});
