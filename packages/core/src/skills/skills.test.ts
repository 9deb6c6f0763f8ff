/**
 * The skills: valid Agent Skills files, written once where each chosen tool reads them, relevant to
 * the stack, and together with the core holding every practice and pitfall of the chosen facets.
 */
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import matter from 'gray-matter';
import { generate } from '../generate.js';
import { library } from '../library/index.js';
import { buildContext } from '../render/context.js';
import { AGENT_FORMATS, type Answers } from '../answers/schema.js';
import { matrix, presetAnswers, resolved, THREE_STACKS } from '../test-support/stacks.js';
import { TEST_DATE } from '../test-support/answers.js';
import { quoteImportLikeText } from '../formats/code-spans.js';
import { AGENTS_SKILLS_DIR, CLAUDE_SKILLS_DIR, REFERENCES_SKILL, SKILL_DESCRIPTION_MAX, skillDirs } from './index.js';

const opts = { date: TEST_DATE, toolVersion: '0.0.0' };
const SKILL_FILE = /^\.(claude|agents)\/skills\/([^/]+)\/SKILL\.md$/;

const skillsOf = (tree: Iterable<[string, string]>) => [...tree].filter(([p]) => SKILL_FILE.test(p));

describe('every skill parses', () => {
  const cases: Array<[string, Answers]> = [
    ['defaults, every format', resolved({ outputs: { formats: [...AGENT_FORMATS] } })],
    ...library.presets.map((p): [string, Answers] => [p.name, presetAnswers(p.name)]),
    ...matrix().map((m): [string, Answers] => [m.name, m.answers]),
  ];

  it.each(cases)('%s', (_name, answers) => {
    const tree = generate(answers, opts);
    const skills = skillsOf(tree);
    expect(skills.length).toBeGreaterThan(5);
    for (const [path, content] of skills) {
      const folder = SKILL_FILE.exec(path)![2]!;
      const { data, content: body } = matter(content);
      expect(Object.keys(data).sort(), path).toEqual(['description', 'name']);
      expect(data.name, path).toBe(folder);
      expect(data.name, path).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(typeof data.description, path).toBe('string');
      expect(data.description.length, path).toBeGreaterThan(20);
      expect(data.description.length, path).toBeLessThan(SKILL_DESCRIPTION_MAX);
      expect(body, path).toMatch(/^\n?# /);
      // Every reference the body names exists, at the path relative to the skill's folder.
      for (const [, ref] of body.matchAll(/`((?:\.\.\/[a-z0-9-]+\/)?references\/[a-z0-9-]+\.md)`/g)) {
        expect(tree.has(posix.normalize(posix.join(posix.dirname(path), ref!))), `${path} -> ${ref}`).toBe(true);
      }
    }
  });
});

describe('where skills are written', () => {
  const paths = (formats: string[]) => [...generate(resolved({ outputs: { formats } }), opts).keys()].filter((p) => SKILL_FILE.test(p));

  it('Claude Code alone: .claude/skills only; Codex alone: .agents/skills only', () => {
    expect(paths(['claude']).every((p) => p.startsWith(`${CLAUDE_SKILLS_DIR}/`))).toBe(true);
    expect(paths(['codex']).every((p) => p.startsWith(`${AGENTS_SKILLS_DIR}/`))).toBe(true);
  });

  it('Copilot or OpenCode beside Claude Code read .claude/skills, so nothing is written twice', () => {
    expect(skillDirs(['claude', 'copilot', 'opencode'])).toEqual([CLAUDE_SKILLS_DIR]);
    expect(skillDirs(['copilot'])).toEqual([AGENTS_SKILLS_DIR]);
  });

  it('both folders only when a tool that reads only one of them is chosen with Claude Code, with the same bytes', () => {
    expect(skillDirs(['claude', 'codex'])).toEqual([CLAUDE_SKILLS_DIR, AGENTS_SKILLS_DIR]);
    const tree = generate(resolved({ outputs: { formats: ['claude', 'codex'] } }), opts);
    for (const [path, content] of skillsOf(tree).filter(([p]) => p.startsWith(CLAUDE_SKILLS_DIR))) {
      expect(tree.get(path.replace(CLAUDE_SKILLS_DIR, AGENTS_SKILLS_DIR)), path).toBe(content);
    }
  });

  it('each core names the skills in the folder its own tool reads', () => {
    const tree = generate(resolved({ outputs: { formats: ['claude', 'codex', 'copilot'] } }), opts);
    expect(tree.get('.claude/agents/backend-staff.md')).toContain('`.claude/skills/schema-change/SKILL.md`');
    expect(tree.get('.codex/agents/backend-staff.toml')).toContain('`.agents/skills/schema-change/SKILL.md`');
    expect(tree.get('.github/agents/backend-staff.agent.md')).toContain('`.claude/skills/schema-change/SKILL.md`');
  });

  it('the outputs.skills switch turns them off, index included, and the manifest covers them', () => {
    const off = generate(resolved({ outputs: { skills: false } }), opts);
    expect(skillsOf(off)).toEqual([]);
    expect(off.get('.claude/agents/backend-staff.md')).not.toContain('SKILL.md');
    const on = generate(resolved({}), opts);
    const manifest = JSON.parse(on.get('.backend-agent/manifest.json')!);
    for (const [path] of skillsOf(on)) expect(Object.keys(manifest.files), path).toContain(path);
  });
});

describe('skills fit the stack', () => {
  const names = (a: Answers) => skillsOf(generate(a, opts)).map(([p]) => SKILL_FILE.exec(p)![2]!);

  it('event-flow-change only with a broker, record-decision only with an ADR log', () => {
    expect(names(THREE_STACKS['go-gin-postgresql-kafka']!)).toContain('event-flow-change');
    expect(names(THREE_STACKS['java-spring-postgresql-redis-grpc']!)).not.toContain('event-flow-change');
    expect(names(resolved({ outputs: { docs: { adr: false } } }))).not.toContain('record-decision');
  });

  it('the focus answer puts the skills of its areas first and drops none', () => {
    const indexed = (a: Answers) => [...generate(a, opts).get('.claude/agents/backend-staff.md')!.matchAll(/^- `\.claude\/skills\/([^/]+)\/SKILL\.md`/gm)].map((m) => m[1]);
    const focused = resolved({ focus: ['security', 'data'] });
    expect(indexed(focused).slice(0, 2)).toEqual(['security-assessment', 'schema-change']);
    expect(indexed(resolved({}))[0]).toBe('design-review');
    expect(names(focused)).toEqual(names(resolved({})));
  });

  it('references hold the chosen technologies only, each written once and linked from the skills whose kinds they are', () => {
    const tree = generate(THREE_STACKS['go-gin-postgresql-kafka']!, opts);
    const refs = [...tree.keys()].filter((p) => p.includes('/references/'));
    expect(refs.every((p) => p.startsWith(`${CLAUDE_SKILLS_DIR}/${REFERENCES_SKILL}/references/`)), refs.join(', ')).toBe(true);
    expect(refs).toContain(`${CLAUDE_SKILLS_DIR}/${REFERENCES_SKILL}/references/postgresql.md`);
    expect(refs.filter((p) => /references\/(redis|mongodb|rabbitmq|java)\.md$/.test(p))).toEqual([]);
    const link = (facet: string) => `\`../${REFERENCES_SKILL}/references/${facet}.md\``;
    expect(tree.get('.claude/skills/schema-change/SKILL.md')).toContain(link('postgresql'));
    expect(tree.get('.claude/skills/event-flow-change/SKILL.md')).toContain(link('kafka'));
    expect(tree.get('.claude/skills/code-review/SKILL.md')).toContain(link('go'));
    expect(tree.get('.claude/skills/code-review/SKILL.md')).not.toContain(link('postgresql'));
  });

  it('the stack-references skill comes with the skills that link to a reference, whatever the focus, and not without one', () => {
    expect(names(resolved({ focus: ['data'] }))).toContain(REFERENCES_SKILL);
    const bare = resolved({ focus: ['delivery'], stack: { languages: [], frameworks: [], datastores: [], messaging: [], cloud: [], infrastructure: [], apiStyles: [] } });
    expect(names(bare)).not.toContain(REFERENCES_SKILL);
  });
});

describe('nothing lost', () => {
  const cases: Array<[string, Answers]> = [['defaults', resolved({})], ...library.presets.map((p): [string, Answers] => [p.name, presetAnswers(p.name)]), ...Object.entries(THREE_STACKS)];

  it.each(cases)('%s: every practice and pitfall of every chosen facet is in the core or a skill reference', (_name, answers) => {
    const tree = generate(answers, opts);
    const text = [...tree].filter(([p]) => p.includes('/skills/') || p.startsWith('.claude/agents/') || p.startsWith('agents/') || p.startsWith('docs/agents/')).map(([, c]) => c).join('\n');
    const missing = buildContext(answers, library, TEST_DATE).stack.all.flatMap((f) => [...f.practices, ...f.pitfalls].filter((item) => !text.includes(item) && !text.includes(quoteImportLikeText(item))).map((item) => `${f.id}: ${item.slice(0, 60)}`));
    expect(missing).toEqual([]);
  });
});
