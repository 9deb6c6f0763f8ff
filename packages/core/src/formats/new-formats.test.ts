/** The formats added for the tools as they are today: Claude plugin, Cursor subagent, Devin rule, setup steps, quoted imports. */
import { describe, expect, it } from 'vitest';
import matter from 'gray-matter';
import { generate } from '../generate.js';
import { lintAgentFiles } from '../lint/lint.js';
import { answersWith, TEST_DATE } from '../test-support/answers.js';
import { importLikeText, quoteImportLikeText } from './code-spans.js';
import { setupSteps } from './registry.js';

const opts = { date: TEST_DATE, toolVersion: '9.9.9' };

describe('claude-plugin', () => {
  const tree = generate(answersWith({ service: { team: 'payments' }, outputs: { formats: ['claude', 'claude-plugin'] } }), opts);
  const plugin = 'plugins/backend-staff';

  it('writes the manifest, the agent, both commands and a marketplace that points at the plugin', () => {
    expect([...tree.keys()].filter((p) => p.includes('plugin')).sort()).toEqual([
      '.claude-plugin/marketplace.json',
      `${plugin}/.claude-plugin/plugin.json`,
      `${plugin}/agents/backend-staff.md`,
      `${plugin}/commands/adr.md`,
      `${plugin}/commands/agent-drift.md`,
    ]);
    const marketplace = JSON.parse(tree.get('.claude-plugin/marketplace.json')!);
    expect(marketplace).toMatchObject({ name: 'backend-staff-marketplace', owner: { name: 'payments' }, plugins: [{ name: 'backend-staff', source: `./${plugin}` }] });
    expect(JSON.parse(tree.get(`${plugin}/.claude-plugin/plugin.json`)!)).toMatchObject({ name: 'backend-staff', version: '1.0.0', author: { name: 'payments' } });
  });

  it('ships the same agent as .claude/agents, with no field a plugin agent may not carry', () => {
    const agent = tree.get(`${plugin}/agents/backend-staff.md`)!;
    expect(agent).toBe(tree.get('.claude/agents/backend-staff.md'));
    for (const key of ['hooks', 'mcpServers', 'permissionMode']) expect(matter(agent).data).not.toHaveProperty(key);
    expect(lintAgentFiles([{ path: `${plugin}/agents/backend-staff.md`, content: agent }]).findings).toEqual([]);
  });

  it('gives the commands the CLI calls they need, and only those', () => {
    const adr = matter(tree.get(`${plugin}/commands/adr.md`)!);
    expect(adr.data['allowed-tools']).toBe('Bash(npx --yes create-backend-agent add adr:*)');
    expect(adr.content).toContain('`npx --yes create-backend-agent add adr $ARGUMENTS`');
    const drift = matter(tree.get(`${plugin}/commands/agent-drift.md`)!);
    expect(drift.data['allowed-tools']).toBe('Bash(npx --yes create-backend-agent --check:*)');
    expect(drift.content).toContain('Exit 3');
  });
});

describe('cursor-agent and devin', () => {
  it('writes a Cursor subagent beside the rule, readonly only when the tools only read', () => {
    const tree = generate(answersWith({ outputs: { formats: ['cursor', 'cursor-agent'] } }), opts);
    expect(tree.has('.cursor/rules/backend-staff.mdc')).toBe(true);
    expect(matter(tree.get('.cursor/agents/backend-staff.md')!).data).toEqual({ name: 'backend-staff', description: expect.stringMatching(/^Use this agent when/), model: 'inherit' });
    const readOnly = generate(answersWith({ agent: { tools: ['Read', 'Grep'] }, outputs: { formats: ['cursor-agent'] } }), opts);
    expect(matter(readOnly.get('.cursor/agents/backend-staff.md')!).data.readonly).toBe(true);
  });

  it('writes the Devin rule to .devin/rules and the same rule to .windsurf/rules for the alias', () => {
    const tree = generate(answersWith({ outputs: { formats: ['devin', 'windsurf'] } }), opts);
    expect(tree.get('.devin/rules/backend-staff.md')).toBe(tree.get('.windsurf/rules/backend-staff.md'));
    expect(tree.get('.devin/rules/backend-staff.md')!.length).toBeLessThanOrEqual(12_000);
  });
});

describe('setup steps', () => {
  it('says the one step each chosen format needs, once, and nothing for formats that need none', () => {
    const steps = setupSteps(answersWith({ outputs: { formats: ['claude', 'codex', 'gemini', 'copilot', 'codex'] } }));
    expect(steps).toHaveLength(3);
    expect(steps[0]).toMatch(/^Claude Code: restart it, or run \/agents/);
    expect(steps[1]).toMatch(/^Codex: trust this project/);
    expect(steps[2]).toMatch(/^Gemini CLI: trust this folder and acknowledge the new agent backend-staff/);
    expect(setupSteps(answersWith({ outputs: { formats: ['copilot', 'agents-md'] } }))).toEqual([]);
  });
});

describe('import-like text', () => {
  it('wraps unquoted @scope/name in backticks and leaves code, e-mail and digests alone', () => {
    const text = 'Use @vitest/coverage-v8, `@fastify/swagger` and image@sha256:abc.\n\n```sh\nnpm i @testcontainers/kafka\n```\nMail ops@example.com.\n';
    expect(quoteImportLikeText(text)).toBe('Use `@vitest/coverage-v8`, `@fastify/swagger` and image@sha256:abc.\n\n```sh\nnpm i @testcontainers/kafka\n```\nMail ops@example.com.\n');
    expect(importLikeText(text)).toEqual([{ token: '@vitest/coverage-v8', line: 1 }]);
    expect(importLikeText(quoteImportLikeText(text))).toEqual([]);
  });

  it('leaves no import-like text in any generated agent body', () => {
    const tree = generate(answersWith({ outputs: { formats: ['agents-md', 'copilot', 'claude'] } }), opts);
    // The core carries each technology's leading rules; the test tools are in the skills' references.
    expect(tree.get('.claude/skills/stack-references/references/typescript.md')).toContain('`@vitest/coverage-v8`');
    for (const path of ['AGENTS.md', '.github/agents/backend-staff.agent.md', '.claude/agents/backend-staff.md']) {
      expect(importLikeText(matter(tree.get(path)!).content), path).toEqual([]);
    }
  });
});
