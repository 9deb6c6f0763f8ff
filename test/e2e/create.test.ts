import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import fs from 'fs-extra';
import { join } from 'node:path';
import matter from 'gray-matter';
import { runCli, snapshot, tempDir, DATE } from '../support/cli.js';

/** The files a default run writes besides its skills. */
const DOCS_AND_AGENT = [
  '.adr-dir',
  '.backend-agent/bases',
  '.backend-agent/manifest.json',
  '.claude/agents/backend-staff.md',
  'docs/adr/0001-record-architecture-decisions.md',
  'docs/adr/0002-technology-stack-for-orders.md',
  'docs/runbooks/orders.md',
  'docs/runbooks/orders.rules.yaml',
  'docs/testing/orders.k6.js',
  'docs/testing/test-strategy.md',
];
/** Every skill of the default stack, with its references (skills.test.ts checks which they are). */
const SKILLS = /^\.claude\/skills\/[a-z-]+\/(SKILL\.md|references\/[a-z0-9-]+\.md)$/;
let EXPECTED: string[] = [];

let root: string;
let target: string;
beforeAll(async () => {
  const first = join(await tempDir(), 'orders');
  await runCli([first, '--yes', '--date', DATE]);
  EXPECTED = [...(await snapshot(first)).keys()];
});
beforeEach(async () => {
  root = await tempDir();
  target = join(root, 'orders');
});

describe('create-backend-agent (built CLI)', () => {
  it('scaffolds every file into a fresh folder', async () => {
    const result = await runCli([target, '--yes', '--date', DATE]);
    expect(result.exitCode, result.stderr).toBe(0);
    const keys = [...(await snapshot(target)).keys()];
    expect(keys.filter((p) => !SKILLS.test(p))).toEqual(DOCS_AND_AGENT);
    expect(keys.filter((p) => p.endsWith('/SKILL.md')).length).toBeGreaterThanOrEqual(9);
    expect(keys).toEqual(EXPECTED);
    expect(result.stdout).toContain(`Done: ${EXPECTED.length} created.`);
    const agent = matter(await fs.readFile(join(target, '.claude/agents/backend-staff.md'), 'utf8'));
    expect(agent.data.name).toBe('backend-staff');
    expect(agent.content).toContain('`orders` service');
  });

  it('reports everything unchanged on an identical re-run and touches no file', async () => {
    await runCli([target, '--yes', '--date', DATE]);
    const before = await snapshot(target);
    const again = await runCli([target, '--yes']);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toContain('Everything is up to date; nothing to write.');
    expect(again.stdout.match(/unchanged/g)?.length).toBe(EXPECTED.length);
    expect(await snapshot(target)).toEqual(before);
  });

  it('merges an edited agent with the changes other answers make to it: both kept, exit 0', async () => {
    await runCli([target, '--yes', '--date', DATE]);
    const agentPath = join(target, '.claude/agents/backend-staff.md');
    await fs.appendFile(agentPath, "\nOur team's own rule: never call the billing API synchronously.\n");

    const result = await runCli([target, '--set', 'agent.seniority=principal']);
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/merged\s+\.claude\/agents\/backend-staff\.md\s+\(your edits kept, new content merged in\)/);
    const agent = await fs.readFile(agentPath, 'utf8');
    expect(agent).toContain("Our team's own rule: never call the billing API synchronously.");
    expect(agent).toContain('# Principal Backend Engineer');
  });

  it('takes the new version of an overlapping edit with --force (the alias of --conflict theirs)', async () => {
    await runCli([target, '--yes', '--date', DATE]);
    const agentPath = join(target, '.claude/agents/backend-staff.md');
    const original = await fs.readFile(agentPath, 'utf8');
    const heading = original.split('\n').find((l) => l.startsWith('# '))!;
    await fs.writeFile(agentPath, original.replace(heading, '# Our own title for the agent'));
    const result = await runCli([target, '--set', 'agent.seniority=principal', '--force']);
    expect(result.exitCode, result.stderr).toBe(0);
    const agent = await fs.readFile(agentPath, 'utf8');
    expect(agent).not.toContain('Our own title');
    expect(agent).toContain('# Principal Backend Engineer');
    const rerun = await runCli([target, '--yes']);
    expect(rerun.stdout).toContain('Everything is up to date');
  });

  it('treats a file it did not write as a conflict', async () => {
    await fs.outputFile(join(target, 'docs/runbooks/orders.md'), '# Our runbook\n');
    const result = await runCli([target, '--yes', '--date', DATE]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toMatch(/conflict\s+docs\/runbooks\/orders\.md\s+\(exists and was not written by this tool\)/);
    expect([...(await snapshot(target)).keys()]).toEqual(['docs/runbooks/orders.md']);
  });

  it('writes nothing with --dry-run and prints the plan with diffs', async () => {
    const result = await runCli([target, '--yes', '--date', DATE, '--dry-run']);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(await fs.pathExists(target)).toBe(false);
    expect(result.stdout).toContain('+++ b/.claude/agents/backend-staff.md');
    expect(result.stdout).toContain(`Dry run: ${EXPECTED.length} to create. Nothing was written.`);

    await runCli([target, '--yes', '--date', DATE]);
    const before = await snapshot(target);
    const update = await runCli([target, '--set', 'targets.p99LatencyMs=120', '--dry-run']);
    expect(update.exitCode).toBe(0);
    expect(update.stdout).toMatch(/^-.*p99 latency under 200 ms/m);
    expect(update.stdout).toMatch(/^\+.*p99 latency under 120 ms/m);
    expect(await snapshot(target)).toEqual(before);
  });

  it('checks for drift with --check: 0 when up to date or only edited, 3 when a re-run would change a file, never writing', async () => {
    const fresh = await runCli([target, '--check']);
    expect(fresh.exitCode).toBe(3);
    expect(fresh.stdout).toContain('Nothing was generated here yet');
    expect(await fs.pathExists(target)).toBe(false);

    await runCli([target, '--yes', '--date', DATE]);
    const clean = await runCli([target, '--check']);
    expect(clean.exitCode, clean.stdout).toBe(0);
    expect(clean.stdout).toContain(`Up to date: the ${EXPECTED.length - 2} generated files hold what this version writes`); // not the manifest and its bases

    // An edit the merge keeps as it is, and a file the user deleted (it stays deleted), are not drift.
    await fs.appendFile(join(target, 'docs/runbooks/orders.md'), '\nOur own note.\n');
    await fs.remove(join(target, 'docs/testing/test-strategy.md'));
    const before = await snapshot(target);
    const edited = await runCli([target, '--check', '--json']);
    expect(edited.exitCode, edited.stdout).toBe(0);
    expect(JSON.parse(edited.stdout).drift).toEqual([]);

    // Answers that change the files are.
    const drift = await runCli([target, '--check', '--json', '--set', 'targets.p99LatencyMs=120']);
    expect(drift.exitCode).toBe(3);
    const entries: Array<{ path: string; action: string }> = JSON.parse(drift.stdout).drift;
    // The skills that quote the latency target change with it.
    expect(entries.filter((e) => SKILLS.test(e.path)).map((e) => e.action)).toEqual(expect.arrayContaining(['update']));
    expect(entries.filter((e) => SKILLS.test(e.path)).every((e) => e.action === 'update')).toBe(true);
    expect(entries.filter((e) => !SKILLS.test(e.path))).toEqual([
      { path: '.claude/agents/backend-staff.md', action: 'update' },
      { path: 'docs/adr/0002-technology-stack-for-orders.md', action: 'update' },
      { path: 'docs/runbooks/orders.md', action: 'merged' },
      // The p99 alert's threshold.
      { path: 'docs/runbooks/orders.rules.yaml', action: 'update' },
      // The load test's p99 thresholds and VUs follow the target.
      { path: 'docs/testing/orders.k6.js', action: 'update' },
    ]);
    expect(await snapshot(target)).toEqual(before);
  });

  it('prints one JSON object with --json', async () => {
    const result = await runCli([target, '--yes', '--date', DATE, '--json']);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ ok: true, exitCode: 0, dryRun: false, summary: { create: EXPECTED.length } });
    expect([...report.written].sort()).toEqual([...EXPECTED].sort());
    expect(report.answers.service.name).toBe('orders');
  });

  it.each([
    [['--set', 'agent.name=../x'], /Invalid agent\.name/],
    [['--set', 'agent.name=/etc/x'], /Invalid agent\.name/],
    [['--set', 'outputs.paths.adrDir=../../etc'], /relative path inside the repository/],
    [['--preset', 'no-such-preset'], /Unknown preset "no-such-preset"\. .*Available presets:/],
    [['--set', 'stack.datastores=oracle'], /Unknown datastore "oracle"/],
    [['--bogus'], /Unknown option '--bogus'/],
  ])('fails on bad input %j with exit 1 and writes nothing', async (args, message) => {
    const result = await runCli([target, '--yes', ...args]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(await fs.pathExists(target)).toBe(false);
  });

  it('fails on a malformed answers file with exit 1 and writes nothing', async () => {
    const file = join(root, 'answers.yaml');
    await fs.writeFile(file, 'agent:\n  name: [unclosed\n');
    const result = await runCli([target, '--answers', file]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/Answers file .*answers\.yaml is not valid YAML/);
    expect(await fs.pathExists(target)).toBe(false);

    await fs.writeFile(join(root, 'answers.json'), '{"agent": {"name": "x",}}');
    const json = await runCli([target, '--answers', join(root, 'answers.json')]);
    expect(json.exitCode).toBe(1);
    expect(json.stderr).toMatch(/is not valid JSON/);
  });

  it('takes answers from a YAML file, with --set on top', async () => {
    const file = join(root, 'answers.yml');
    await fs.writeFile(file, 'agent:\n  name: ledger-staff\nstack:\n  languages: [go]\n  frameworks: [gin]\n');
    const result = await runCli([target, '--answers', file, '--set', 'agent.color=green', '--date', DATE]);
    expect(result.exitCode, result.stderr).toBe(0);
    const agent = matter(await fs.readFile(join(target, '.claude/agents/ledger-staff.md'), 'utf8'));
    expect(agent.data).toMatchObject({ name: 'ledger-staff', color: 'green' });
    expect(agent.content).toContain('Gin');
  });

  it('refuses to write through a symlink that leaves the target', async () => {
    const outside = await tempDir('cba-outside-');
    await fs.ensureDir(target);
    await fs.symlink(outside, join(target, 'docs'));
    const result = await runCli([target, '--yes', '--date', DATE]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/Refusing to write "docs\/.*": docs is a symlink that points outside the target folder/);
    expect(await fs.readdir(outside)).toEqual([]);
    expect([...(await snapshot(target)).keys()]).toEqual(['docs']);
  });

  it('exits 1 at once without a TTY and without answers, naming --yes and --answers', async () => {
    const result = await runCli([target]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/No answers given and no terminal to prompt in\..*Pass --yes .* --answers FILE/);
    expect(await fs.pathExists(target)).toBe(false);
  });

  it('answers --help and --version', async () => {
    const help = await runCli(['--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(/Usage/);
    expect(help.stdout).toMatch(/130\s+cancelled/);
    const answers = await runCli(['--help', 'answers']);
    expect(answers.stdout).toContain('agent.name');
    const version = await runCli(['--version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
