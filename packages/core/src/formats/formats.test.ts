/**
 * Every agent format, for the default answers and every preset: the file lints clean, parses back
 * (gray-matter / smol-toml) to the data the format meant to write, and fits its tool's limit.
 */
import { describe, expect, it } from 'vitest';
import matter from 'gray-matter';
import { parse as parseToml } from 'smol-toml';
import { AGENT_FORMATS, type Answers } from '../answers/schema.js';
import { resolveAnswers } from '../answers/resolve.js';
import { library } from '../library/index.js';
import { buildContext, type RenderContext } from '../render/context.js';
import { generate } from '../generate.js';
import { lintAgentFiles } from '../lint/lint.js';
import { answersWith, TEST_DATE } from '../test-support/answers.js';
import { InputError } from '../errors.js';
import { claudeFrontmatterData } from './claude.js';
import { copilotFrontmatterData } from './copilot.js';
import { cursorFrontmatterData } from './cursor.js';
import { windsurfFrontmatterData } from './windsurf.js';
import { opencodeFrontmatterData } from './opencode.js';
import { geminiFrontmatterData } from './gemini.js';
import { codexAgentData } from './codex.js';
import { orchestrationFrontmatterData } from './seed-shapes.js';
import { AGENT_FORMAT_REGISTRY } from './registry.js';
import { findBlock } from './agents-md.js';
import { measure, type AgentFormatId } from './format.js';

const opts = { date: TEST_DATE, toolVersion: '9.9.9' };
const ALL = [...AGENT_FORMATS];

const scenarios: Array<[string, Answers]> = [
  ['default answers', answersWith()],
  ...library.presets.map((p): [string, Answers] => [`preset ${p.name}`, resolveAnswers([{ source: p.name, values: p.answers }], library).answers]),
];

/** The data each Markdown format meant to put in its frontmatter. */
const FRONTMATTER: Partial<Record<AgentFormatId, (c: RenderContext) => Record<string, unknown>>> = {
  claude: (c) => claudeFrontmatterData(c, library),
  copilot: (c) => copilotFrontmatterData(c, library),
  cursor: (c) => cursorFrontmatterData(c, library),
  windsurf: (c) => windsurfFrontmatterData(c, library),
  opencode: (c) => opencodeFrontmatterData(c, library),
  gemini: (c) => geminiFrontmatterData(c, library),
  orchestration: (c) => orchestrationFrontmatterData(c, library),
};

describe.each(scenarios)('every format for %s', (_label, base) => {
  const answers: Answers = { ...base, outputs: { ...base.outputs, formats: ALL } };
  const tree = generate(answers, opts);
  const context = buildContext(answers, library, TEST_DATE);
  const file = (id: AgentFormatId) => {
    const content = tree.get(AGENT_FORMAT_REGISTRY[id].path(answers));
    expect(content, id).toBeDefined();
    return content!;
  };

  it('lints with no error and no warning', () => {
    const report = lintAgentFiles(ALL.map((id) => ({ path: AGENT_FORMAT_REGISTRY[id].path(answers), content: file(id) })));
    expect(report.findings).toEqual([]);
    expect(report.files.map((f) => f.format).sort()).toEqual([...ALL].sort());
  });

  it.each(Object.keys(FRONTMATTER) as AgentFormatId[])('%s parses back to the intended frontmatter', (id) => {
    const parsed = matter(file(id));
    expect(parsed.data).toEqual(FRONTMATTER[id]!(context));
    expect(parsed.content).toMatch(/^\n# /);
  });

  it('codex parses back (smol-toml) to the intended TOML', () => {
    const parsed = parseToml(file('codex')) as Record<string, string>;
    expect(parsed).toEqual(codexAgentData(context, library, parsed.developer_instructions!));
    expect(parsed.developer_instructions).toMatch(/^# /);
  });

  it('plain and AGENTS.md are Markdown without frontmatter', () => {
    expect(file('plain')).toMatch(/^# /);
    const agents = file('agents-md');
    const span = findBlock(agents)!;
    expect(agents.slice(0, span.start)).toBe('# AGENTS.md\n\n');
    expect(agents.slice(span.start)).toContain(`## ${context.agent.title}`);
  });

  it('holds every format to its tool limit', () => {
    for (const id of ALL) {
      const limit = AGENT_FORMAT_REGISTRY[id].limit;
      if (!limit) continue;
      const text = id === 'copilot' ? matter(file(id)).content.replace(/^\n/, '') : id === 'codex' ? (parseToml(file(id)) as Record<string, string>).developer_instructions! : file(id);
      expect(measure(text, limit.unit), id).toBeLessThanOrEqual(limit.max);
    }
  });
});

describe('format data', () => {
  const context = (input: Parameters<typeof answersWith>[0] = {}) => buildContext(answersWith(input), library, TEST_DATE);

  it('maps Claude tools to each tool names and permissions', () => {
    const c = context({ agent: { tools: ['Read', 'Grep', 'Glob', 'WebFetch', 'mcp__github__get_issue', 'mcp__jira'] } });
    expect(copilotFrontmatterData(c, library).tools).toEqual(['read', 'search', 'web', 'github/get_issue', 'jira/*']);
    expect(geminiFrontmatterData(c, library).tools).toEqual(['read_file', 'read_many_files', 'grep_search', 'glob', 'list_directory', 'web_fetch', 'mcp_github_get_issue', 'mcp_jira_*']);
    expect(opencodeFrontmatterData(c, library).permission).toEqual({
      read: 'allow', edit: 'deny', glob: 'allow', grep: 'allow', list: 'allow', bash: 'deny', task: 'deny', skill: 'deny',
      lsp: 'deny', todowrite: 'deny', webfetch: 'allow', websearch: 'deny',
    });
    expect(codexAgentData(c, library, 'x').sandbox_mode).toBe('read-only');
    expect(codexAgentData(context(), library, 'x').sandbox_mode).toBe('workspace-write');
  });

  it('leaves tools out (every tool) when the answer is the empty list', () => {
    const c = context({ agent: { tools: [] } });
    expect(copilotFrontmatterData(c, library)).not.toHaveProperty('tools');
    expect(geminiFrontmatterData(c, library)).not.toHaveProperty('tools');
    expect(opencodeFrontmatterData(c, library)).not.toHaveProperty('permission');
    expect(codexAgentData(c, library, 'x').sandbox_mode).toBe('workspace-write');
  });

  it('writes alwaysApply as a real boolean and picks agent-requested rules', () => {
    const text = generate(answersWith({ outputs: { formats: ['cursor', 'windsurf'] } }), opts);
    expect(text.get('.cursor/rules/backend-staff.mdc')).toMatch(/^alwaysApply: false$/m);
    expect(matter(text.get('.cursor/rules/backend-staff.mdc')!).data.alwaysApply).toBe(false);
    expect(matter(text.get('.windsurf/rules/backend-staff.md')!).data.trigger).toBe('model_decision');
  });

  it('gives other tools the description without Claude <example> blocks, and the user description verbatim', () => {
    const generated = copilotFrontmatterData(context(), library).description as string;
    expect(generated).toMatch(/^Use this agent when the `api` service needs/);
    expect(generated).not.toContain('<example>');
    const own = 'Reviews: payments.\n\n<example>kept</example>';
    expect(geminiFrontmatterData(context({ agent: { description: own } }), library).description).toBe(own);
  });

  it('names an OpenCode model provider/model-id, and lets aliases inherit', () => {
    expect(opencodeFrontmatterData(context({ agent: { model: 'claude-sonnet-4-5' } }), library).model).toBe('anthropic/claude-sonnet-4-5');
    expect(opencodeFrontmatterData(context({ agent: { model: 'opus' } }), library)).not.toHaveProperty('model');
  });
});

describe('condensed renderings', () => {
  it('points a condensed agent at the whole one when a whole format is written, and says nothing otherwise', () => {
    const both = generate(answersWith({ outputs: { formats: ['windsurf', 'claude'] } }), opts).get('.windsurf/rules/backend-staff.md')!;
    expect(both).toContain('This is the condensed form of the agent');
    expect(both).toContain('is in `.claude/agents/backend-staff.md`');
    const alone = generate(answersWith({ outputs: { formats: ['windsurf'] } }), opts).get('.windsurf/rules/backend-staff.md')!;
    expect(alone).toContain('This is the condensed form of the agent');
    expect(alone).not.toContain('.claude/agents');
  });

  it('keeps every section title and the docs in the condensed form', () => {
    const tree = generate(answersWith({ outputs: { formats: ['claude', 'windsurf'] } }), opts);
    const whole = tree.get('.claude/agents/backend-staff.md')!;
    const condensed = tree.get('.windsurf/rules/backend-staff.md')!;
    const titles = (text: string) => text.split('\n').filter((l) => l.startsWith('## '));
    expect(titles(condensed)).toEqual(titles(whole));
    expect(condensed.length).toBeLessThan(whole.length / 3);
  });

  it('renders the whole agent where it fits, e.g. a narrow focus in Copilot', () => {
    const file = generate(answersWith({ focus: ['api'], outputs: { formats: ['copilot'] } }), opts).get('.github/agents/backend-staff.agent.md')!;
    expect(file).not.toContain('condensed form');
  });

  it('is deterministic', () => {
    const answers = answersWith({ outputs: { formats: ALL } });
    expect([...generate(answers, opts)]).toEqual([...generate(structuredClone(answers), opts)]);
  });

  it('fails with one line when even the condensed agent cannot fit next to the user text in AGENTS.md', () => {
    const agentsMd = `# Ours\n\n${'We keep our own long notes here. '.repeat(1000)}\n`;
    const run = () => generate(answersWith({ outputs: { formats: ['agents-md'] } }), { ...opts, agentsMd });
    expect(run).toThrow(InputError);
    expect(run).toThrow(/^AGENTS\.md would be [\d,]+ bytes even with the agent condensed; Codex \(project_doc_max_bytes, 32 KiB\) allows 32,768 for AGENTS\.md, your text included\. Shorten your own text/);
    expect(() => run()).not.toThrow(/\n/);
  });
});
