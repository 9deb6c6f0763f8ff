/**
 * Every command the README and the package README show, run as printed: typed into a real terminal
 * (tmux), against the packed tarball published to a local registry, from folders that start empty.
 * The wizard's commands are answered with Enter at every question (the defaults), as a new user
 * accepting everything would. A command added to either README fails this test until it is listed
 * below with how it runs, so the READMEs cannot show a command nobody ran.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { delimiter, join } from 'node:path';
import fs from 'fs-extra';
import { execa } from 'execa';
import { CLI, tempDir } from '../support/cli.js';
import { pnpmCommand, run, startRegistry, type Registry } from '../support/registry.js';
import { hasTmux, Terminal } from '../support/tmux.js';

const ROOT = join(CLI, '../../../..');
const PACKAGE_DIR = join(CLI, '../..');
const READMES = ['README.md', 'packages/create-backend-agent/README.md'] as const;

type How =
  /**
   * Typed into a terminal in `<root>/<folder>/orders` (the folder name is the service name). In a
   * terminal, a command without --yes asks what its flags left open (--dry-run too, as nx and
   * copier do): `wizard` answers each question with Enter.
   */
  | { run: 'terminal'; folder: string; wizard?: true; given?: string[]; exit?: number }
  /** A usage line with placeholders: these concrete forms of it run instead. */
  | { run: 'synopsis'; folder: string; as: string[]; given?: string[] }
  /** A maintainer's command in a clone of this repository, not a user's: what runs it. */
  | { run: 'repository'; by: string };

const yes = ['create-backend-agent --yes'];
const repository = (by: string): How => ({ run: 'repository', by });
const generators = repository('test/e2e/generators.test.ts runs the plop and turbo gen generators with the real binaries');
const maintainers = repository('test/e2e/maintainers.test.ts runs pnpm gen');
const bench = repository('.ci/run runs the benchmark (node scripts/bench.mjs --runs 3)');

/** Each README's commands in the order it shows them, with how each runs. */
const EXPECTED: Record<(typeof READMES)[number], Array<[string, How]>> = {
  'README.md': [
    ['npm run demo', repository('the quick start, run on a fresh clone before each release of these notes')],
    ['npm test', repository('.ci/run runs it on a clean clone')],
    ['create-backend-agent [dir] [options]', { run: 'synopsis', folder: 'usage-synopsis', as: ['create-backend-agent my-service --yes', 'create-backend-agent --yes --dry-run'] }],
    ['backend-agent [dir] [options]', { run: 'synopsis', folder: 'usage-synopsis', as: ['backend-agent my-service --yes --set agent.seniority=principal'] }],
    ['create-backend-agent', { run: 'terminal', folder: 'usage', wizard: true }],
    ['create-backend-agent my-service --yes', { run: 'terminal', folder: 'usage-new-service' }],
    ['backend-agent detect', { run: 'terminal', folder: 'usage' }],
    ['create-backend-agent . --set stack.languages=go --set stack.frameworks=gin --set stack.datastores=postgresql --set stack.messaging=kafka --set service.name=ledger', { run: 'terminal', folder: 'usage', wizard: true }],
    ['create-backend-agent . --answers backend-agent.yaml --dry-run', { run: 'terminal', folder: 'usage', wizard: true, given: ["printf 'service:\\n  tier: tier-1\\ntargets:\\n  p99LatencyMs: 120\\n' > backend-agent.yaml"] }],
    ['create-backend-agent . --yes --set outputs.formats=claude,copilot,cursor,agents-md', { run: 'terminal', folder: 'usage' }],
    ['backend-agent --check', { run: 'terminal', folder: 'usage' }],
    ['backend-agent lint', { run: 'terminal', folder: 'usage' }],
    ['backend-agent lint .claude/agents --json', { run: 'terminal', folder: 'usage' }],
    ["sed -i 's/{owning-team}/payments/' docs/runbooks/orders.md", { run: 'terminal', folder: 'updates', given: yes }],
    ['backend-agent --yes --set targets.p99LatencyMs=150', { run: 'terminal', folder: 'updates' }],
    ['backend-agent --check', { run: 'terminal', folder: 'updates' }],
    ['backend-agent detect [dir] [--json]', { run: 'synopsis', folder: 'detect', as: ['backend-agent detect', 'backend-agent detect . --json'] }],
    ['backend-agent add adr Use NATS for internal events', { run: 'terminal', folder: 'adr', given: yes }],
    ['backend-agent add adr --supersedes 2 "Move the ledger to Go"', { run: 'terminal', folder: 'adr' }],
    ['npx create-backend-agent add adr --dry-run "Cache prices"', { run: 'terminal', folder: 'adr' }],
    ['backend-agent pack init', { run: 'terminal', folder: 'packs', given: yes }],
    ['backend-agent pack check', { run: 'terminal', folder: 'packs' }],
    [
      'backend-agent import .claude/agents/reviewer.md AGENTS.md --dry-run',
      {
        run: 'terminal',
        folder: 'packs',
        given: [
          "printf -- '---\\nname: reviewer\\ndescription: Reviews payment changes\\n---\\n\\n## Ledger invariants\\n\\nEvery posting balances to zero.\\n' > .claude/agents/reviewer.md",
          "printf '# Agents\\n\\n## On-call handover\\n\\nHand over open incidents in the channel at 09:00.\\n' > AGENTS.md",
        ],
      },
    ],
    ['npx -y pnpm@10.34.9 install', repository('npm test runs it (npm run bootstrap)')],
    ['pnpm build', repository('npm test runs it (pnpm run check)')],
    ['pnpm check', repository('npm test runs it')],
    ['pnpm test:slow', repository('.ci/run runs vitest.slow.config.ts, this test included')],
    ['pnpm test:clients', repository('.ci/run runs test/clients/run.mjs')],
    ['pnpm test:watch', repository('vitest in watch mode: interactive, for development')],
    ['pnpm bench', bench],
    ['pnpm gen block', maintainers],
  ],
  'packages/create-backend-agent/README.md': [
    ['pnpm create backend-agent', { run: 'terminal', folder: 'package', wizard: true }],
    ['npm create backend-agent -- --yes', { run: 'terminal', folder: 'package' }],
    ['npx create-backend-agent . --set stack.languages=go --set stack.datastores=postgresql --dry-run', { run: 'terminal', folder: 'package', wizard: true }],
    ['npx create-backend-agent detect', { run: 'terminal', folder: 'package' }],
    ['npx create-backend-agent add adr "Title"', { run: 'terminal', folder: 'package' }],
    ['npx create-backend-agent lint', { run: 'terminal', folder: 'package' }],
    ['npx create-backend-agent blocks', { run: 'terminal', folder: 'package' }],
  ],
};

/** The shell commands of a Markdown file's `sh` blocks: continuations joined, comments dropped. */
function commandsOf(markdown: string): string[] {
  const commands: string[] = [];
  for (const block of markdown.matchAll(/^```sh\n([\s\S]*?)^```/gm)) {
    for (const raw of block[1]!.replace(/\\\n\s*/g, '').split('\n')) {
      const line = raw.replace(/\s+#\s.*$/, '').trim();
      if (line && !line.startsWith('#')) commands.push(line);
    }
  }
  return commands;
}

/** CI and coding-agent variables, as the CLI's mode detection reads them (edge/automation.ts). */
const AUTOMATION = /^(AGENT|AI_AGENT|AMP_CURRENT_THREAD_ID|ANTIGRAVITY_AGENT|AUGMENT_AGENT|BITBUCKET_BUILD_NUMBER|BUILDKITE|CI|CIRCLECI|CLAUDECODE|CODEBUILD_BUILD_ID|CODEX_.*|CONTINUOUS_INTEGRATION|COPILOT_CLI|CURSOR_AGENT|DRONE|GEMINI_CLI|GITHUB_ACTIONS|GITLAB_CI|JENKINS_URL|OPENCODE|OPENCODE_CLIENT|REPLIT_AGENT|TEAMCITY_VERSION|TF_BUILD|REQUIRE_REAL_TOOLS)$/;

let root: string;
let registry: Registry | undefined;
let env: Record<string, string>;

beforeAll(async () => {
  root = await tempDir('cba-readme-');
  registry = await startRegistry(join(root, 'registry'));
  const pack = await execa('npm', ['pack', '--json', '--pack-destination', root], { cwd: PACKAGE_DIR, env: registry.env, extendEnv: false });
  const published = await run(['npm', 'publish', join(root, JSON.parse(pack.stdout)[0].filename)], root, registry.env);
  expect(published.exitCode, published.stderr).toBe(0);
  // The README's `npm i -g create-backend-agent`, into a prefix of the test's own.
  const prefix = join(root, 'global');
  const installed = await run(['npm', 'install', '--global', '--prefix', prefix, 'create-backend-agent'], root, registry.env);
  expect(installed.exitCode, installed.stderr).toBe(0);
  // pnpm as the user has it: the one running these tests, on PATH.
  const bin = join(root, 'bin');
  await fs.outputFile(join(bin, 'pnpm'), `#!/bin/sh\nexec ${pnpmCommand().map((w) => `'${w}'`).join(' ')} "$@"\n`, { mode: 0o755 });
  // A user's terminal: no CI or coding-agent variables (the tool never prompts under them).
  const user = Object.fromEntries(Object.entries(registry.env).filter(([key]) => !AUTOMATION.test(key)));
  env = { ...user, PATH: [bin, join(prefix, 'bin'), registry.env.PATH].join(delimiter) };
}, 120_000);

afterAll(async () => {
  await registry?.stop();
  if (root) await fs.remove(root);
});

/** Types the line into a fresh terminal in the folder; for the wizard, Enter at every question. */
async function typed(line: string, cwd: string, wizard: boolean): Promise<{ exit: number; screen: string }> {
  const terminal = Terminal.shell(line, { cwd, env, columns: 120 });
  try {
    if (wizard) {
      // Enter at each question as it appears (its default: Review the files, Write these files: yes).
      const deadline = Date.now() + 90_000;
      let answered = '';
      let pressedAt = 0;
      while (terminal.status() === undefined && Date.now() < deadline) {
        const screen = terminal.screen().trimEnd();
        // The question being asked starts with "?"; answered ones turn into "✔". A key sent before
        // the prompt listened is lost, so the same question still there a second later gets another.
        if (/^\? /m.test(screen) && (screen !== answered || Date.now() - pressedAt > 1_000)) {
          answered = screen;
          pressedAt = Date.now();
          terminal.press('Enter');
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const exit = await terminal.exitCode(60_000);
    return { exit, screen: terminal.screen() };
  } finally {
    terminal.close();
  }
}

async function given(lines: readonly string[], cwd: string): Promise<void> {
  for (const line of lines) {
    const result = await execa('/bin/sh', ['-c', line], { cwd, env, extendEnv: false, reject: false, stdin: 'ignore' });
    expect(result.exitCode, `given \`${line}\`: ${result.stderr}`).toBe(0);
  }
}

describe('every command the READMEs show', () => {
  for (const readme of READMES) {
    it(`${readme}: lists each command with how it runs`, async () => {
      const shown = commandsOf(await fs.readFile(join(ROOT, readme), 'utf8'));
      expect(shown).toEqual(EXPECTED[readme].map(([command]) => command));
    });
  }

  for (const readme of READMES) {
    it.skipIf(!hasTmux() && !process.env.REQUIRE_REAL_TOOLS)(`${readme}: runs as printed, from empty folders, against the published package`, async () => {
      const started = new Set<string>();
      for (const [command, how] of EXPECTED[readme]) {
        if (how.run === 'repository') continue;
        const cwd = join(root, readme.replace(/\W/g, '-'), how.folder, 'orders');
        if (!started.has(how.folder)) {
          await fs.ensureDir(cwd);
          started.add(how.folder);
        }
        await given(how.given ?? [], cwd);
        for (const line of how.run === 'synopsis' ? how.as : [command]) {
          const { exit, screen } = await typed(line, cwd, how.run === 'terminal' && how.wizard === true);
          expect(exit, `\`${line}\` in ${how.folder}:\n${screen}`).toBe(how.run === 'terminal' ? (how.exit ?? 0) : 0);
        }
      }
      // The worked example did what its comments say: the user's edit and the new target, together.
      if (readme === 'README.md') {
        const runbook = await fs.readFile(join(root, 'README-md/updates/orders/docs/runbooks/orders.md'), 'utf8');
        expect(runbook).toContain('payments');
        expect(runbook).not.toContain('{owning-team}');
        expect(runbook).toContain('150 ms');
      }
    }, 600_000);
  }
});
