/** Team packs, `import` and `pack init|check` through the built CLI, on real folders. */
import { beforeEach, describe, expect, it } from 'vitest';
import fs from 'fs-extra';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, snapshot, tempDir, DATE } from '../support/cli.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const ACME = join(FIXTURES, 'packs/acme-platform');
const HAND_WRITTEN = join(FIXTURES, 'import/payments-agent.md');
const AGENT = '.claude/agents/backend-staff.md';

let target: string;
beforeEach(async () => {
  target = join(await tempDir(), 'orders');
  await fs.ensureDir(target);
  await fs.writeJson(join(target, 'package.json'), { name: 'orders', dependencies: { fastify: '^5.0.0', pg: '^8.0.0', '@acme/bus': '^2.1.0' } });
});

const read = (path: string) => fs.readFile(join(target, path), 'utf8');

describe('a team pack in the repository', () => {
  it('is composed on every run: the agent, skills, docs and manifest carry it, and lint passes', async () => {
    await fs.copy(ACME, join(target, '.backend-agent/pack'));
    const result = await runCli([target, '--yes', '--date', DATE]);
    expect(result.exitCode, result.stderr).toBe(0);
    const agent = await read(AGENT);
    expect(agent).toContain('## Acme incident process');
    expect(agent).toContain('## API contracts (Acme API guild)');
    expect(agent).toContain('### Acme Bus');
    expect(await read('.claude/skills/acme-release/SKILL.md')).toContain('acme-release open orders');
    expect(await read('docs/runbooks/orders.md')).toContain('Acme Bus');
    const manifest = await fs.readJson(join(target, '.backend-agent/manifest.json'));
    expect(manifest.answers.stack.messaging).toEqual(['acme-bus']);
    expect(manifest.packs).toEqual([expect.objectContaining({ name: 'acme-platform', version: '1.2.0', source: '.backend-agent/pack', replaces: ['block:api-design'] })]);
    const lint = await runCli(['lint'], { cwd: target });
    expect(lint.exitCode, lint.stdout).toBe(0);
    const check = await runCli(['pack', 'check'], { cwd: target });
    expect(check.stdout).toContain('pass .backend-agent/pack/tests/incident-process.yaml');
    expect(check.exitCode, check.stdout).toBe(0);
  });

  it('comes from an npm package installed in the repository, named in the packs answer', async () => {
    await fs.copy(ACME, join(target, 'node_modules/@acme/backend-agent-pack'));
    await fs.writeJson(join(target, 'node_modules/@acme/backend-agent-pack/package.json'), { name: '@acme/backend-agent-pack', version: '3.0.1' });
    await fs.remove(join(target, 'node_modules/@acme/backend-agent-pack/pack.yaml'));
    const result = await runCli([target, '--yes', '--date', DATE, '--set', 'packs=@acme/backend-agent-pack']);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(await read(AGENT)).toContain('## Acme incident process');
    const manifest = await fs.readJson(join(target, '.backend-agent/manifest.json'));
    expect(manifest.answers.packs).toEqual(['@acme/backend-agent-pack']);
    expect(manifest.packs[0]).toMatchObject({ name: '@acme/backend-agent-pack', version: '3.0.1', source: 'node_modules/@acme/backend-agent-pack' });
    // The re-run reads the packs from the last run's answers.
    const again = await runCli([target, '--yes', '--check']);
    expect(again.exitCode, again.stdout).toBe(0);
  });

  it('names a pack that is not installed, and writes nothing', async () => {
    const result = await runCli([target, '--yes', '--set', 'packs=@acme/missing-pack']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('The pack @acme/missing-pack is not installed');
    expect([...(await snapshot(target)).keys()]).toEqual(['package.json']);
  });

  it('with a schema error fails with its file and line, exit 1, nothing written', async () => {
    await fs.copy(ACME, join(target, '.backend-agent/pack'));
    const block = join(target, '.backend-agent/pack/blocks/incident-process.md');
    await fs.writeFile(block, (await fs.readFile(block, 'utf8')).replace('area: operations', 'area: on-call'));
    const before = await snapshot(target);
    const result = await runCli([target, '--yes', '--date', DATE]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^error Invalid pack: \.backend-agent\/pack\/blocks\/incident-process\.md:4: area: .*expected one of/m);
    expect(await snapshot(target)).toEqual(before);
    const json = await runCli([target, '--yes', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, exitCode: 1, error: expect.stringContaining('incident-process.md:4') });
  });
});

describe('backend-agent import', () => {
  it('finds nothing new in an agent this tool generated', async () => {
    expect((await runCli([target, '--yes', '--date', DATE, '--set', 'outputs.formats=claude,agents-md,codex'])).exitCode).toBe(0);
    const result = await runCli(['import', AGENT, 'AGENTS.md', '.codex/agents/backend-staff.toml', '--json'], { cwd: target });
    expect(result.exitCode, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.summary.new).toBe(0);
    expect(report.sections.length).toBeGreaterThan(20);
    expect(report.written).toEqual([]);
    expect(await fs.pathExists(join(target, '.backend-agent/pack'))).toBe(false);
  });

  it('writes the uncovered sections of a hand-written agent as team blocks, verbatim, names the covered one, and re-imports as a no-op', async () => {
    await fs.copy(HAND_WRITTEN, join(target, 'payments.md'));
    const dry = await runCli(['import', 'payments.md', '--dry-run'], { cwd: target });
    expect(dry.exitCode, dry.stderr).toBe(0);
    expect(await fs.pathExists(join(target, '.backend-agent'))).toBe(false);

    const result = await runCli(['import', 'payments.md'], { cwd: target });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('covered  "API design" (line 10) by block api-design: its heading is the id of block api-design ("API contracts")');
    expect(result.stdout).toContain('new      "On-call handover" (line 15) -> .backend-agent/pack/blocks/on-call-handover.md');
    expect(result.stdout).toContain('new      "Ledger invariants" (line 20) -> .backend-agent/pack/blocks/ledger-invariants.md');
    const blocks = (await fs.readdir(join(target, '.backend-agent/pack/blocks'))).sort();
    expect(blocks).toEqual(['ledger-invariants.md', 'on-call-handover.md']);
    const source = await fs.readFile(HAND_WRITTEN, 'utf8');
    const ledger = await read('.backend-agent/pack/blocks/ledger-invariants.md');
    const body = ledger.slice(ledger.indexOf('\n---\n') + 5);
    expect(source).toContain(`## Ledger invariants\n\n${body}`);

    const before = await snapshot(target);
    const again = await runCli(['import', 'payments.md', '--json'], { cwd: target });
    expect(JSON.parse(again.stdout).summary).toEqual({ sections: 4, covered: 4, new: 0 });
    expect(await snapshot(target)).toEqual(before);

    // The next run composes them, and importing its agent finds nothing new either.
    expect((await runCli([target, '--yes', '--date', DATE])).exitCode).toBe(0);
    const agent = await read(AGENT);
    expect(agent).toContain(`## On-call handover\n\n- At the end of a shift`);
    expect(agent).toContain('## Ledger invariants\n\n- Every ledger write is double-entry');
    const generated = await runCli(['import', AGENT, '--json'], { cwd: target });
    expect(JSON.parse(generated.stdout).summary.new).toBe(0);
  });
});

describe('backend-agent pack init', () => {
  it('starts a pack with an example block whose test passes, composed by the next run', async () => {
    const init = await runCli(['pack', 'init'], { cwd: target });
    expect(init.exitCode, init.stderr).toBe(0);
    expect([...(await snapshot(join(target, '.backend-agent/pack'))).keys()]).toEqual(['blocks/team-conventions.md', 'pack.yaml', 'tests/team-conventions.yaml']);
    const check = await runCli(['pack', 'check'], { cwd: target });
    expect(check.exitCode, check.stdout).toBe(0);
    expect(check.stdout).toContain('orders-team 0.1.0 (.backend-agent/pack): valid.');
    expect((await runCli([target, '--yes', '--date', DATE])).exitCode).toBe(0);
    expect(await read(AGENT)).toContain('## Team conventions');
    const twice = await runCli(['pack', 'init'], { cwd: target });
    expect(twice.exitCode).toBe(1);
    expect(twice.stderr).toContain('exist already; pack init never overwrites a file');
  });
});
