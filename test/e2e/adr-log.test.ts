/** Continuing an existing ADR log, and `backend-agent add adr`, with the built CLI. */
import { beforeEach, describe, expect, it } from 'vitest';
import fs from 'fs-extra';
import { join } from 'node:path';
import { DATE, runCli, snapshot, tempDir } from '../support/cli.js';

const TITLES = ['Record architecture decisions', 'Use Go', 'Use PostgreSQL', 'Publish events to Kafka', 'Deploy on Kubernetes', 'Expose gRPC', 'Adopt OpenTelemetry'];
const slug = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** A log as adr-tools writes it (no status bullet), numbers 1-7 in the given width. */
async function writeLog(target: string, dir: string, width: number): Promise<string[]> {
  const paths: string[] = [];
  for (const [i, title] of TITLES.entries()) {
    const path = `${dir}/${String(i + 1).padStart(width, '0')}-${slug(title)}.md`;
    await fs.outputFile(join(target, path), `# ${i + 1}. ${title}\n\nDate: 2024-0${(i % 9) + 1}-15\n\n## Status\n\nAccepted\n\n## Context\n\nContext of ${title}.\n`);
    paths.push(path);
  }
  return paths;
}

async function contents(target: string, paths: readonly string[]) {
  return Object.fromEntries(await Promise.all(paths.map(async (p) => [p, await fs.stat(join(target, p)).then(async (s) => ({ text: await fs.readFile(join(target, p), 'utf8'), mtimeMs: s.mtimeMs }))] as const)));
}

let target: string;
beforeEach(async () => {
  target = join(await tempDir('cba-log-'), 'orders');
});

describe('continuing an existing ADR log', () => {
  it.each([
    ['doc/adr', 4, 'doc/adr/0008-technology-stack-for-orders.md', 'doc/adr/0009-use-nats.md', false],
    ['adr', 3, 'adr/008-technology-stack-for-orders.md', 'adr/009-use-nats.md', true],
  ])('continues a log in %s with %i-digit numbers and leaves its records byte-identical', async (dir, width, stackRecord, nextRecord, writesAdrDir) => {
    const existing = await writeLog(target, dir, width);
    const before = await contents(target, existing);

    const result = await runCli([target, '--yes', '--date', DATE]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(await contents(target, existing)).toEqual(before);
    const files = [...(await snapshot(target)).keys()];
    expect(files.filter((p) => p.startsWith(`${dir}/`))).toEqual([...existing, stackRecord].sort());
    expect(files.includes('.adr-dir')).toBe(writesAdrDir); // doc/adr is adr-tools' default
    if (writesAdrDir) expect(await fs.readFile(join(target, '.adr-dir'), 'utf8')).toBe(`${dir}\n`);
    expect((await fs.readFile(join(target, stackRecord), 'utf8')).split('\n')[0]).toBe('# 8. Technology stack for orders');
    const agent = await fs.readFile(join(target, '.claude/agents/backend-staff.md'), 'utf8');
    expect(agent).toContain(`\`${dir}/\`: the decision log`);
    expect(agent).toContain(`${'N'.repeat(width)}-title-in-kebab-case.md`);

    const again = await runCli([target, '--yes']);
    expect(again.stdout).toContain('Everything is up to date; nothing to write.');

    const added = await runCli(['add', 'adr', 'Use', 'NATS', '--date', DATE], { cwd: target });
    expect(added.exitCode, added.stderr).toBe(0);
    expect(await fs.pathExists(join(target, nextRecord))).toBe(true);
    expect(await contents(target, existing)).toEqual(before);
  });

  it('starts a new log where the answers say, leaving the detected one alone', async () => {
    const existing = await writeLog(target, 'docs/adr', 4);
    const result = await runCli([target, '--yes', '--date', DATE, '--set', 'outputs.paths.adrDir=docs/decisions']);
    expect(result.exitCode, result.stderr).toBe(0);
    const files = [...(await snapshot(target)).keys()];
    expect(files.filter((p) => p.startsWith('docs/decisions/'))).toEqual(['docs/decisions/0001-record-architecture-decisions.md', 'docs/decisions/0002-technology-stack-for-orders.md']);
    expect(files.filter((p) => p.startsWith('docs/adr/'))).toEqual(existing);
  });
});

describe('backend-agent add adr', () => {
  beforeEach(async () => {
    const result = await runCli([target, '--yes', '--date', DATE]);
    expect(result.exitCode, result.stderr).toBe(0);
  });

  it('supersedes a generated record, and the next re-run neither conflicts nor reverts it', async () => {
    const result = await runCli(['add', 'adr', '--supersedes', '2', '--date', '2026-12-01', 'Move the ledger to Go'], { cwd: target });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/create\s+docs\/adr\/0003-move-the-ledger-to-go\.md/);
    expect(result.stdout).toMatch(/update\s+docs\/adr\/0002-technology-stack-for-orders\.md/);
    const superseded = await fs.readFile(join(target, 'docs/adr/0002-technology-stack-for-orders.md'), 'utf8');
    expect(superseded).toContain('- Status: superseded by [0003-move-the-ledger-to-go](0003-move-the-ledger-to-go.md)\n');
    expect(superseded).toContain('## Status\n\nSuperseded by [3. Move the ledger to Go](0003-move-the-ledger-to-go.md)\n');
    const record = await fs.readFile(join(target, 'docs/adr/0003-move-the-ledger-to-go.md'), 'utf8');
    expect(record).toContain('Supersedes [2. Technology stack for orders](0002-technology-stack-for-orders.md)');

    const before = await snapshot(target);
    for (const args of [['--yes'], ['--set', 'targets.p99LatencyMs=150', '--force']]) {
      const rerun = await runCli([target, ...args]);
      expect(rerun.exitCode, rerun.stdout + rerun.stderr).toBe(0);
      expect(rerun.stdout).not.toContain('docs/adr/0002');
      expect(rerun.stdout).not.toContain('docs/adr/0004');
    }
    const after = await snapshot(target);
    for (const path of ['docs/adr/0002-technology-stack-for-orders.md', 'docs/adr/0003-move-the-ledger-to-go.md']) expect(after.get(path)).toEqual(before.get(path));
    expect([...after.keys()].filter((p) => p.startsWith('docs/adr/'))).toHaveLength(3);
    expect((await runCli([target, '--yes'])).stdout).toContain('Everything is up to date');
  });

  it('previews with --dry-run and reports with --json', async () => {
    const before = await snapshot(target);
    const dry = await runCli(['add', 'adr', '--dir', target, '--dry-run', '--status', 'proposed', 'Cache prices in Redis']);
    expect(dry.exitCode, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('+++ b/docs/adr/0003-cache-prices-in-redis.md');
    expect(dry.stdout).toContain('+- Status: proposed');
    expect(dry.stdout).toContain('Dry run: nothing was written.');
    expect(await snapshot(target)).toEqual(before);

    const json = await runCli(['add', 'adr', '--dir', target, '--json', '--date', DATE, 'Cache prices in Redis']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: true,
      dryRun: false,
      adr: { path: 'docs/adr/0003-cache-prices-in-redis.md', number: 3, title: 'Cache prices in Redis', status: 'accepted', date: DATE },
      written: ['docs/adr/0003-cache-prices-in-redis.md'],
    });
  });

  it('shows its help', async () => {
    const help = await runCli(['add', 'adr', '--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('Usage: backend-agent add adr [options] TITLE...');
    expect(help.stdout).toContain('--supersedes N');
    expect((await runCli(['--help'])).stdout).toContain('backend-agent add adr TITLE');
  });

  it.each([
    [['add', 'adr'], /No title given/],
    [['add', 'adr', '--status', 'approved', 'X'], /Unknown ADR status "approved"/],
    [['add', 'adr', '--supersedes', '9', 'X'], /No ADR "9" in docs\/adr\//],
    [['add', 'adr', '--status', 'proposed', '--supersedes', '2', 'X'], /cannot supersede/],
    [['add', 'adr', '--date', '1/12/2026', 'X'], /Invalid date/],
    [['add', 'adr', '--bogus', 'X'], /Unknown option '--bogus'/],
    [['add', 'adrs', 'X'], /Cannot add "adrs"/],
    [['add', 'adr', '--dir', 'no-such-folder/below', 'X'], /No ADR log in/],
  ])('fails on %j with one line, exit 1, nothing written', async (args, message) => {
    const before = await snapshot(target);
    const result = await runCli(args, { cwd: target });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(await snapshot(target)).toEqual(before);
  });

  it('fails with a JSON error object under --json', async () => {
    const result = await runCli(['add', 'adr', '--json', '--supersedes', '42', 'X'], { cwd: target });
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, exitCode: 1, error: expect.stringMatching(/No ADR "42"/) });
  });
});
