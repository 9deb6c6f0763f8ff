/** What a new user meets in the first hour: help that fits, errors that list everything, dates that exist. */
import { describe, expect, it } from 'vitest';
import fs from 'fs-extra';
import { join } from 'node:path';
import { catalog } from '@create-backend-agent/core/catalog';
import { library } from '@create-backend-agent/core/library';
import { presetNames } from '@create-backend-agent/core/presets';
import { runCli, tempDir } from '../support/cli.js';

describe('--help', () => {
  it('fits 80 columns and lists every preset in full', async () => {
    const { stdout, exitCode } = await runCli(['--help']);
    expect(exitCode).toBe(0);
    expect(stdout.split('\n').filter((l) => l.length > 80)).toEqual([]);
    const flat = stdout.replace(/\s+/g, ' ');
    for (const name of presetNames(library)) expect(flat).toContain(name);
    expect(stdout).not.toMatch(/\.\.\.|…$/m);
    // Written for 80 columns, so nothing is rewrapped: no word is left alone on a line.
    expect(stdout).not.toMatch(/^ +\S+$/m);
  });

  it('has a second page with every answer key and every value, in full, within 80 columns', async () => {
    const { stdout } = await runCli(['--help', 'answers']);
    expect(stdout.split('\n').filter((l) => l.length > 80)).toEqual([]);
    const flat = stdout.replace(/\s+/g, ' ');
    for (const q of catalog) {
      expect(stdout).toContain(`  ${q.id}\n`);
      for (const choice of q.choices ?? []) expect(flat).toMatch(new RegExp(`[ ,]${choice.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[,( \n]`));
    }
    // The kinds are words for people, not the catalog's internals.
    expect(stdout).not.toMatch(/values: (select|multiselect|confirm)\b/);
  });
});

describe('invalid input', () => {
  it('lists every invalid answer of an answers file in one error, exit 1, nothing written', async () => {
    const root = await tempDir();
    const file = join(root, 'answers.yaml');
    await fs.writeFile(file, 'targets:\n  coverage: "80"\n  p99LatencyMs: fast\nagent:\n  seniority: boss\noutputs:\n  formats: [claude, cusor]\n');
    const target = join(root, 'svc');
    const result = await runCli([target, '--answers', file]);
    expect(result.exitCode).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/4 invalid answers:$/);
    for (const key of ['targets.coverage', 'targets.p99LatencyMs', 'agent.seniority', 'outputs.formats']) {
      expect(lines.some((l) => l.startsWith(`  - Invalid ${key} (from ${file})`)), key).toBe(true);
    }
    expect(result.stderr).toContain('(got "cusor")');
    expect(await fs.pathExists(target)).toBe(false);
  });

  it.each([
    [['--date', '2026-02-30', '--yes'], 'Invalid date "2026-02-30"'],
    [['--dryrun'], `Unknown option '--dryrun'. Did you mean "--dry-run"?`],
  ])('refuses %j with a one-line error', async (argv, message) => {
    const target = join(await tempDir(), 'svc');
    const result = await runCli([target, ...argv]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(await fs.pathExists(target)).toBe(false);
  });

  it('refuses an impossible date in add adr too, writing nothing', async () => {
    const target = join(await tempDir(), 'svc');
    expect((await runCli([target, '--yes'])).exitCode).toBe(0);
    const before = await fs.readdir(join(target, 'docs/adr'));
    const result = await runCli(['add', 'adr', 'Use pgx', '--date', '2026-04-31'], { cwd: target });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('Invalid date "2026-04-31"');
    expect(await fs.readdir(join(target, 'docs/adr'))).toEqual(before);
  });
});

describe('detect', () => {
  it('lines up every row of a block: the service name with the findings, agent files with CI', async () => {
    const root = await tempDir();
    await fs.outputFile(join(root, 'go.mod'), 'module example.com/ledger\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.9.1\n');
    await fs.outputFile(join(root, '.github/workflows/ci.yml'), 'on: push\njobs: {}\n');
    await fs.outputFile(join(root, '.claude/agents/reviewer.md'), '---\nname: reviewer\ndescription: Reviews code\n---\nReview.\n');
    const { stdout, exitCode } = await runCli(['detect', root], { env: { NO_COLOR: '1' } });
    expect(exitCode).toBe(0);
    const blocks = stdout.split('\n\n');
    const stackRows = blocks[1]!.split('\n');
    expect(stackRows.map((l) => l.trim().split(/\s{2,}/)[0])).toEqual(['Languages', 'Frameworks', 'API styles', 'Service name']);
    expect(new Set(stackRows.map((l) => l.indexOf('go.mod:'))).size).toBe(1);
    const aroundRows = blocks.find((b) => b.startsWith('Around the code'))!.split('\n').slice(1);
    expect(aroundRows.map((l) => l.trim().split(/\s{2,}/)[0])).toEqual(['CI', 'Agent file']);
    expect(new Set([aroundRows[0]!.indexOf('.github/'), aroundRows[1]!.indexOf('(claude)')]).size).toBe(1);
    await fs.remove(root);
  });
});
