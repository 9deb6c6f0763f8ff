/**
 * Bad environments, as an unlucky user meets them: each gives one line naming the path, a
 * documented exit code (never 70, never a hang), and leaves the target as it was.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import fs from 'fs-extra';
import { join } from 'node:path';
import { CLI, DATE, runCli, tempDir } from '../support/cli.js';

const YES = ['--yes', '--date', DATE, '--set', 'service.name=api'];
const oneLine = (stderr: string) => stderr.trim().split('\n');
/** path -> content; a FIFO or other special file is listed, never opened (that would hang). */
async function files(dir: string): Promise<Array<[string, string]>> {
  const out: Array<[string, string]> = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      const rel = full.slice(dir.length + 1);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isSymbolicLink()) out.push([rel, `-> ${await fs.readlink(full)}`]);
      else if (entry.isFile()) out.push([rel, await fs.readFile(full, 'utf8')]);
      else out.push([rel, '(special)']);
    }
  };
  await walk(dir);
  return out.sort(([a], [b]) => a.localeCompare(b));
}
const strays = async (dir: string) => (await files(dir)).map(([p]) => p).filter((p) => /\.(tmp|bak)$|journal\.json$|lock$/.test(p));

/** Runs the CLI with a hard timeout: a run that hangs (a FIFO read) fails the test instead of it. */
async function run(args: readonly string[], env: Record<string, string> = {}) {
  const result = await runCli(args, { env });
  return result;
}

async function expectRefused(dir: string, args: readonly string[], code: number, message: RegExp) {
  const before = await files(dir);
  const result = await run([dir, ...args]);
  expect(result.exitCode, result.stderr).toBe(code);
  expect(oneLine(result.stderr)).toHaveLength(1);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/unexpectedly|at .*cli\.js/);
  expect(await files(dir)).toEqual(before);
  return result;
}

describe('half-written targets', () => {
  it('a file where a folder of an output path should be: exit 4, nothing written, no temp file', async () => {
    const dir = await tempDir();
    await fs.writeFile(join(dir, '.claude'), 'not a folder\n');
    await expectRefused(dir, YES, 4, /\.claude is a file, not a folder/);
    const docs = await tempDir();
    await fs.writeFile(join(docs, 'docs'), 'a file\n');
    await expectRefused(docs, YES, 4, /docs is a file, not a folder/);
  });

  it('a folder at an output path: exit 4, nothing written', async () => {
    const dir = await tempDir();
    await fs.mkdirp(join(dir, 'docs/testing/test-strategy.md/x'));
    await expectRefused(dir, YES, 4, /docs\/testing\/test-strategy\.md: it is a folder/);
  });
});

describe('the manifest is validated, never trusted', () => {
  it('a field of the wrong type is exit 1 naming the field and the fix, not a reset to the defaults', async () => {
    const dir = await tempDir();
    expect((await run([dir, ...YES, '--set', 'stack.languages=go', '--set', 'service.name=ledger'])).exitCode).toBe(0);
    const manifest = join(dir, '.backend-agent/manifest.json');
    await fs.writeFile(manifest, (await fs.readFile(manifest, 'utf8')).replace('"coverage": 80', '"coverage": "80"'));
    const result = await expectRefused(dir, ['--yes'], 1, /manifest\.json: answers\.targets\.coverage is invalid: expected number, received string/);
    expect(result.stderr).toMatch(/delete it to start over/);
  });

  it('an unknown answer, a bad hash table and a bad date are named too', async () => {
    const dir = await tempDir();
    expect((await run([dir, ...YES])).exitCode).toBe(0);
    const file = join(dir, '.backend-agent/manifest.json');
    const good = await fs.readJson(file);
    for (const [damage, field] of [
      [{ ...good, answers: { ...good.answers, agent: { ...good.answers.agent, nmae: 'x' } } }, /answers\.agent\.nmae is not a known field/],
      [{ ...good, files: { 'a.md': 42 } }, /files\.a\.md is invalid/],
      [{ ...good, date: 'yesterday' }, /date is invalid/],
      [{ ...good, manifestVersion: 9 }, /manifestVersion 9/],
    ] as const) {
      await fs.writeJson(file, damage);
      await expectRefused(dir, ['--yes'], 1, field);
    }
  });

  it('a manifest that is a folder, a FIFO or /dev/zero is refused at once, without reading it', async () => {
    for (const make of [
      (p: string) => fs.mkdirp(p),
      (p: string) => execFileSync('mkfifo', [p]),
      (p: string) => fs.symlink('/dev/zero', p),
    ]) {
      const dir = await tempDir();
      await fs.mkdirp(join(dir, '.backend-agent'));
      await make(join(dir, '.backend-agent/manifest.json'));
      await expectRefused(dir, YES, 4, /\.backend-agent\/manifest\.json is (a folder|a FIFO \(named pipe\)|a device), not a regular file/);
    }
  });
});

describe('special files and version control', () => {
  it('a FIFO at an output path is refused at once (the run never hangs)', async () => {
    const dir = await tempDir();
    await fs.mkdirp(join(dir, 'docs/testing'));
    execFileSync('mkfifo', [join(dir, 'docs/testing/test-strategy.md')]);
    await expectRefused(dir, YES, 4, /test-strategy\.md: it is a FIFO/);
  });

  it('a FIFO as the answers file is refused at once', async () => {
    const dir = await tempDir();
    execFileSync('mkfifo', [join(dir, 'answers.yaml')]);
    const result = await run([dir, ...YES, '--answers', join(dir, 'answers.yaml')]);
    expect(result.exitCode).toBe(4);
    expect(result.stderr).toMatch(/answers\.yaml is a FIFO/);
  });

  it.each(['.git/config', '.hg/hgrc', 'sub/.svn/entries'])('refuses %s as an output path, even with --force', async (path) => {
    const dir = await tempDir();
    await fs.mkdirp(join(dir, '.git'));
    await fs.writeFile(join(dir, '.git/config'), '[core]\n');
    await expectRefused(dir, [...YES, '--force', '--set', `outputs.paths.testStrategy=${path}`], 1, /belongs to version control/);
  });

  it('a name too long, or a NUL in a path from an answers file, is exit 1 naming it', async () => {
    const dir = await tempDir();
    await expectRefused(dir, [...YES, '--set', `outputs.paths.testStrategy=docs/${'x'.repeat(300)}.md`], 1, /is 303 bytes long/);
    await fs.writeFile(join(dir, 'a.json'), JSON.stringify({ outputs: { paths: { runbookDir: 'docs/a\u0000b' } } }));
    await expectRefused(dir, [...YES, '--answers', join(dir, 'a.json')], 1, /outputs\.paths\.runbookDir must not hold control characters/);
  });
});

describe('permissions (run as an unprivileged user)', () => {
  // root may write anywhere: the CLI runs as nobody where it can, else as the current user.
  const asUser = process.getuid?.() === 0 && spawnSync('runuser', ['-u', 'nobody', '--', 'true']).status === 0;
  const runAs = (args: readonly string[]) => {
    const cmd = asUser ? ['runuser', '-u', 'nobody', '--', 'node', CLI, ...args] : ['node', CLI, ...args];
    return spawnSync(cmd[0]!, cmd.slice(1), { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 20_000 });
  };

  it('a read-only target: exit 4 naming the folder', async () => {
    const dir = await tempDir();
    await fs.chmod(dir, 0o555);
    const result = runAs([dir, ...YES]);
    expect(result.status, result.stderr).toBe(4);
    expect(result.stderr).toMatch(/Permission denied: cannot create the folder .*\.backend-agent/);
    expect(oneLine(result.stderr)).toHaveLength(1);
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('an unreadable generated file or manifest: exit 4 naming it, nothing written', async () => {
    const dir = await tempDir();
    expect((await run([dir, ...YES])).exitCode).toBe(0);
    await fs.chmod(dir, 0o777);
    for (const path of ['.backend-agent', 'docs/runbooks', 'docs/runbooks/api.md']) await fs.chmod(join(dir, path), 0o777);
    await fs.chmod(join(dir, 'docs/runbooks/api.md'), 0o000);
    const result = runAs([dir, ...YES, '--set', 'targets.coverage=90']);
    expect(result.status, result.stderr).toBe(4);
    expect(result.stderr).toMatch(/Permission denied: cannot open .*docs\/runbooks\/api\.md/);
    await fs.chmod(join(dir, 'docs/runbooks/api.md'), 0o644);
    await fs.chmod(join(dir, '.backend-agent/manifest.json'), 0o000);
    const manifest = runAs([dir, ...YES]);
    expect(manifest.status, manifest.stderr).toBe(4);
    expect(manifest.stderr).toMatch(/Permission denied: cannot open .*manifest\.json/);
    expect(await strays(dir)).toEqual([]);
  });
});

describe('the lock', () => {
  it('two add adr at once get distinct numbers, 20 of 20 tries', async () => {
    const dir = await tempDir();
    expect((await run([dir, ...YES])).exitCode).toBe(0);
    for (let i = 0; i < 20; i++) {
      const [a, b] = await Promise.all([
        runCli(['add', 'adr', '--dir', dir, '--date', DATE, `First ${i}`]),
        runCli(['add', 'adr', '--dir', dir, '--date', DATE, `Second ${i}`]),
      ]);
      expect(a.exitCode, a.stderr).toBe(0);
      expect(b.exitCode, b.stderr).toBe(0);
    }
    const records = (await fs.readdir(join(dir, 'docs/adr'))).filter((f) => /^\d{4}-/.test(f));
    const numbers = records.map((f) => f.slice(0, 4));
    expect(records).toHaveLength(42);
    expect(new Set(numbers).size).toBe(42);
    expect(await strays(dir)).toEqual([]);
  }, 120_000);

  it('a run that finds the lock held waits briefly, then exits 5 naming the holder; a dead holder is taken over', async () => {
    const dir = await tempDir();
    expect((await run([dir, ...YES])).exitCode).toBe(0);
    const lock = join(dir, '.backend-agent/lock');
    // This test process is alive: the lock is held.
    await fs.writeFile(lock, JSON.stringify({ pid: process.pid, host: hostname(), command: 'create-backend-agent', since: '2026-11-21T10:00:00.000Z' }));
    const started = Date.now();
    const held = await run([dir, ...YES, '--set', 'targets.coverage=90'], { BACKEND_AGENT_LOCK_WAIT_MS: '600' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    expect(held.exitCode).toBe(5);
    expect(held.stderr).toMatch(new RegExp(`create-backend-agent \\(pid ${process.pid} on .*\\) holds \\.backend-agent/lock`));
    expect(oneLine(held.stderr)).toHaveLength(1);
    const adr = await runCli(['add', 'adr', '--dir', dir, 'X'], { env: { BACKEND_AGENT_LOCK_WAIT_MS: '100' } });
    expect(adr.exitCode).toBe(5);
    // A pid that no longer runs: the lock is stale.
    const dead = spawnSync('node', ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    await fs.writeFile(lock, JSON.stringify({ pid: Number(dead), host: hostname(), command: 'create-backend-agent', since: '2026-11-21T10:00:00.000Z' }));
    const taken = await run([dir, ...YES, '--set', 'targets.coverage=90']);
    expect(taken.exitCode, taken.stderr).toBe(0);
    expect(await fs.pathExists(lock)).toBe(false);
  });

  it("a dead run's draft of the lock is cleared by the next run, even a read-only one; a live run's is left", async () => {
    const dir = await tempDir();
    expect((await run([dir, ...YES])).exitCode).toBe(0);
    const dead = spawnSync('node', ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const deadDraft = join(dir, `.backend-agent/lock.${dead}-0badc0de`);
    const liveDraft = join(dir, `.backend-agent/lock.${process.pid}-0badc0de`);
    for (const draft of [deadDraft, liveDraft]) await fs.writeFile(draft, '{"pid":');
    const check = await run([dir, '--check']);
    expect(check.exitCode, check.stderr + check.stdout).toBe(0);
    expect(await fs.pathExists(deadDraft)).toBe(false);
    expect(await fs.pathExists(liveDraft)).toBe(true);
    expect(await fs.pathExists(join(dir, '.backend-agent/lock'))).toBe(false);
  });

  it('two scaffolds at once: one waits for the other, both succeed, and the result is one of them whole', async () => {
    const dir = await tempDir();
    const [a, b] = await Promise.all([
      run([dir, ...YES, '--set', 'service.name=alpha']),
      run([dir, ...YES, '--set', 'service.name=beta']),
    ]);
    // The second sees the first's files: written by the tool, so they are updated, not conflicts.
    expect([a.exitCode, b.exitCode].sort()).toEqual([0, 0]);
    const again = await run([dir, '--check']);
    expect(again.exitCode, again.stdout).toBe(0);
  });
});

describe('file modes', () => {
  it('keeps the mode of a file it updates', async () => {
    const dir = await tempDir();
    expect((await run([dir, ...YES])).exitCode).toBe(0);
    await fs.chmod(join(dir, 'docs/runbooks/api.md'), 0o755);
    expect((await run([dir, ...YES, '--set', 'service.team=payments'])).exitCode).toBe(0);
    expect(await fs.readFile(join(dir, 'docs/runbooks/api.md'), 'utf8')).toMatch(/payments/);
    expect((await fs.stat(join(dir, 'docs/runbooks/api.md'))).mode & 0o777).toBe(0o755);
  });
});

describe('lint on large and special files', () => {
  it('says "too large" for a file past its bound, reading only a prefix', async () => {
    const dir = await tempDir();
    await fs.mkdirp(join(dir, '.claude/agents'));
    await fs.writeFile(join(dir, '.claude/agents/big.md'), `---\nname: big-agent\ndescription: "${'x'.repeat(3 * 1024 * 1024)}"\n---\n# Big\n`);
    const result = await runCli(['lint', '--json'], { cwd: dir });
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.findings).toEqual([expect.objectContaining({ path: '.claude/agents/big.md', rule: 'size', message: expect.stringMatching(/too large to lint/) })]);
    expect(result.stdout).not.toMatch(/permissions/);
  });

  it('refuses a FIFO among the agent files at once', async () => {
    const dir = await tempDir();
    await fs.mkdirp(join(dir, '.claude/agents'));
    execFileSync('mkfifo', [join(dir, '.claude/agents/pipe.md')]);
    const result = await runCli(['lint', '.claude/agents/pipe.md'], { cwd: dir });
    expect(result.exitCode).toBe(4);
    expect(result.stderr).toMatch(/pipe\.md is a FIFO/);
  });
});

describe('bounds', () => {
  it('refuses an answers file over 1 MB before parsing it', async () => {
    const dir = await tempDir();
    await fs.writeFile(join(dir, 'answers.yaml'), `agent:\n  description: "${'x'.repeat(1024 * 1024)}"\n`);
    await expectRefused(dir, [...YES, '--answers', join(dir, 'answers.yaml')], 1, /answers\.yaml is too large \(more than 1 MB\)/);
  });

  it('refuses an answers file with more entries than answers could need, before parsing it', async () => {
    const dir = await tempDir();
    await fs.writeFile(join(dir, 'answers.yaml'), `stack:\n  languages: [${Array.from({ length: 100_000 }, () => 'go').join(',')}]\n`);
    await expectRefused(dir, [...YES, '--answers', join(dir, 'answers.yaml')], 1, /more than 5,000 lines or list items/);
  });

  it('refuses lists and strings past their documented bounds, in one short line', async () => {
    const dir = await tempDir();
    const many = Array.from({ length: 51 }, () => 'postgresql').join(',');
    const result = await expectRefused(dir, [...YES, '--set', `stack.datastores=${many}`], 1, /stack\.datastores \(from --set\): at most 50 items/);
    expect(result.stderr.length).toBeLessThan(400);
    await expectRefused(dir, [...YES, '--set', `service.team=${'t'.repeat(81)}`], 1, /service\.team must be at most 80 characters/);
  });

  it('rejects a duplicate key in a YAML answers file', async () => {
    const dir = await tempDir();
    await fs.writeFile(join(dir, 'answers.yaml'), 'service:\n  name: a-one\n  name: a-two\n');
    await expectRefused(dir, [...YES, '--answers', join(dir, 'answers.yaml')], 1, /gives "name" twice/);
  });
});
