/**
 * The generated docs against the real tools: markdownlint-cli2 on every Markdown file the tool writes
 * (default answers, every preset, a bare stack with every format), adr-tools and log4brains on the ADR log.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'fs-extra';
import { basename, join } from 'node:path';
import { AGENT_FORMATS } from '../../packages/core/src/answers/schema.js';
import { DATE, runCli, tempDir } from '../support/cli.js';
import { adr, hasAdrTools, hasLog4brains, hasMarkdownlint, log4brains, log4brainsRecords, markdownlint, ROOT, toolAvailable } from '../support/tools.js';

const PRESETS = (await fs.readdir(join(ROOT, 'templates/presets'))).filter((f) => f.endsWith('.yaml')).map((f) => basename(f, '.yaml'));

async function markdownFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.md')) out.push(join(entry.parentPath, entry.name));
  }
  return out;
}

async function scaffold(target: string, ...args: string[]) {
  const result = await runCli([target, '--date', DATE, ...args]);
  expect(result.exitCode, `${args.join(' ')}: ${result.stderr}`).toBe(0);
}

describe.skipIf(!toolAvailable('markdownlint-cli2', hasMarkdownlint(), 'run pnpm install'))('markdownlint-cli2 on every generated Markdown file', () => {
  let root: string;
  beforeAll(async () => {
    root = await tempDir('cba-lint-');
    const bare = join(root, 'answers.yaml');
    await fs.writeFile(bare, [
      'service: { name: bare, team: Platform Team, tier: tier-1 }',
      'stack: { languages: [], frameworks: [], datastores: [], messaging: [], cloud: [], infrastructure: [], apiStyles: [] }',
      'collaboration: { escalatesTo: [sre-lead, principal-architect], receivesFrom: [product-owner], parallelWith: [frontend-staff], handsOffTo: [qa-lead] }',
      `outputs: { formats: [${AGENT_FORMATS.join(', ')}] }`,
      '',
    ].join('\n'));
    await Promise.all([
      scaffold(join(root, 'default'), '--yes'),
      scaffold(join(root, 'bare'), '--answers', bare),
      ...PRESETS.map((preset) => scaffold(join(root, preset), '--preset', preset)),
    ]);
    // Records written by `add adr`, and the record it supersedes, are generated Markdown too.
    const added = await runCli(['add', 'adr', '--dir', join(root, 'default'), '--supersedes', '2', '--date', DATE, 'Move the ledger to Go']);
    expect(added.exitCode, added.stderr).toBe(0);
  });

  it('finds no error in any of them with the config this repository ships', async () => {
    const files = await markdownFiles(root);
    expect(files.length).toBeGreaterThan(PRESETS.length * 4);
    const result = await markdownlint(root, ['**/*.md']);
    expect(result.stdout + result.stderr).toContain(`Linting: ${files.length} file(s)`); // dot-folders (.claude/) included
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.stdout + result.stderr).toContain('Summary: 0 error(s)');
    // Every format, for every preset: a few hundred files, slow on a loaded machine.
  }, 120_000);

  it("passes on the repository's own docs with the same config", async () => {
    const result = await markdownlint(ROOT, []);
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
  });

  it('would catch what generated agent docs most often break', async () => {
    const dir = await tempDir('cba-lint-bad-');
    await fs.writeFile(join(dir, 'bad.md'), 'You are an agent.\n\n<example>\nuser: hi\n</example>\n\nSee <service-name>.\n## Next\n\n\n- item\n* other');
    const result = await markdownlint(dir, ['**/*.md']);
    expect(result.exitCode).toBe(1);
    for (const rule of ['MD041', 'MD033', 'MD022', 'MD012', 'MD032', 'MD004', 'MD047']) expect(result.stderr).toContain(rule);
  });
});

describe.skipIf(!toolAvailable('adr-tools', hasAdrTools(), 'apt-get install adr-tools (Debian/Ubuntu) or brew install adr-tools'))('adr-tools on the generated log', () => {
  let target: string;
  beforeAll(async () => {
    target = join(await tempDir('cba-adr-'), 'orders');
    await scaffold(target, '--yes');
  });

  it('lists the generated records and shows their titles', async () => {
    const list = await adr(target, ['list']);
    expect(list.stdout.trim().split('\n')).toEqual(['docs/adr/0001-record-architecture-decisions.md', 'docs/adr/0002-technology-stack-for-orders.md']);
    const toc = await adr(target, ['generate', 'toc']);
    expect(toc.stdout).toContain('* [1. Record architecture decisions](0001-record-architecture-decisions.md)');
    expect(toc.stdout).toContain('* [2. Technology stack for orders](0002-technology-stack-for-orders.md)');
  });

  it('numbers its own new records after them, supersedes them, and our `add adr` follows on', async () => {
    const created = await adr(target, ['new', '-s', '2', 'Use', 'Redis', 'Streams', 'for', 'jobs']);
    expect(created.exitCode, created.stderr).toBe(0);
    expect(created.stdout.trim()).toBe('docs/adr/0003-use-redis-streams-for-jobs.md');
    const superseded = await fs.readFile(join(target, 'docs/adr/0002-technology-stack-for-orders.md'), 'utf8');
    // adr-tools found the exact "Accepted" line of our `## Status` section and replaced it.
    expect(superseded).toContain('## Status\n\nSuperseded by [3. Use Redis Streams for jobs](0003-use-redis-streams-for-jobs.md)\n');
    expect(superseded).not.toMatch(/## Status\n\nAccepted/);

    const ours = await runCli(['add', 'adr', '--dir', target, '--date', DATE, 'Keep jobs idempotent']);
    expect(ours.exitCode, ours.stderr).toBe(0);
    const list = await adr(target, ['list']);
    expect(list.stdout.trim().split('\n').at(-1)).toBe('docs/adr/0004-keep-jobs-idempotent.md');
    expect((await adr(target, ['generate', 'toc'])).stdout).toContain('* [4. Keep jobs idempotent](0004-keep-jobs-idempotent.md)');
  });
});

describe.skipIf(!toolAvailable('log4brains', hasLog4brains(), 'run pnpm install (it is a devDependency)'))('log4brains on the generated log', () => {
  const config = (folder: string) => `project:\n  name: orders\n  tz: Etc/UTC\n  adrFolder: ${folder}\n`;

  it('reads each generated record with its title, status and date, and follows a supersession', async () => {
    const target = join(await tempDir('cba-l4b-'), 'orders');
    await scaffold(target, '--yes');
    await fs.writeFile(join(target, '.log4brains.yml'), config('./docs/adr'));

    const list = await log4brains(target, ['adr', 'list', '--raw']);
    expect(list.exitCode, list.stderr).toBe(0);
    expect(list.stdout.trim().split('\n')).toEqual([
      '0001-record-architecture-decisions,ACCEPTED,,1. Record architecture decisions',
      '0002-technology-stack-for-orders,ACCEPTED,,2. Technology stack for orders',
    ]);
    for (const record of await log4brainsRecords(target)) expect(record.publicationDate, record.slug).toMatch(new RegExp(`^${DATE}T`));

    const added = await runCli(['add', 'adr', '--dir', target, '--supersedes', '2', '--date', '2026-12-01', 'Move the ledger to Go']);
    expect(added.exitCode, added.stderr).toBe(0);
    expect((await log4brains(target, ['adr', 'list', '--raw'])).stdout.trim().split('\n').slice(1)).toEqual([
      '0002-technology-stack-for-orders,SUPERSEDED,,2. Technology stack for orders',
      '0003-move-the-ledger-to-go,ACCEPTED,,3. Move the ledger to Go',
    ]);
    const records = await log4brainsRecords(target);
    expect(records.find((r) => r.slug === '0002-technology-stack-for-orders')?.supersededBy).toBe('0003-move-the-ledger-to-go');
    expect(records.find((r) => r.slug === '0003-move-the-ledger-to-go')?.publicationDate).toMatch(/^2026-12-01T/);
  });

  it('continues a date-named log4brains log with a dated record it reads', async () => {
    const target = join(await tempDir('cba-l4b-dated-'), 'orders');
    const existing = '# Use log4brains to manage the ADRs\n\n- Status: accepted\n- Date: 2024-01-05\n\n## Context and Problem Statement\n\nWe want to record decisions.\n';
    await fs.outputFile(join(target, 'docs/architecture/20240105-use-log4brains-to-manage-the-adrs.md'), existing);
    await fs.outputFile(join(target, '.log4brains.yml'), config('./docs/architecture'));
    await scaffold(target, '--yes');
    const list = await log4brains(target, ['adr', 'list', '--raw']);
    expect(list.stdout.trim().split('\n')).toEqual([
      '20240105-use-log4brains-to-manage-the-adrs,ACCEPTED,,Use log4brains to manage the ADRs',
      '20261121-technology-stack-for-orders,ACCEPTED,,Technology stack for orders',
    ]);
    expect(await fs.readFile(join(target, 'docs/architecture/20240105-use-log4brains-to-manage-the-adrs.md'), 'utf8')).toBe(existing);
  });
});
