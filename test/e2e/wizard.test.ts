/**
 * The wizard end to end: the built CLI in a real terminal (tmux), typed into as a person would;
 * and the promises around it: no prompt without a terminal, none under CI or a coding agent, and
 * Ctrl-C writes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'fs-extra';
import { join } from 'node:path';
import { execa } from 'execa';
import matter from 'gray-matter';
import { CLI, DATE, runCli, snapshot, tempDir } from '../support/cli.js';
import { Terminal, hasTmux } from '../support/tmux.js';
import { toolAvailable } from '../support/tools.js';
import { REPOS } from '../../packages/core/src/test-support/repos.js';

/** Variables that would make the CLI think CI or a coding agent runs it (and the package manager running the tests). */
const AUTOMATION = ['CI', 'CONTINUOUS_INTEGRATION', 'GITHUB_ACTIONS', 'GITLAB_CI', 'BUILDKITE', 'CIRCLECI', 'TF_BUILD', 'JENKINS_URL', 'CLAUDECODE', 'CURSOR_AGENT', 'GEMINI_CLI', 'OPENCODE', 'AGENT', 'AI_AGENT'];
const clean = Object.fromEntries([...AUTOMATION, 'npm_config_user_agent', ...Object.keys(process.env).filter((k) => k.startsWith('CODEX_'))].map((k) => [k, undefined])) as unknown as Record<string, string>;

async function writeRepo(dir: string, files: Readonly<Record<string, string>>): Promise<void> {
  for (const [path, content] of Object.entries(files)) await fs.outputFile(join(dir, path), content);
}

let root: string;
let target: string;
let terminal: Terminal | undefined;
beforeEach(async () => {
  root = await tempDir('cba-wizard-');
  target = join(root, 'ledger');
  await writeRepo(target, REPOS['go-gin']);
});
afterEach(() => {
  terminal?.close();
  terminal = undefined;
});

const tmux = toolAvailable('tmux', hasTmux(), 'apt-get install -y tmux');

describe.runIf(tmux)('the wizard in a terminal (tmux)', () => {
  it('goes back to a step to change an answer, offers Go frameworks first, and labels a default as such', async () => {
    const t = (terminal = Terminal.start([target, '--date', DATE, '--dry-run'], { cwd: root }));
    for (const prompt of [/\? Agent name/, /\? Seniority/, /\? Service name/]) {
      await t.waitFor(prompt);
      t.press('Enter');
    }
    const stack = await t.waitFor(/\? Keep this stack\?/);
    // Nothing in the Go repository names a compliance regime: the empty default says so.
    expect(stack).toMatch(/Compliance\s+–\s+default/);
    t.type('n');
    t.press('Enter');
    await t.waitFor(/\? Languages/);
    t.press('Enter');
    const frameworks = await t.waitFor(/\? Frameworks/);
    expect(frameworks).toMatch(/❯\s*◉ Gin/);
    expect(frameworks).not.toMatch(/Django(?! \(needs Python\))/);
    for (const prompt of [/\? Frameworks/, /\? Datastores/, /\? Messaging/, /\? Cloud/, /\? Infrastructure/, /\? API styles/, /\? Compliance/, /\? Focus areas/, /\? Keep these targets/, /\? Keep these collaborators/, /\? Keep these outputs/, /\? Keep these operations details/]) {
      await t.waitFor(prompt);
      t.press('Enter');
    }
    await t.waitFor(/\? Review the files to write, or change a step\?/);
    t.press('Down', 'Enter'); // Change: Name and seniority
    await t.waitFor(/\? Agent name/);
    t.press('C-u');
    t.type('ledger-principal');
    t.press('Enter');
    await t.waitFor(/\? Seniority/);
    t.press('Down', 'Enter');
    await t.waitFor(/\? Service name/);
    t.press('Enter');
    await t.waitFor(/✔ Service name[\s\S]*\? Review the files to write, or change a step\?/);
    t.press('Enter');
    expect(await t.exitCode()).toBe(0);
    const screen = t.screen();
    expect(screen).toMatch(/create\s+\.claude\/agents\/ledger-principal\.md/);
    expect(screen).toContain('--set agent.name=ledger-principal');
    expect(screen).toContain('--set agent.seniority=principal');
  });

  it('pre-fills from the repository, takes typed answers and defaults, writes the files, and prints the equivalent command', async () => {
    const t = (terminal = Terminal.start([target, '--date', DATE], { cwd: root }));
    await t.waitFor(/Found in the repository: Go, Gin, PostgreSQL/);
    await t.waitFor(/\? Agent name/);
    t.type('ledger-staff');
    t.press('Enter');
    await t.waitFor(/\? Seniority/);
    t.press('Down', 'Enter'); // staff -> principal
    await t.waitFor(/\? Service name.*detected: go\.mod: module github\.com\/acme\/ledger.*\(ledger\)/);
    t.press('Enter');
    const stack = await t.waitFor(/\? Keep this stack\?/);
    expect(stack).toMatch(/Frameworks\s+Gin\s+detected: go\.mod: requires github\.com\/gin-gonic\/gin/);
    t.press('Enter');
    await t.waitFor(/\? Focus areas/);
    t.press('Enter');
    await t.waitFor(/\? Keep these targets\?/);
    t.type('n');
    t.press('Enter');
    await t.waitFor(/\? p99 latency target/);
    t.type('0');
    t.press('Enter');
    await t.waitFor(/Enter a number of at least 1\./); // the catalog's validation, at the prompt
    t.press('BSpace');
    t.type('150');
    t.press('Enter');
    for (const prompt of [/\? Peak throughput/, /\? Availability SLO/, /\? Test coverage gate/]) {
      await t.waitFor(prompt);
      t.press('Enter');
    }
    for (const prompt of [/\? Keep these collaborators\?/, /\? Keep these outputs\?/, /\? Keep these operations details/, /\? Review the files to write, or change a step\?/]) {
      await t.waitFor(prompt);
      t.press('Enter');
    }
    const review = await t.waitFor(/\? Write these files\?/);
    expect(review).toMatch(/create\s+\.claude\/agents\/ledger-staff\.md/);
    expect(review).toMatch(/create\s+docs\/runbooks\/ledger\.md/);
    t.press('Enter');
    expect(await t.exitCode()).toBe(0);
    const screen = t.screen();
    expect(screen).toMatch(/Done: \d+ created\./);
    expect(await fs.pathExists(join(target, '.claude/skills/event-flow-change/SKILL.md'))).toBe(true);

    const agent = matter(await fs.readFile(join(target, '.claude/agents/ledger-staff.md'), 'utf8'));
    expect(agent.data.name).toBe('ledger-staff');
    expect(agent.content).toContain('# Principal Backend Engineer');
    expect(agent.content).toContain('p99 latency under 150 ms');
    const manifest = await fs.readJson(join(target, '.backend-agent/manifest.json'));
    expect(manifest.answers.stack).toMatchObject({ languages: ['go'], frameworks: ['gin'], messaging: ['kafka', 'sqs-sns'], apiStyles: ['grpc'] });
    expect(manifest.answers.service.name).toBe('ledger');
    expect(await fs.pathExists(join(target, 'docs/runbooks/ledger.md'))).toBe(true);

    // The printed command does the same without questions: same files, byte for byte.
    const command = /The same without questions:\n\s+(npx create-backend-agent .+)\n/.exec(screen)?.[1];
    expect(command).toContain('--yes --set agent.name=ledger-staff --set agent.seniority=principal');
    expect(command).toContain('--set targets.p99LatencyMs=150');
    const again = join(root, 'again', 'ledger');
    await writeRepo(again, REPOS['go-gin']);
    const rerun = await execa('sh', ['-c', `${command!.replace('npx create-backend-agent', `node ${CLI}`).replace(target, again)} --date ${DATE}`], { env: { ...clean, NO_COLOR: '1' }, reject: false });
    expect(rerun.exitCode, rerun.stderr).toBe(0);
    const written = [...(await snapshot(target))].filter(([p]) => !(p in REPOS['go-gin'])).map(([p, s]) => [p, s.content]);
    const rewritten = [...(await snapshot(again))].filter(([p]) => !(p in REPOS['go-gin'])).map(([p, s]) => [p, s.content]);
    expect(rewritten).toEqual(written);
  });

  it('Ctrl-C midway prints "Cancelled", exits 130 and writes nothing', async () => {
    const before = await snapshot(target);
    const t = (terminal = Terminal.start([target], { cwd: root }));
    await t.waitFor(/\? Agent name/);
    t.press('Enter');
    await t.waitFor(/\? Seniority/);
    t.press('Enter');
    await t.waitFor(/\? Service name/);
    t.press('Enter');
    await t.waitFor(/\? Keep this stack\?/);
    t.press('C-c');
    expect(await t.exitCode()).toBe(130);
    expect(t.screen()).toMatch(/^Cancelled$/m);
    expect(await snapshot(target)).toEqual(before);
  });

  it('asks only what flags and the preset left open; Ctrl-C at the final confirmation still writes nothing', async () => {
    const before = await snapshot(target);
    const t = (terminal = Terminal.start([target, '--set', 'agent.name=ledger-staff', '--preset', 'go-postgres-kafka-aws'], { cwd: root }));
    await t.waitFor(/\? Seniority/);
    expect(t.screen()).not.toMatch(/\? Agent name/);
    for (const prompt of [/\? Seniority/, /\? Service name/, /\? Keep this stack/, /\? Focus areas/, /\? Keep these collaborators/, /\? Keep these outputs/, /\? Keep these operations details/, /\? Review the files to write, or change a step\?/]) {
      await t.waitFor(prompt);
      t.press('Enter');
    }
    // The preset answered every stack list but compliance, and the targets: only compliance is left.
    expect(t.screen()).toMatch(/◆ Stack\n  Compliance  –  default\n/);
    expect(t.screen()).not.toContain('Targets');
    await t.waitFor(/\? Write these files\?/);
    t.press('C-c');
    expect(await t.exitCode()).toBe(130);
    expect(t.screen()).toMatch(/^Cancelled$/m);
    expect(await snapshot(target)).toEqual(before);
  });

  it('on a re-run, asks per conflicting file; "keep mine" keeps your lines, merges the rest, and the next run is a no-op', async () => {
    await runCli([target, '--yes', '--date', DATE], { env: clean });
    const agentPath = join(target, '.claude/agents/backend-staff.md');
    // The title is a line the seniority changes too: an overlapping edit. The rule at the end is not.
    const generated = await fs.readFile(agentPath, 'utf8');
    await fs.writeFile(agentPath, `${generated.replace(/^# .*$/m, '# Our own title')}\nOur team's rule: no synchronous calls to billing.\n`);

    const t = (terminal = Terminal.start([target, '--set', 'agent.seniority=principal'], { cwd: root }));
    for (const prompt of [/\? Agent name/, /\? Service name.*as in the last run/, /\? Keep this stack/, /\? Focus areas/, /\? Keep these targets/, /\? Keep these collaborators/, /\? Keep these outputs/, /\? Keep these operations details/, /\? Review the files to write, or change a step\?/]) {
      await t.waitFor(prompt);
      t.press('Enter');
    }
    const review = await t.waitFor(/\? Write these files\?/);
    expect(review).toMatch(/conflict\s+\.claude\/agents\/backend-staff\.md\s+\(you and the new version changed the same lines\)/);
    t.press('Enter');
    await t.waitFor(/\? \.claude\/agents\/backend-staff\.md: you and the new version changed the same lines/);
    expect(t.screen()).toMatch(/Merge with markers[\s\S]*Keep mine[\s\S]*Take the new one[\s\S]*Show the difference/);
    t.press('Down', 'Down', 'Down', 'Enter'); // Show the difference
    await t.waitFor(/^\+<<<<<<< yours/m);
    await t.waitFor(/Show the difference\n[\s\S]*\? \.claude\/agents\/backend-staff\.md: you and the new version/);
    t.press('Enter'); // the default: Keep mine
    expect(await t.exitCode()).toBe(0);
    expect(t.screen()).toContain('Kept your lines where both changed: .claude/agents/backend-staff.md');
    const kept = await fs.readFile(agentPath, 'utf8');
    expect(kept).toContain('# Our own title');
    expect(kept).toContain("Our team's rule: no synchronous calls to billing.");
    expect(kept).not.toBe(generated); // the principal's lines elsewhere merged in
    expect(kept).toMatch(/principal/i);

    // The new rendering became the base: the same run again has nothing to do, and nothing to ask.
    const later = await runCli([target, '--yes'], { env: clean });
    expect(later.exitCode, later.stdout).toBe(0);
    expect(later.stdout).toContain('Everything is up to date');
    expect(await fs.readFile(agentPath, 'utf8')).toBe(kept);
  });

  it('shows a difference taller than the terminal through $PAGER, from the published chunks and their code cache, with no warning', async () => {
    await runCli([target, '--yes', '--date', DATE], { env: clean });
    const agentPath = join(target, '.claude/agents/backend-staff.md');
    await fs.writeFile(agentPath, (await fs.readFile(agentPath, 'utf8')).replace(/^# .*$/m, '# Our own title'));
    const paged = join(root, 'paged.txt');
    const cache = join(root, 'pager-cache');
    // Twice: the first run fills the code cache, the second runs the chunks from it.
    for (const round of [1, 2]) {
      await fs.remove(paged);
      const t = (terminal = Terminal.start([target, '--set', 'agent.seniority=principal'], { cwd: root, rows: 12, env: { PAGER: `cat > ${paged}`, XDG_CACHE_HOME: cache } }));
      for (const prompt of [/\? Agent name/, /\? Service name.*as in the last run/, /\? Keep this stack/, /\? Focus areas/, /\? Keep these targets/, /\? Keep these collaborators/, /\? Keep these outputs/, /\? Keep these operations details/, /\? Review the files to write, or change a step\?/]) {
        await t.waitFor(prompt);
        t.press('Enter');
      }
      await t.waitFor(/\? Write these files\?/);
      t.press('Enter');
      await t.waitFor(/\? \.claude\/agents\/backend-staff\.md: you and the new version changed the same lines/);
      t.press('Down', 'Down', 'Down', 'Enter'); // Show the difference: taller than 12 rows, so paged
      for (let waited = 0; !(await fs.pathExists(paged)) && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
      await t.waitFor(/Show the difference\n[\s\S]*\? \.claude\/agents\/backend-staff\.md: you and the new version/);
      expect(await fs.readFile(paged, 'utf8'), `round ${round}`).toMatch(/^\+<<<<<<< yours/m);
      t.press('C-c'); // nothing is written: the next round sees the same conflict
      expect(await t.exitCode()).toBe(130);
      expect(t.screen()).not.toMatch(/Warning/);
    }
    expect((await fs.readdir(cache)).length).toBe(1);
  });

  it('under a coding agent, does not prompt: prints the non-interactive command instead', async () => {
    const before = await snapshot(target);
    const t = (terminal = Terminal.start([target], { cwd: root, env: { CLAUDECODE: '1' } }));
    expect(await t.exitCode()).toBe(1);
    const screen = t.screen();
    expect(screen).toMatch(/Not prompting: a coding agent \(Claude Code\) runs this \(CLAUDECODE is set\)\. Run it non-interactively: npx create-backend-agent \S+ledger --yes --set service\.name=ledger --set stack\.languages=go/);
    expect(screen).not.toMatch(/\? /);
    expect(await snapshot(target)).toEqual(before);
  });
});

describe('without a terminal', () => {
  it('exits 1 at once with the message when no answers are given, writing nothing', async () => {
    const before = await snapshot(target);
    // stdin stays open and empty: a run that waited for input would hang here until the kill.
    const result = await execa('node', [CLI, target], { env: { NO_COLOR: '1', ...clean }, extendEnv: true, reject: false, stdin: 'pipe', timeout: 20_000 });
    expect(result.timedOut).toBe(false);
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim()).toBe('error No answers given and no terminal to prompt in. Pass --yes to use the defaults, or --answers FILE, --preset NAME or --set KEY=VALUE.');
    expect(await snapshot(target)).toEqual(before);
  });

  it('completes with --yes, using what it detected', async () => {
    const result = await runCli([target, '--yes', '--date', DATE], { env: clean });
    expect(result.exitCode, result.stderr).toBe(0);
    const manifest = await fs.readJson(join(target, '.backend-agent/manifest.json'));
    expect(manifest.answers.stack).toEqual({
      languages: ['go'], frameworks: ['gin'], datastores: ['postgresql', 'redis'], messaging: ['kafka', 'sqs-sns'],
      cloud: ['aws'], infrastructure: ['docker', 'kubernetes', 'terraform'], apiStyles: ['grpc'],
    });
    // Flags still win over detection.
    const flagged = join(root, 'flagged');
    await writeRepo(flagged, REPOS['go-gin']);
    const withFlag = await runCli([flagged, '--yes', '--set', 'stack.datastores=mongodb', '--json'], { env: clean });
    expect(JSON.parse(withFlag.stdout).answers.stack.datastores).toEqual(['mongodb']);
    expect(JSON.parse(withFlag.stdout).answers.stack.languages).toEqual(['go']);
  });

  it('says under a coding agent which command to run instead', async () => {
    const result = await runCli([target], { env: { ...clean, CURSOR_AGENT: '1' } });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/no terminal to prompt in\. .* Non-interactively: npx create-backend-agent \S+ledger --yes$/m);
  });
});

describe('backend-agent detect', () => {
  it('prints the stack with evidence, and the answers it gives', async () => {
    const result = await runCli(['detect', target], { env: clean });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Frameworks\s+Gin\s+go\.mod: requires github\.com\/gin-gonic\/gin/);
    expect(result.stdout).toMatch(/CI\s+GitHub Actions\s+\.github\/workflows\/ci\.yml/);
    expect(result.stdout).toContain('stack.datastores=postgresql,redis');
  });

  it('prints every finding and each package of a monorepo with --json', async () => {
    const mono = join(root, 'platform');
    await writeRepo(mono, REPOS['pnpm-monorepo']);
    const result = await runCli(['detect', mono, '--json'], { env: clean });
    expect(result.exitCode, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.monorepo.packages.map((p: { path: string }) => p.path)).toEqual(['apps/bff', 'services/orders', 'services/worker']);
    expect(report.findings.find((f: { id: string }) => f.id === 'fastify').evidence).toEqual([{ file: 'services/orders/package.json', detail: 'dependency fastify' }]);
    expect(report.answers.stack.languages).toEqual(['typescript', 'go']);
  });

  it('fails with exit 1 on a folder that does not exist', async () => {
    const result = await runCli(['detect', join(root, 'nope')], { env: clean });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/nope is not a folder\. Pass the repository folder/);
  });
});
