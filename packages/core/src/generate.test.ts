import { describe, expect, it } from 'vitest';
import matter from 'gray-matter';
import { generate } from './generate.js';
import { answersWith, TEST_DATE } from './test-support/answers.js';
import { MANIFEST_PATH } from './paths.js';
import { parseManifest } from './manifest.js';
import { sha256 } from './hash.js';

const opts = { date: TEST_DATE, toolVersion: '9.9.9' };

describe('generate', () => {
  it('renders every default output into memory', () => {
    const tree = generate(answersWith(), opts);
    const skills = [...tree.keys()].filter((p) => p.startsWith('.claude/skills/'));
    expect(skills.filter((p) => p.endsWith('/SKILL.md')).length).toBeGreaterThanOrEqual(9);
    expect([...tree.keys()].filter((p) => !skills.includes(p))).toEqual([
      '.adr-dir',
      MANIFEST_PATH,
      '.claude/agents/backend-staff.md',
      'docs/adr/0001-record-architecture-decisions.md',
      'docs/adr/0002-technology-stack-for-api.md',
      'docs/runbooks/api.md',
      'docs/runbooks/api.rules.yaml',
      'docs/testing/api.k6.js',
      'docs/testing/test-strategy.md',
    ]);
    expect(tree.get('.adr-dir')).toBe('docs/adr\n');
    for (const [path, content] of tree) {
      expect(content.endsWith('\n'), path).toBe(true);
      expect(content, path).not.toMatch(/\bTODO\b|\bTBD\b|\bFIXME\b|\[object Object\]|\{\{/);
      expect(content, path).not.toMatch(/lorem ipsum/i);
    }
  });

  it('records answers, version, date and a hash of every other file in the manifest', () => {
    const answers = answersWith({ agent: { name: 'orders-staff' } });
    const tree = generate(answers, opts);
    const manifest = parseManifest(tree.get(MANIFEST_PATH)!);
    expect(manifest.tool.version).toBe('9.9.9');
    expect(manifest.date).toBe(TEST_DATE);
    expect(manifest.answers).toEqual(answers);
    const others = [...tree.keys()].filter((p) => p !== MANIFEST_PATH);
    expect(Object.keys(manifest.files).sort()).toEqual(others.sort());
    for (const path of others) expect(manifest.files[path]).toBe(sha256(tree.get(path)!));
  });

  it('tailors paths and content to varied answers', () => {
    const tree = generate(
      answersWith({
        agent: { name: 'ledger-principal', seniority: 'principal', yearsOfExperience: 20 },
        service: { name: 'ledger', team: 'Payments Core' },
        stack: { languages: ['go'], frameworks: [], datastores: ['postgresql'], messaging: [], cloud: ['gcp'], infrastructure: ['kubernetes'], apiStyles: ['grpc'] },
        targets: { p99LatencyMs: 50, throughputRps: 20000, availability: 99.99, coverage: 90 },
        outputs: { paths: { adrDir: 'doc/adr', runbookDir: 'ops/runbooks', testStrategy: 'docs/qa.md' } },
      }),
      opts,
    );
    expect(tree.has('.adr-dir')).toBe(false); // doc/adr is adr-tools' default
    expect(tree.has('.claude/agents/ledger-principal.md')).toBe(true);
    expect(tree.has('doc/adr/0002-technology-stack-for-ledger.md')).toBe(true);
    expect(tree.has('ops/runbooks/ledger.md')).toBe(true);
    expect(tree.has('docs/qa.md')).toBe(true);
    const agent = tree.get('.claude/agents/ledger-principal.md')!;
    expect(agent).toContain('# Principal Backend Engineer');
    expect(agent).toContain('20+ years');
    expect(agent).toContain('p99 latency under 50 ms at 20000 requests per second');
    expect(agent).toContain('4.3 minutes a month');
    const runbook = tree.get('ops/runbooks/ledger.md')!;
    expect(runbook).toContain('- Owning team: Payments Core');
    expect(runbook).not.toContain('{owning-team}');
    expect(tree.get('docs/ledger.k6.js')).toContain("'grpc_req_duration{scenario:peak}': ['p(99)<50']"); // a gRPC API is load-tested over gRPC
    expect(tree.get('docs/qa.md')).toContain('`docs/ledger.k6.js`');
  });

  it('leaves out the docs the answers turn off', () => {
    const tree = generate(answersWith({ outputs: { skills: false, docs: { adr: false, runbook: false, testStrategy: false, alertRules: false } } }), opts);
    expect([...tree.keys()]).toEqual([MANIFEST_PATH, '.claude/agents/backend-staff.md']);
    expect(tree.get('.claude/agents/backend-staff.md')).not.toContain('## Skills');
    expect(tree.get('.claude/agents/backend-staff.md')).not.toContain('## Docs you keep alive');
  });

  it('gives the same bytes for the same answers and date', () => {
    const answers = answersWith({ stack: { languages: ['kotlin'], frameworks: ['ktor'] } });
    const a = generate(answers, opts);
    const b = generate(structuredClone(answers), opts);
    expect([...a]).toEqual([...b]);
    const later = generate(answers, { ...opts, date: '2027-01-02' });
    expect(later.get('docs/adr/0001-record-architecture-decisions.md')).toContain('- Date: 2027-01-02');
  });

  it('rejects a malformed date', () => {
    expect(() => generate(answersWith(), { ...opts, date: '21/11/2026' })).toThrow(/Invalid date/);
  });
});

describe('Claude Code frontmatter', () => {
  const tricky = [
    'Use when: payments # not a comment',
    'Quotes "double" and \'single\' and `back`',
    'Line one\nLine two\n\n---\nafter a document marker',
    'Template-looking {{x}} and {{#each y}}{{/each}} stay literal',
    'Use this agent when…\n\n<example>\nContext: a\nuser: "b: c"\nassistant: "d"\n<commentary>\ne\n</commentary>\n</example>',
    'yes',
    'null',
    '~',
    '- looks like a list',
    '  leading and trailing spaces  ',
  ];
  for (const description of tricky) {
    it(`round-trips ${JSON.stringify(description).slice(0, 40)}`, () => {
      const answers = answersWith({ agent: { name: 'tricky-agent', description, model: 'opus', color: 'green', tools: ['Read', 'Grep', 'mcp__github__get_issue'] } });
      const file = generate(answers, opts).get('.claude/agents/tricky-agent.md')!;
      const parsed = matter(file);
      expect(parsed.data).toEqual({
        name: 'tricky-agent',
        description,
        tools: 'Read, Grep, mcp__github__get_issue',
        model: 'opus',
        color: 'green',
      });
      // The description is one double-quoted line, the form Claude Code parses reliably.
      expect(file.split('\n').find((l) => l.startsWith('description:'))).toMatch(/^description: ".*"$/);
      expect(parsed.content).not.toContain('{{');
    });
  }

  it('omits tools when the answer is the empty list (all tools)', () => {
    const file = generate(answersWith({ agent: { tools: [] } }), opts).get('.claude/agents/backend-staff.md')!;
    expect(matter(file).data).not.toHaveProperty('tools');
  });

  it('generates a description with 2 to 4 <example> blocks when none is given', () => {
    const { description } = matter(generate(answersWith(), opts).get('.claude/agents/backend-staff.md')!).data as { description: string };
    expect(description.startsWith('Use this agent when')).toBe(true);
    const examples = description.match(/<example>/g) ?? [];
    expect(examples.length).toBeGreaterThanOrEqual(2);
    expect(examples.length).toBeLessThanOrEqual(4);
    expect(description.match(/<commentary>/g)?.length).toBe(examples.length);
  });
});
