/**
 * `backend-agent lint` through the built CLI: one broken agent file per fixture folder, each
 * reported with the right rule, message and exit code; and everything the generator writes, in
 * every format, lints clean.
 */
import { describe, expect, it } from 'vitest';
import fs from 'fs-extra';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { runCli, tempDir, DATE } from '../support/cli.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/lint/', import.meta.url));

interface Expected {
  exit: 0 | 1;
  path: string;
  rule: string;
  severity: 'error' | 'warning';
  line: number | null;
  message: RegExp;
}

/** One fault per folder (duplicate-name needs its two files). */
const CASES: Record<string, Expected> = {
  'unquoted-example': { exit: 1, path: '.claude/agents/reviewer.md', rule: 'parse', severity: 'error', line: 3, message: /not valid YAML.*<example> blocks must be one double-quoted string.*Claude Code skips the agent silently/ },
  'missing-description': { exit: 1, path: '.claude/agents/reviewer.md', rule: 'required', severity: 'error', line: null, message: /missing required field "description"/ },
  'bad-name': { exit: 1, path: '.claude/agents/reviewer.md', rule: 'name', severity: 'error', line: 2, message: /name "Code Reviewer" is not valid for Claude Code: use lowercase letters, digits and hyphens/ },
  'retired-tools': { exit: 0, path: '.claude/agents/reviewer.md', rule: 'tools-retired', severity: 'warning', line: 4, message: /"MultiEdit" is retired .*use "Edit"/ },
  'unknown-tool': { exit: 1, path: '.claude/agents/reviewer.md', rule: 'tools-unknown', severity: 'error', line: 4, message: /unknown tool "Grepp".*Did you mean "Grep"\?/ },
  'bad-model': { exit: 1, path: '.claude/agents/reviewer.md', rule: 'model', severity: 'error', line: 4, message: /model "gpt-4o" is not valid for Claude Code/ },
  'bad-color': { exit: 1, path: '.claude/agents/reviewer.md', rule: 'color', severity: 'error', line: 4, message: /color "magenta" is not one Claude Code knows/ },
  'boolean-string': { exit: 1, path: '.cursor/rules/backend.mdc', rule: 'boolean-string', severity: 'error', line: 4, message: /alwaysApply is the string "true".*write alwaysApply: true without quotes/ },
  'key-typo': { exit: 1, path: '.claude/agents/reviewer.md', rule: 'key-typo', severity: 'error', line: 4, message: /unknown key "allowedTools": did you mean "tools"\?.*gets every tool/ },
  'duplicate-name': { exit: 1, path: '.claude/agents/reviewer.md', rule: 'duplicate-name', severity: 'error', line: null, message: /agent name "reviewer" is also used by \.claude\/agents\/review\/second\.md/ },
  'too-large': { exit: 1, path: '.windsurf/rules/backend.md', rule: 'size', severity: 'error', line: null, message: /13,364 characters; Windsurf reads at most 12,000/ },
  'invalid-toml': { exit: 1, path: '.codex/agents/reviewer.toml', rule: 'parse', severity: 'error', line: 3, message: /invalid TOML: .*use """\.\.\.""" for text with line breaks/ },
  'claude-tool-names': { exit: 1, path: '.gemini/agents/reviewer.md', rule: 'tools-unknown', severity: 'error', line: 4, message: /"Bash" is a Claude Code name; Gemini CLI calls it "run_shell_command"/ },
  'broken-markers': { exit: 1, path: 'AGENTS.md', rule: 'markers', severity: 'error', line: null, message: /a begin marker but no end marker/ },
  'wrong-extension': { exit: 1, path: '.cursor/rules/backend.md', rule: 'location', severity: 'error', line: null, message: /Cursor ignores \.md files in \.cursor\/rules: rename it to \.mdc/ },
  'bad-mode': { exit: 1, path: '.opencode/agents/reviewer.md', rule: 'value', severity: 'error', line: 3, message: /mode "background" is not one OpenCode knows/ },
  // Files the tools drop without a word (docs/formats.md), each an error.
  'codex-unknown-key': { exit: 1, path: '.codex/agents/reviewer.toml', rule: 'unknown-key', severity: 'error', line: 3, message: /unknown key "colour": Codex skips the whole file for it/ },
  'codex-sandbox': { exit: 1, path: '.codex/agents/reviewer.toml', rule: 'value', severity: 'error', line: 4, message: /sandbox_mode "workspace" is not one Codex knows.*Codex skips the whole file/ },
  'gemini-unknown-key': { exit: 1, path: '.gemini/agents/reviewer.md', rule: 'unknown-key', severity: 'error', line: 4, message: /unknown key "mcpServers": Gemini CLI skips the whole file for it\. Did you mean "mcp_servers"\?/ },
  'gemini-tools-string': { exit: 1, path: '.gemini/agents/reviewer.md', rule: 'type', severity: 'error', line: 4, message: /tools must be a list, not a string \(write it as a YAML list: tools: \[read_file, grep_search\]\)/ },
  'claude-hooks-list': { exit: 1, path: '.claude/agents/reviewer.md', rule: 'type', severity: 'error', line: 4, message: /hooks must be a mapping.*hooks: \[\]/ },
  'claude-bom': { exit: 1, path: '.claude/agents/reviewer.md', rule: 'bom', severity: 'error', line: 1, message: /starts with a byte-order mark/ },
  'plugin-forbidden-key': { exit: 1, path: 'plugins/review/agents/reviewer.md', rule: 'forbidden-key', severity: 'error', line: 4, message: /permissionMode: Claude Code ignores permissionMode in an agent a plugin ships/ },
  'skill-name-mismatch': { exit: 1, path: '.claude/skills/review-diff/SKILL.md', rule: 'name-mismatch', severity: 'error', line: 2, message: /name "diff-review" differs from its folder "review-diff"/ },
  'agents-md-import': { exit: 1, path: 'AGENTS.md', rule: 'import', severity: 'error', line: 3, message: /"@vitest\/coverage-v8" is read by Copilot CLI as an @-import/ },
  'no-frontmatter': { exit: 1, path: '.github/agents/reviewer.agent.md', rule: 'frontmatter', severity: 'error', line: 1, message: /no YAML frontmatter: GitHub Copilot needs one/ },
};

describe('backend-agent lint (built CLI) on broken agent files', () => {
  it('has a case for every fixture folder, and at least 12 distinct faults', async () => {
    const folders = (await fs.readdir(FIXTURES)).sort();
    expect(folders).toEqual(Object.keys(CASES).sort());
    expect(new Set(Object.values(CASES).map((c) => c.rule)).size).toBeGreaterThanOrEqual(12);
  });

  for (const [folder, expected] of Object.entries(CASES)) {
    it(`${folder}: reports ${expected.rule} and exits ${expected.exit}`, async () => {
      const result = await runCli(['lint', '--json'], { cwd: join(FIXTURES, folder) });
      expect(result.exitCode, result.stderr).toBe(expected.exit);
      const report = JSON.parse(result.stdout) as { ok: boolean; findings: Array<{ path: string; line: number | null; severity: string; rule: string; message: string }> };
      expect(report.ok).toBe(expected.exit === 0);
      // Exactly the one fault the fixture holds (retired-tools names two retired tools on one line).
      expect(new Set(report.findings.map((f) => f.rule))).toEqual(new Set([expected.rule]));
      const finding = report.findings[0]!;
      expect(finding).toMatchObject({ path: expected.path, line: expected.line, severity: expected.severity, rule: expected.rule });
      expect(finding.message).toMatch(expected.message);
    });
  }

  it('prints one line per finding with its location, and a summary', async () => {
    const result = await runCli(['lint'], { cwd: join(FIXTURES, 'key-typo') });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('.claude/agents/reviewer.md:4  error   unknown key "allowedTools": did you mean "tools"?');
    expect(result.stdout).toContain('1 agent file checked: 1 error, 0 warnings.');
  });

  it('lints the paths it is given, and says what it cannot tell', async () => {
    const dir = await tempDir();
    await fs.outputFile(join(dir, 'notes/agent.md'), '# Notes\n');
    const result = await runCli(['lint', join(FIXTURES, 'bad-model'), 'notes/agent.md'], { cwd: dir });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/bad-model\/\.claude\/agents\/reviewer\.md:4 {2}error {3}model "gpt-4o"/);
    expect(result.stdout).toContain('notes/agent.md  error   not a known agent file location');
  });

  it('fails with one line on a path that does not exist, and on an unknown option', async () => {
    const missing = await runCli(['lint', 'no/such/file.md'], { cwd: await tempDir() });
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('Cannot lint no/such/file.md: no such file or folder.');
    const option = await runCli(['lint', '--strict']);
    expect(option.exitCode).toBe(1);
    expect(option.stderr).toContain("Unknown option '--strict'");
  });

  it('exits 0 when a repository has no agent files', async () => {
    const result = await runCli(['lint'], { cwd: await tempDir() });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('No agent files found');
  });
});

describe('generated agents lint clean (built CLI)', () => {
  it('writes every format for the default answers, and lint finds no error or warning', async () => {
    const target = join(await tempDir(), 'orders');
    const formats = 'claude,copilot,cursor,agents-md,opencode,gemini,codex,windsurf,orchestration,plain';
    const created = await runCli([target, '--yes', '--date', DATE, '--set', `outputs.formats=${formats}`]);
    expect(created.exitCode, created.stderr).toBe(0);
    const result = await runCli(['lint', '--json'], { cwd: target });
    expect(result.exitCode, result.stdout).toBe(0);
    const report = JSON.parse(result.stdout) as { files: Array<{ path: string; format: string }>; summary: { errors: number; warnings: number } };
    expect(report.files.map((f) => f.format).sort()).toEqual(formats.split(',').sort());
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
  });
});
