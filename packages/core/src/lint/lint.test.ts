import { describe, expect, it } from 'vitest';
import { detectFormat, isDiscoverable } from './detect.js';
import { lintAgentFiles, suggestKey, type Finding } from './lint.js';

const fm = (lines: string, body = '\n# Agent\n\nBody.\n') => `---\n${lines}\n---\n${body}`;
const lint = (path: string, content: string) => lintAgentFiles([{ path, content }]);
const rules = (findings: readonly Finding[]) => findings.map((f) => `${f.severity}:${f.rule}`);
const CLAUDE_OK = 'name: reviewer\ndescription: Use this agent when a change needs a careful review.';

describe('detectFormat', () => {
  it.each([
    ['.claude/agents/a.md', 'claude'],
    ['.claude/agents/team/a.md', 'claude'],
    ['.github/agents/a.agent.md', 'copilot'],
    ['.cursor/rules/a.mdc', 'cursor'],
    ['AGENTS.md', 'agents-md'],
    ['services/orders/AGENTS.md', 'agents-md'],
    ['.opencode/agent/a.md', 'opencode'],
    ['.opencode/agents/a.md', 'opencode'],
    ['.gemini/agents/a.md', 'gemini'],
    ['.codex/agents/a.toml', 'codex'],
    ['.windsurf/rules/a.md', 'windsurf'],
    ['docs/agents/a.md', 'plain'],
    ['agents/a.md', 'orchestration'],
    ['../elsewhere/.claude/agents/a.md', 'claude'],
  ])('%s is %s', (path, format) => {
    expect(detectFormat(path)?.format).toBe(format);
  });

  it('tells a Claude plugin agent in agents/ from orchestration metadata', () => {
    expect(detectFormat('agents/a.md', fm(CLAUDE_OK))?.format).toBe('claude-plugin');
    expect(detectFormat('agents/a.md', fm('specialization_level: staff\nname: x\ndescription: y'))?.format).toBe('orchestration');
  });

  it('knows nothing of other paths, and discovers the generic shapes only at the root', () => {
    expect(detectFormat('src/readme.md')).toBeNull();
    expect(isDiscoverable('agents/a.md')).toBe(true);
    expect(isDiscoverable('packages/x/agents/a.md')).toBe(false);
    expect(isDiscoverable('docs/agents/a.md')).toBe(true);
    expect(isDiscoverable('site/docs/agents/a.md')).toBe(false);
    expect(isDiscoverable('packages/x/.claude/agents/a.md')).toBe(true);
  });
});

describe('suggestKey', () => {
  it.each([
    ['allowedTools', ['name', 'tools', 'model'], 'tools'],
    ['allowed-tools', ['name', 'tools'], 'tools'],
    ['AlwaysApply', ['alwaysApply', 'globs'], 'alwaysApply'],
    ['always_apply', ['alwaysApply', 'globs'], 'alwaysApply'],
    ['colour', ['color'], 'color'],
    ['descripton', ['description'], 'description'],
    ['author', ['name', 'tools', 'model', 'color'], undefined],
  ])('%s -> %s', (key, known, meant) => {
    expect(suggestKey(key, known)).toBe(meant);
  });
});

describe('lintAgentFiles', () => {
  it('passes a clean Claude agent', () => {
    expect(lint('.claude/agents/reviewer.md', fm(`${CLAUDE_OK}\ntools: Read, Grep, mcp__github__get_issue, Bash(git:*)\nmodel: claude-sonnet-4-5\ncolor: cyan`)).findings).toEqual([]);
  });

  it('accepts a double-quoted description with <example> blocks and \\n escapes', () => {
    const description = JSON.stringify('Use this agent when…\n\n<example>\nuser: "a: b"\n</example>');
    expect(lint('.claude/agents/r.md', fm(`name: reviewer\ndescription: ${description}`)).findings).toEqual([]);
  });

  it('names the line of a YAML error, and of a duplicate key', () => {
    const [dup] = lint('.claude/agents/r.md', fm(`${CLAUDE_OK}\nmodel: opus\nmodel: sonnet`)).findings;
    expect(dup).toMatchObject({ rule: 'parse', line: 5 });
    expect(dup!.message).toContain('Map keys must be unique');
    expect(dup!.message).toContain('Claude Code cannot load this file');
  });

  it('reports frontmatter that never closes', () => {
    expect(lint('.claude/agents/r.md', `---\n${CLAUDE_OK}\n\n# Body\n`).findings).toMatchObject([{ rule: 'parse', line: 1 }]);
  });

  it('warns on Task, which Claude Code still accepts, and names the current tool', () => {
    const [finding] = lint('.claude/agents/r.md', fm(`${CLAUDE_OK}\ntools: [Read, Task]`)).findings;
    expect(finding).toMatchObject({ severity: 'warning', rule: 'tools-retired' });
    expect(finding!.message).toContain('"Task" is the old name of "Agent"');
  });

  it('checks types, booleans written as strings and number ranges', () => {
    const copilot = lint('.github/agents/r.agent.md', fm('description: Reviews\nuser-invocable: "false"\ntools: [read, fetchall]'));
    expect(rules(copilot.findings)).toEqual(['error:boolean-string', 'warning:tools-unknown']);
    expect(copilot.findings[0]!.message).toContain('write user-invocable: false without quotes');
    const gemini = lint('.gemini/agents/r.md', fm('name: reviewer\ndescription: Reviews\ntemperature: 3\nmax_turns: "ten"\ntools: [search_file_content]'));
    expect(rules(gemini.findings)).toEqual(['error:value', 'error:type', 'warning:tools-retired']);
  });

  it('reads Cursor globs raw, as Cursor does', () => {
    expect(lint('.cursor/rules/r.mdc', fm('description: Backend\nglobs: **/*.ts, src/**\nalwaysApply: false')).findings).toEqual([]);
  });

  it('checks Windsurf triggers against what they need', () => {
    expect(rules(lint('.windsurf/rules/r.md', fm('trigger: glob')).findings)).toEqual(['error:required']);
    expect(rules(lint('.windsurf/rules/r.md', fm('description: x')).findings)).toEqual(['warning:required']);
  });

  it('checks OpenCode models and permissions but lets other keys through to the provider', () => {
    const report = lint('.opencode/agents/r.md', fm('description: Reviews\nmodel: claude-sonnet\nreasoningEffort: high\npermission:\n  edit: maybe\n  bash:\n    "*": ask\n    "git *": allow'));
    expect(rules(report.findings)).toEqual(['error:model', 'error:value']);
  });

  it('checks Codex TOML values, and puts no cap on the instructions (Codex has none)', () => {
    const big = 'x'.repeat(64 * 1024);
    const report = lint('.codex/agents/r.toml', `name = "r"\ndescription = "Reviews"\ndeveloper_instructions = "${big}"\nsandbox_mode = "full"\n`);
    expect(report.findings.map((f) => `${f.line}:${f.severity}:${f.rule}`)).toEqual(['4:error:value']);
    expect(report.findings[0]!.message).toMatch(/Codex skips the whole file/);
  });

  it('warns about frontmatter in AGENTS.md and a plain document without a title', () => {
    expect(rules(lint('AGENTS.md', fm('title: x')).findings)).toEqual(['warning:frontmatter']);
    expect(rules(lint('docs/agents/r.md', 'No title here.\n').findings)).toEqual(['warning:title']);
  });

  it('warns about the retired Copilot chatmodes folder', () => {
    expect(rules(lint('.github/chatmodes/r.chatmode.md', fm('description: Reviews')).findings)).toEqual(['warning:location']);
  });

  it('reports a name used twice by one tool, not the same name across tools', () => {
    const report = lintAgentFiles([
      { path: '.claude/agents/a.md', content: fm(CLAUDE_OK) },
      { path: '.claude/agents/b.md', content: fm(CLAUDE_OK) },
      { path: '.gemini/agents/reviewer.md', content: fm(CLAUDE_OK) },
      { path: '.opencode/agent/reviewer.md', content: fm('description: Reviews') },
      { path: '.opencode/agents/reviewer.md', content: fm('description: Reviews') },
    ]);
    expect(report.findings.filter((f) => f.rule === 'duplicate-name').map((f) => `${f.path}:${f.rule}`)).toEqual(['.claude/agents/b.md:duplicate-name', '.opencode/agents/reviewer.md:duplicate-name']);
    expect(report.errors).toBe(2);
  });
});

describe('YAML every reader reads alike', () => {
  it.each([
    ['!!js/function "function () { return 1 }"', /js\/function/],
    ['!custom value', /!custom/],
    ['!!binary aGk=', /!!binary/],
  ])('refuses the tag in %s', (value, named) => {
    const report = lint('.claude/agents/a.md', fm(`${CLAUDE_OK}\nmodel: ${value}`));
    const parse = report.findings.find((f) => f.rule === 'parse');
    expect(parse?.severity).toBe('error');
    expect(parse?.line).toBe(4);
    expect(parse?.message).toMatch(named);
  });

  it.each([
    ['2026-11-20', /a date .* but as a string/],
    ['yes', /a boolean \(true\) .* but as a string/],
    ['off', /a boolean \(false\)/],
    ['1:20', /a number \(80\)/],
    ['010', /a number \(8\) .* a number \(10\)/],
    ['1_000', /a number \(1000\) .* a string/],
  ])('flags the plain value %s that YAML 1.1 and 1.2 readers disagree on', (value, says) => {
    const report = lint('.claude/agents/a.md', fm(`${CLAUDE_OK}\ncolor: ${value}`));
    const finding = report.findings.find((f) => f.rule === 'yaml-ambiguous');
    expect(finding?.severity).toBe('error');
    expect(finding?.line).toBe(4);
    expect(finding?.message).toMatch(says);
    // Quoted, it is a string everywhere (and only the colour is then wrong).
    expect(rules(lint('.claude/agents/a.md', fm(`${CLAUDE_OK}\ncolor: "${value}"`)).findings)).not.toContain('error:yaml-ambiguous');
  });

  it('leaves values alone that every reader reads alike', () => {
    expect(rules(lint('.cursor/rules/a.mdc', fm('description: Use when reviewing.\nalwaysApply: false\nglobs: "src/**"')).findings)).not.toContain('error:yaml-ambiguous');
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('reports %s as an unknown key, not a known one', (key) => {
    const report = lint('.claude/agents/a.md', fm(`${CLAUDE_OK}\n${key}: x`));
    expect(report.findings.map((f) => f.message).join('\n')).toMatch(new RegExp(`unknown key "${key}"`));
  });

  it('reports a duplicate key with its line, in a linear pass', () => {
    const report = lint('.claude/agents/a.md', fm(`${CLAUDE_OK}\ntools: Read\ntools: Bash`));
    expect(report.findings.find((f) => f.rule === 'parse')).toMatchObject({ line: 5, message: expect.stringMatching(/"tools" appears twice/) });
  });
});

/**
 * Files a tool drops without a word (seen with the real clients: test/clients/), each an error
 * naming what to change. One fixture per case, and the clean twin it came from lints without error.
 */
describe('silent failures', () => {
  const errors = (path: string, content: string) => lint(path, content).findings.filter((f) => f.severity === 'error').map((f) => f.rule);
  const CODEX = 'name = "r"\ndescription = "Reviews changes"\ndeveloper_instructions = "Review."\n';
  const GEMINI = 'name: reviewer\ndescription: Reviews changes';

  it('the clean fixtures lint without error', () => {
    expect(errors('.codex/agents/r.toml', CODEX)).toEqual([]);
    expect(errors('.gemini/agents/reviewer.md', fm(GEMINI))).toEqual([]);
    expect(errors('.claude/agents/reviewer.md', fm(`${CLAUDE_OK}\ncolor: cyan\nhooks:\n  PreToolUse: []`))).toEqual([]);
    expect(errors('.claude/skills/review-diff/SKILL.md', fm('name: review-diff\ndescription: Reviews a diff.'))).toEqual([]);
    expect(errors('AGENTS.md', '# AGENTS.md\n\nTest with `@vitest/coverage-v8`.\n\n```sh\npnpm add -D @vitest/coverage-v8\n```\n')).toEqual([]);
  });

  it('any unknown key in a Codex agent (Codex drops the file)', () => {
    const findings = lint('.codex/agents/r.toml', `${CODEX}colour = "blue"\n`).findings;
    expect(findings.map((f) => `${f.line}:${f.severity}:${f.rule}`)).toEqual(['4:error:unknown-key']);
    expect(findings[0]!.message).toMatch(/^unknown key "colour": Codex skips the whole file for it\./);
  });

  it('an invalid Codex sandbox_mode', () => {
    expect(errors('.codex/agents/r.toml', `${CODEX}sandbox_mode = "workspace"\n`)).toEqual(['value']);
  });

  it('any unknown key in a Gemini agent, a name outside its pattern, tools as one string or Claude names', () => {
    expect(errors('.gemini/agents/reviewer.md', fm(`${GEMINI}\ncolor: blue`))).toEqual(['unknown-key']);
    expect(errors('.gemini/agents/reviewer.md', fm(`${GEMINI}\nmcpServers: {}`))).toEqual(['unknown-key']);
    expect(errors('.gemini/agents/reviewer.md', fm('name: Reviewer.One\ndescription: Reviews changes'))).toEqual(['name']);
    const toolsString = lint('.gemini/agents/reviewer.md', fm(`${GEMINI}\ntools: read_file, grep_search`)).findings;
    expect(toolsString.map((f) => f.rule)).toEqual(['type']);
    expect(toolsString[0]!.message).toContain('tools: [read_file, grep_search]');
    expect(errors('.gemini/agents/reviewer.md', fm(`${GEMINI}\ntools: [Read, Grep]`))).toEqual(['tools-unknown', 'tools-unknown']);
  });

  it('Claude hooks written as a list, an invalid colour, a byte-order mark', () => {
    expect(errors('.claude/agents/reviewer.md', fm(`${CLAUDE_OK}\nhooks: []`))).toEqual(['type']);
    expect(errors('.claude/agents/reviewer.md', fm(`${CLAUDE_OK}\ncolor: magenta`))).toEqual(['color']);
    const bom = lint('.claude/agents/reviewer.md', `\uFEFF${fm(CLAUDE_OK)}`).findings;
    expect(bom.map((f) => `${f.line}:${f.severity}:${f.rule}`)).toEqual(['1:error:bom']);
  });

  it('fields a plugin-shipped Claude agent may not carry', () => {
    const findings = lint('plugins/team/agents/reviewer.md', fm(`${CLAUDE_OK}\npermissionMode: plan\nmcpServers: {}\nhooks: {}`)).findings;
    expect(findings.map((f) => `${f.severity}:${f.rule}`)).toEqual(['error:forbidden-key', 'error:forbidden-key', 'error:forbidden-key']);
    expect(errors('.claude/agents/reviewer.md', fm(`${CLAUDE_OK}\npermissionMode: plan`))).toEqual([]);
  });

  it('a skill whose name differs from its folder, in every skills folder', () => {
    for (const dir of ['.claude/skills', '.agents/skills', '.github/skills', '.opencode/skills', 'plugins/team/skills']) {
      const findings = lint(`${dir}/review-diff/SKILL.md`, fm('name: diff-review\ndescription: Reviews a diff.')).findings;
      expect(findings.map((f) => `${f.severity}:${f.rule}`), dir).toEqual(['error:name-mismatch']);
      expect(findings[0]!.message).toContain('differs from its folder "review-diff"');
    }
  });

  it('AGENTS.md text Copilot CLI reads as an @-import, with its line', () => {
    const findings = lint('AGENTS.md', '# AGENTS.md\n\n- Unit: Vitest, @vitest/coverage-v8 and @testcontainers/postgresql.\n- Images pinned as image@sha256:abc; mail ops@example.com.\n').findings;
    expect(findings.map((f) => `${f.line}:${f.severity}:${f.rule}`)).toEqual(['3:error:import', '3:error:import']);
    expect(findings[0]!.message).toContain('"@vitest/coverage-v8" is read by Copilot CLI as an @-import');
  });

  it('a Devin rule with globs as one string', () => {
    expect(errors('.devin/rules/r.md', fm('trigger: glob\nglobs: "src/**/*.ts"'))).toEqual(['type']);
    expect(errors('.devin/rules/r.md', fm('trigger: glob\nglobs: ["src/**/*.ts"]'))).toEqual([]);
  });
});
