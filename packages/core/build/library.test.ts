/**
 * Library lint and content tests: schema, graph, rendering, provenance, seed coverage, tailoring,
 * and that no sentence of a seed document made it into the project.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { fingerprint, runs } from './seed-fingerprint.js';
import SEED_FINGERPRINTS_JSON from './seed-fingerprints.json' with { type: 'json' };
import { join } from 'node:path';
import { readLibrarySource, TEMPLATES_DIR } from './library-source.js';
import { checkLibraryGraph } from '../src/library/graph.js';
import { library } from '../src/library/index.js';
import { SEED_SOURCES, type BlockMeta, type FacetDefinition } from '../src/library/schema.js';
import { resolveAnswers } from '../src/answers/resolve.js';
import { buildContext } from '../src/render/context.js';
import { renderTemplate } from '../src/render/handlebars.js';
import { evaluate } from '../src/render/conditions.js';
import { generate } from '../src/generate.js';
import { outputPaths } from '../src/paths.js';
import { catalogMarkdown } from '../src/library/describe.js';
import type { Answers } from '../src/answers/schema.js';
import { mentions } from '../src/test-support/mentions.js';
import { guarantees, lintFacetCombinations } from './facet-lint.js';

const SEEDS_DIR = join(TEMPLATES_DIR, '../../shared/seeds');
const DATE = '2026-11-21';
const SEED_FINGERPRINTS: Record<string, string[]> = SEED_FINGERPRINTS_JSON;

const resolvePreset = (name: string, extra: object = {}): Answers =>
  resolveAnswers(
    [
      { source: `preset ${name}`, values: library.presets.find((p) => p.name === name)!.answers },
      { source: 'test', values: extra as never },
    ],
    library,
  ).answers;

/** The composed agent for some answers, in its first format. */
function agentText(answers: Answers): string {
  const tree = generate(answers, { date: DATE, toolVersion: '0.0.0' });
  const format = answers.outputs.formats[0];
  const path = format === 'claude' ? outputPaths(answers).claudeAgent : format === 'orchestration' ? `agents/${answers.agent.name}.md` : `docs/agents/${answers.agent.name}.md`;
  return tree.get(path)!;
}

/** The core and every skill and reference written for some answers: what the agent can read. */
function agentAndSkillsText(answers: Answers): string {
  const tree = generate(answers, { date: DATE, toolVersion: '0.0.0' });
  const skills = [...tree].filter(([p]) => /^\.(claude|agents)\/skills\//.test(p)).map(([, c]) => c);
  return [agentText(answers), ...skills].join('\n');
}

const headings = (markdown: string) => markdown.split('\n').filter((l) => /^#{2,6} /.test(l)).map((l) => l.replace(/^#+ /, ''));

describe('library lint', () => {
  it('every block, facet and preset file validates against its schema', () => {
    const source = readLibrarySource();
    expect(source.blocks.length).toBeGreaterThanOrEqual(6);
    expect(source.skills.length).toBeGreaterThanOrEqual(9);
    expect(source.facets.length).toBeGreaterThanOrEqual(40);
  });

  it('facet aliases are lowercase and each names one facet of a kind only (flags and stack detection look them up by kind)', () => {
    // One package may name facets of two kinds (djangorestframework: Django and REST), never two of one kind.
    const owner = new Map<string, string>();
    for (const facet of library.facets) {
      for (const key of [facet.id, ...facet.aliases]) {
        expect(key, `${facet.id}: alias "${key}"`).toBe(key.toLowerCase());
        const slot = `${facet.kind}:${key}`;
        expect(owner.get(slot) ?? facet.id, `"${key}" names both ${owner.get(slot)} and ${facet.id}`).toBe(facet.id);
        owner.set(slot, facet.id);
      }
    }
  });

  it('requires/conflicts refer to existing blocks and form no cycle', () => {
    expect(() => checkLibraryGraph(library.blocks.map((b) => b.meta))).not.toThrow();
  });

  it('the graph check catches unknown ids and cycles', () => {
    const meta = (id: string, requires: string[] = [], conflicts: string[] = []): BlockMeta => ({ id, title: id, area: 'quality', order: 1, sources: ['original'], requires, conflicts });
    expect(() => checkLibraryGraph([meta('a', ['missing'])])).toThrow(/unknown block "missing"/);
    expect(() => checkLibraryGraph([meta('a', ['b']), meta('b', ['c']), meta('c', ['a'])])).toThrow(/requires cycle: a -> b -> c -> a/);
    expect(() => checkLibraryGraph([meta('a', [], ['a'])])).toThrow(/conflicts with itself/);
  });

  it('every block and skill renders alone with the default answers and with an empty stack', () => {
    const defaults = resolveAnswers([], library).answers;
    const bare = resolveAnswers([{ source: 'test', values: { stack: { languages: [], frameworks: [], datastores: [], messaging: [], cloud: [], infrastructure: [], apiStyles: [] } } }], library).answers;
    for (const answers of [defaults, bare]) {
      const context = buildContext(answers, library, DATE);
      for (const block of library.blocks) {
        const out = renderTemplate(block.template, context, library.partials);
        // A block of technology rules is empty when nothing of its kind is chosen (and then left out).
        if (answers === defaults && evaluate(block.meta.when, answers)) expect(out, block.meta.id).toMatch(/\S/);
        expect(out, block.meta.id).not.toMatch(/^## /m);
      }
      for (const skill of library.skills) {
        const data = { ...context, skill: { name: skill.meta.name }, references: [] };
        expect(renderTemplate(skill.template, data, library.partials), skill.meta.name).toMatch(/^# /);
        expect(renderTemplate(skill.description, data), skill.meta.name).toMatch(/^Use (when|before) /);
        expect(renderTemplate(skill.index, data), skill.meta.name).toMatch(/\S/);
      }
    }
  });

  it('no agent has two sections with the same heading', () => {
    const cases: Answers[] = [resolveAnswers([], library).answers, ...library.presets.map((p) => resolvePreset(p.name))];
    for (const answers of cases) {
      const list = headings(agentText(answers));
      const dupes = list.filter((h, i) => list.indexOf(h) !== i);
      expect(dupes, answers.agent.name).toEqual([]);
    }
  });

  it('every preset resolves to valid answers', () => {
    for (const preset of library.presets) expect(() => resolvePreset(preset.name), preset.name).not.toThrow();
  });

  it('block titles are unique', () => {
    const titles = library.blocks.map((b) => b.meta.title);
    expect(titles.filter((t, i) => titles.indexOf(t) !== i)).toEqual([]);
  });
});

describe('provenance', () => {
  it('every seed document is a source of at least one block', () => {
    const used = new Set([...library.blocks, ...library.skills].flatMap((b) => b.meta.sources));
    for (const seed of SEED_SOURCES) expect(used.has(seed), seed).toBe(true);
  });

  it('every block names at least one seed source or says it is original', () => {
    for (const block of library.blocks) {
      expect(block.meta.sources.length, block.meta.id).toBeGreaterThan(0);
      if (block.meta.sources.includes('original')) expect(block.meta.sources, block.meta.id).toEqual(['original']);
    }
  });

  it('no run of eight words from a seed document appears in the project', () => {
    const known = new Set(Object.values(SEED_FINGERPRINTS).flat());
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else for (const run of runs(readFileSync(full, 'utf8'))) if (known.has(fingerprint(run))) offenders.push(`${full.slice(TEMPLATES_DIR.length)}: "${run}"`);
      }
    };
    walk(TEMPLATES_DIR);
    expect(offenders).toEqual([]);
  });

  it.skipIf(!existsSync(SEEDS_DIR))('the seed fingerprints match the seed documents (regenerate: pnpm seeds:fingerprint)', () => {
    for (const seed of SEED_SOURCES) {
      const expected = [...new Set(runs(readFileSync(join(SEEDS_DIR, seed), 'utf8')).map(fingerprint))].sort();
      expect(SEED_FINGERPRINTS[seed], seed).toEqual(expected);
    }
  });
});

describe('seed coverage', () => {
  const seedPresets = library.presets.filter((p) => p.sources.some((s) => s !== 'original'));

  it('there is a preset for every seed document', () => {
    expect(seedPresets.flatMap((p) => p.sources).sort()).toEqual([...SEED_SOURCES].sort());
  });

  for (const preset of seedPresets) {
    it(`${preset.name} covers every competency topic of ${preset.sources.join(', ')}`, () => {
      expect(preset.covers.length).toBeGreaterThanOrEqual(10);
      const text = agentAndSkillsText(resolvePreset(preset.name)).toLowerCase();
      const missing = preset.covers.filter((c) => !c.expect.some((phrase) => text.includes(phrase.toLowerCase()))).map((c) => c.topic);
      expect(missing).toEqual([]);
    });
  }
});

describe('tailoring', () => {
  const stackPresets = library.presets.filter((p) => p.sources.includes('original'));
  const SPECIFIC_KINDS = new Set(['language', 'framework', 'datastore', 'messaging', 'cloud', 'infrastructure']);

  it('has at least five stack presets', () => {
    expect(stackPresets.length).toBeGreaterThanOrEqual(5);
  });

  for (const preset of stackPresets) {
    it(`${preset.name}: names each chosen technology with facet-specific advice, and none left out`, () => {
      const answers = resolvePreset(preset.name);
      const context = buildContext(answers, library, DATE);
      const text = agentText(answers);
      const chosen = new Set(context.stack.all.map((f) => f.id));
      for (const facet of context.stack.all) {
        // By its pattern, or by the heading of its rules in the core ("### Serverless functions").
        expect(mentions(text, facet) || text.includes(`### ${facet.name}\n`), `${facet.id} named`).toBe(true);
        if (SPECIFIC_KINDS.has(facet.kind)) {
          const specific = [...facet.practices, ...facet.pitfalls].some((p) => text.includes(p));
          expect(specific, `${facet.id}: a practice or pitfall of its facet`).toBe(true);
        }
      }
      const leaked = library.facets.filter((f) => !chosen.has(f.id) && SPECIFIC_KINDS.has(f.kind) && mentions(text, f)).map((f) => f.id);
      expect(leaked).toEqual([]);
    });
  }
});

describe('facet isolation', () => {
  // Everything a facet item says reaches the agent, the runbook or the test strategy; naming another
  // technology there would put it in front of teams that never chose it, unless the item's own
  // condition brings that technology along (see build/facet-lint.ts).
  const source = readLibrarySource();
  for (const facet of source.facets) {
    it(`${facet.kind}/${facet.id} names no technology its items' conditions do not imply`, () => {
      const problems = lintFacetCombinations(source.facets, source.terms).filter((p) => p.startsWith(`facets/${facet.kind}/${facet.id}.yaml:`));
      expect(problems).toEqual([]);
    });
  }


  const facet = (id: string, kind: FacetDefinition['kind'], extra: Partial<FacetDefinition> = {}): FacetDefinition => ({
    id, name: id.toUpperCase(), kind, aliases: [], implies: [], alternatives: [], summary: 's', strengths: [], tradeoffs: [], practices: [], pitfalls: [],
    runbook: { alerts: [], failureModes: [], dashboards: [] }, testing: { tools: [], notes: [] }, sources: ['original'], ...extra,
  });
  const go = facet('go', 'language');
  const java = facet('java', 'language');
  const aws = facet('aws', 'cloud');
  const gcp = facet('gcp', 'cloud');
  const terms = [
    { term: 'JUnit', pattern: /\bJUnit\b/, requires: [['java', 'kotlin']] },
    { term: 'Lambda', pattern: /\bLambda\b/, requires: [['aws']] },
  ];

  it('fails an item that names a technology outside its conditions, with the file and the item', () => {
    const kafka = facet('kafka', 'messaging', { practices: ['Tune Go clients.', { text: 'Test with JUnit.', when: { path: 'stack.languages', includes: 'go' } }] });
    expect(lintFacetCombinations([go, java, kafka], terms)).toEqual([
      expect.stringMatching(/^facets\/messaging\/kafka\.yaml: practices\[0\] names GO, which needs go in the stack/),
      expect.stringMatching(/^facets\/messaging\/kafka\.yaml: practices\[1\] names JUnit, which needs java or kotlin in the stack/),
    ]);
  });

  it('passes an item whose condition, or what the facet implies, brings the technology along', () => {
    const kafka = facet('kafka', 'messaging', {
      practices: [
        { text: 'Tune Go clients.', when: { all: [{ path: 'stack.languages', includes: 'go' }, { path: 'agent.seniority', equals: 'staff' }] } },
        { text: 'Test with JUnit.', when: { path: 'stack.languages', includesAny: ['java', 'kotlin'] } },
        { text: 'Lambda or JAVA.', when: { any: [{ path: 'stack.cloud', includes: 'aws' }, { path: 'stack.languages', includes: 'java' }] } },
      ],
    });
    const lambdaKit = facet('lambda-kit', 'framework', { implies: ['aws'], practices: ['Lambda it.'] });
    expect(lintFacetCombinations([go, java, aws, kafka, lambdaKit], terms).filter((p) => !p.includes('Lambda or JAVA'))).toEqual([]);
    // "Lambda or JAVA" under (aws or java) guarantees neither alone.
    expect(lintFacetCombinations([go, java, aws, kafka], terms).length).toBe(2);
  });

  it('an alternative that brings its own cloud needs a condition on that cloud', () => {
    const dynamo = facet('dynamo', 'datastore', { implies: ['aws'] });
    const bare = facet('mongo', 'datastore', { alternatives: ['dynamo'] });
    const conditioned = facet('mongo', 'datastore', { alternatives: [{ id: 'dynamo', when: { path: 'stack.cloud', includes: 'aws' } }] });
    expect(lintFacetCombinations([aws, gcp, dynamo, bare])).toEqual([expect.stringMatching(/mongo\.yaml: alternatives\[0\] \(dynamo\) names AWS, which needs aws/)]);
    expect(lintFacetCombinations([aws, gcp, dynamo, conditioned])).toEqual([]);
  });

  it('what a condition guarantees: all adds up, any keeps what every branch shares, not guarantees nothing', () => {
    expect(guarantees({ path: 'stack.cloud', includes: 'gcp' })).toEqual([['gcp']]);
    expect(guarantees({ all: [{ path: 'stack.cloud', includes: 'gcp' }, { path: 'stack.languages', includesAny: ['go', 'rust'] }] })).toEqual([['gcp'], ['go', 'rust']]);
    expect(guarantees({ any: [{ path: 'stack.cloud', includes: 'gcp' }, { path: 'stack.cloud', includes: 'aws' }] })).toEqual([['gcp', 'aws']]);
    expect(guarantees({ not: { path: 'stack.cloud', includes: 'gcp' } })).toEqual([]);
    expect(guarantees({ path: 'agent.seniority', in: ['staff'] })).toEqual([]);
  });
});

describe('catalog', () => {
  it('docs/blocks.md is up to date (regenerate with `pnpm catalog`)', () => {
    const file = readFileSync(join(TEMPLATES_DIR, '../docs/blocks.md'), 'utf8');
    expect(file).toBe(catalogMarkdown(library));
  });
});

describe('the compiled library', () => {
  it('carries no helper-call source positions (build-library.ts strips them; strict-mode positions stay)', () => {
    const compiled = readFileSync(new URL('../src/library/library.generated.js', import.meta.url), 'utf8');
    expect(compiled).toContain('container.strict(');
    expect(compiled).not.toMatch(/"loc":\{"start":/);
    // A missing field still names its line.
    expect(compiled).toMatch(/container\.strict\([^)]*\{"start":\{"line":\d+/);
  });
});
