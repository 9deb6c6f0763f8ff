/**
 * Re-runs merge the tool's changes with the user's edits three ways, with the built CLI, offline and
 * without git: the worked example of docs/updates.md, the four conflict modes, deleted and moved files.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import fs from 'fs-extra';
import { join } from 'node:path';
import { execa } from 'execa';
import { runCli, snapshot, tempDir, DATE } from '../support/cli.js';

let target: string;
const RUNBOOK = 'docs/runbooks/orders.md';
const read = (path: string) => fs.readFile(join(target, path), 'utf8');
const write = (path: string, text: string) => fs.outputFile(join(target, path), text);
const OUR_PARAGRAPH = '## Our notes\n\nThe nightly settlement batch lags the read replica; lag alerts between 02:00 and 02:30 UTC are expected.\n';

beforeEach(async () => {
  target = join(await tempDir(), 'orders');
  const first = await runCli([target, '--yes', '--date', DATE]);
  expect(first.exitCode, first.stderr).toBe(0);
});

describe('re-runs keep your edits (built CLI)', () => {
  it('the worked example: filled placeholders and a paragraph survive an answer change to other lines of the runbook; --check is 0 after', async () => {
    // What the tool asks for: fill the placeholders. And a paragraph of the team's own.
    await execa('sed', ['-i', 's/{owning-team}/payments/g; s/{on-call-rotation}/payments-primary/g', RUNBOOK], { cwd: target });
    await fs.appendFile(join(target, RUNBOOK), `\n${OUR_PARAGRAPH}`);

    const rerun = await runCli([target, '--yes', '--set', 'targets.p99LatencyMs=150']);
    expect(rerun.exitCode, rerun.stdout + rerun.stderr).toBe(0);
    expect(rerun.stdout).toMatch(/merged\s+docs\/runbooks\/orders\.md\s+\(your edits kept, new content merged in\)/);
    const runbook = await read(RUNBOOK);
    expect(runbook).toContain('- Owning team: payments\n');
    expect(runbook).toContain('- On-call rotation: payments-primary\n');
    expect(runbook).toContain(OUR_PARAGRAPH);
    expect(runbook).toContain('| Latency | p99 under 150 ms |');
    expect(runbook).not.toContain('p99 under 200 ms');

    const check = await runCli([target, '--check']);
    expect(check.exitCode, check.stdout).toBe(0);
    const again = await runCli([target, '--yes']);
    expect(again.stdout).toContain('Everything is up to date; nothing to write.');
  });

  it('keeps no second plain-text copy: grep -rF of a distinctive runbook line finds the runbook alone', async () => {
    const line = (await read(RUNBOOK)).split('\n').find((l) => l.startsWith('Page when the error budget burns fast'))!;
    expect(line).toBeTruthy();
    await runCli([target, '--yes', '--set', 'targets.p99LatencyMs=150']);
    const grep = await execa('grep', ['-rlF', line, '.'], { cwd: target, reject: false });
    expect(grep.stdout.trim().split('\n')).toEqual([`./${RUNBOOK}`]);
  });

  it('without the bases file (an older manifest), the same version regenerates the bases from the recorded answers and still merges', async () => {
    await fs.remove(join(target, '.backend-agent/bases'));
    await fs.appendFile(join(target, RUNBOOK), `\n${OUR_PARAGRAPH}`);
    const rerun = await runCli([target, '--yes', '--set', 'targets.p99LatencyMs=150']);
    expect(rerun.exitCode, rerun.stdout).toBe(0);
    expect(await read(RUNBOOK)).toContain(OUR_PARAGRAPH);
    expect(await read(RUNBOOK)).toContain('p99 under 150 ms');
    expect(await fs.pathExists(join(target, '.backend-agent/bases'))).toBe(true);
  });

  it('add adr --supersedes leaves --check at 0', async () => {
    const add = await runCli(['add', 'adr', '--dir', target, '--supersedes', '2', '--date', DATE, 'Move the ledger to Go']);
    expect(add.exitCode, add.stderr).toBe(0);
    const check = await runCli([target, '--check']);
    expect(check.exitCode, check.stdout).toBe(0);
  });
});

describe('an overlapping edit: you and the new version changed the same lines', () => {
  const answer = ['--yes', '--set', 'targets.p99LatencyMs=150'];
  beforeEach(async () => {
    await write(RUNBOOK, (await read(RUNBOOK)).replace('p99 under 200 ms', 'p99 under 180 ms (our own target)'));
  });

  it('stop (the default without a terminal): exit 2, each conflicting hunk printed, nothing written', async () => {
    const before = await snapshot(target);
    const result = await runCli([target, ...answer]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toMatch(/conflict\s+docs\/runbooks\/orders\.md\s+\(you and the new version changed the same lines\)/);
    expect(result.stdout).toMatch(/docs\/runbooks\/orders\.md: line \d+ of yours, line \d+ of the new version\n\s+- \| Latency \| p99 under 180 ms \(our own target\) \|.*\n\s+\+ \| Latency \| p99 under 150 ms \|/);
    expect(result.stdout).toContain('nothing was written');
    expect(result.stdout).toContain('--conflict markers');
    expect(await snapshot(target)).toEqual(before);
  });

  it('markers: git-style markers in the file, everything else written, exit 2; a later run refuses the file until they are gone', async () => {
    const result = await runCli([target, ...answer, '--conflict', 'markers']);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toContain('Conflict markers written in docs/runbooks/orders.md');
    const runbook = await read(RUNBOOK);
    expect(runbook).toMatch(/^<<<<<<< yours\n\| Latency \| p99 under 180 ms \(our own target\) \|.*\n=======\n\| Latency \| p99 under 150 ms \|.*\n>>>>>>> create-backend-agent \d+\.\d+\.\d+\n/m);
    expect(await read('.claude/agents/backend-staff.md')).toContain('150 ms');

    const before = await snapshot(target);
    for (const mode of ['stop', 'theirs']) {
      const later = await runCli([target, '--yes', '--conflict', mode]);
      expect(later.exitCode).toBe(2);
      expect(later.stdout).toMatch(/conflict\s+docs\/runbooks\/orders\.md\s+\(still holds conflict markers from an earlier run: resolve them, then run again\)/);
      expect(later.stdout).toContain('Resolve the <<<<<<< yours … >>>>>>> markers in docs/runbooks/orders.md');
      expect(await snapshot(target)).toEqual(before);
    }
    const check = await runCli([target, '--check']);
    expect(check.exitCode).toBe(3);

    // Resolved by hand, keeping the new line: up to date.
    await write(RUNBOOK, runbook.replace(/<<<<<<< yours\n.*\n=======\n(.*\n)>>>>>>> .*\n/, '$1'));
    expect((await runCli([target, '--check'])).exitCode).toBe(0);
  });

  it('mine: your lines where both changed, exit 0; the same run again is a no-op, not a conflict', async () => {
    const result = await runCli([target, ...answer, '--conflict', 'mine']);
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.stdout).toContain('Kept your lines where both changed: docs/runbooks/orders.md');
    expect(await read(RUNBOOK)).toContain('p99 under 180 ms (our own target)');
    expect(await read('.claude/agents/backend-staff.md')).toContain('150 ms');
    const again = await runCli([target, ...answer]);
    expect(again.exitCode, again.stdout).toBe(0);
    expect(again.stdout).toContain('Everything is up to date; nothing to write.');
    expect((await runCli([target, '--check'])).exitCode).toBe(0);
  });

  it('theirs: the new lines (--force, its alias, is in create.test.ts)', async () => {
    const result = await runCli([target, ...answer, '--conflict', 'theirs']);
    expect(result.exitCode, result.stdout).toBe(0);
    expect(await read(RUNBOOK)).toContain('| Latency | p99 under 150 ms |');
    expect(await read(RUNBOOK)).not.toContain('our own target');
  });

  it('refuses an unknown mode, and --force with another mode, with exit 1', async () => {
    const bad = await runCli([target, ...answer, '--conflict', 'ours']);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr.trim()).toBe('error --conflict ours: not a mode. Use one of stop, markers, mine, theirs.');
    const both = await runCli([target, ...answer, '--conflict', 'mine', '--force']);
    expect(both.exitCode).toBe(1);
  });
});

describe('deleted and moved files', () => {
  it('a generated file you deleted is not written again, the run says how to bring it back, --restore does', async () => {
    await fs.remove(join(target, 'docs/testing/test-strategy.md'));
    const result = await runCli([target, '--yes', '--set', 'targets.coverage=90']);
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/deleted-by-you\s+docs\/testing\/test-strategy\.md\s+\(you deleted it; not written again\)/);
    expect(result.stdout).toContain('To bring it back: --restore docs/testing/test-strategy.md');
    expect(await fs.pathExists(join(target, 'docs/testing/test-strategy.md'))).toBe(false);
    expect((await runCli([target, '--check'])).exitCode).toBe(0);

    const unknown = await runCli([target, '--yes', '--restore', 'docs/nowhere.md']);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain('--restore docs/nowhere.md: not a file this run writes.');
    const restored = await runCli([target, '--yes', '--restore', 'docs/testing/test-strategy.md']);
    expect(restored.exitCode, restored.stdout).toBe(0);
    expect(await read('docs/testing/test-strategy.md')).toContain('90%');
  });

  it('a renamed service moves the edited runbook with its edits, merged, and leaves nothing behind', async () => {
    await fs.appendFile(join(target, RUNBOOK), `\n${OUR_PARAGRAPH}`);
    const result = await runCli([target, '--yes', '--set', 'service.name=ledger']);
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/moved\s+docs\/runbooks\/ledger\.md \(from docs\/runbooks\/orders\.md\)/);
    expect(await fs.pathExists(join(target, RUNBOOK))).toBe(false);
    const runbook = await read('docs/runbooks/ledger.md');
    expect(runbook).toContain('# ledger runbook');
    expect(runbook).toContain(OUR_PARAGRAPH);
    expect((await runCli([target, '--check'])).exitCode).toBe(0);
  });
});

describe('AGENTS.md', () => {
  it('merges inside its managed block the same way; your text around it stays as it is', async () => {
    await write('AGENTS.md', '# Orders\n\nBuild with make.\n');
    expect((await runCli([target, '--yes', '--set', 'outputs.formats=claude,agents-md'])).exitCode).toBe(0);
    const file = await read('AGENTS.md');
    await write('AGENTS.md', `${file.replace('<!-- backend-agent:end -->', 'Our rule inside the block: never page billing.\n<!-- backend-agent:end -->')}\nOur footer.\n`);
    const result = await runCli([target, '--yes', '--set', 'agent.seniority=principal']);
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/merged\s+AGENTS\.md/);
    const merged = await read('AGENTS.md');
    expect(merged.startsWith('# Orders\n\nBuild with make.\n')).toBe(true);
    expect(merged).toContain('Our rule inside the block: never page billing.\n<!-- backend-agent:end -->\n\nOur footer.\n');
    expect(merged).not.toBe(file);
    expect((await runCli([target, '--check'])).exitCode).toBe(0);
  });
});
