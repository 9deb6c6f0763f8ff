import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { library } from '../library/index.js';
import { composeWithPacks } from './compose.js';
import { readPack, PackError } from './read.js';
import { packSkeleton } from './skeleton.js';
import { runPackTests } from './tests.js';
import { generate } from '../generate.js';
import { resolveAnswers } from '../answers/resolve.js';
import { detectRepo, detectedAnswers } from '../detect/index.js';
import { viewFromObject } from '../repo-view.js';
import { isDiscoverable, lintAgentFiles } from '../lint/index.js';
import { parseManifest } from '../manifest.js';
import { MANIFEST_PATH } from '../paths.js';
import { CORE_MAX_CHARACTERS } from '../formats/core.js';
import { FIXTURE_PACKS, packFromDisk, packOf } from '../test-support/packs.js';
import { run } from '../test-support/runs.js';
import type { Plain } from '../answers/paths.js';

const acme = () => readPack(packFromDisk(join(FIXTURE_PACKS, 'acme-platform'), '.backend-agent/pack'));
const AGENT = '.claude/agents/backend-staff.md';
const render = (values: Plain, lib = composeWithPacks(library, [acme()])) => {
  const { answers } = resolveAnswers([{ source: 'test', values }], lib);
  return generate(answers, { date: '2026-11-21', toolVersion: '0.1.0', library: lib });
};
const problemOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof PackError) return error.message;
    throw error;
  }
  throw new Error('expected a PackError');
};

describe('a team pack composed with the library', () => {
  const values = { service: { name: 'orders', team: 'payments' }, stack: { languages: ['typescript'], frameworks: ['fastify'], datastores: ['postgresql'], messaging: ['@acme/bus'] }, outputs: { formats: ['claude', 'agents-md'] } };

  it('adds a block, replaces a built-in one, adds a facet (by alias) and a skill: agent, skills and docs carry each', () => {
    const tree = render(values);
    const agent = tree.get(AGENT)!;
    expect(agent).toContain('## Acme incident process\n\n- Page through `acme-page orders`');
    expect(agent).toContain('## API contracts (Acme API guild)');
    expect(agent).not.toContain('## API contracts\n');
    expect(agent).toContain('### Acme Bus');
    expect(agent).toContain('`.claude/skills/acme-release/SKILL.md`: before cutting a release on the Acme release train');
    expect(agent.length).toBeLessThanOrEqual(CORE_MAX_CHARACTERS);
    expect(tree.get('.claude/skills/acme-release/SKILL.md')).toContain('# Releasing `orders` on the Acme release train');
    expect(tree.get('.claude/skills/stack-references/references/acme-bus.md')).toContain('Register every topic\'s schema in the Acme Bus registry');
    expect(tree.get('docs/adr/0002-technology-stack-for-orders.md')).toContain('Acme Bus');
    expect(tree.get('docs/runbooks/orders.md')).toContain('Acme Bus');
    expect(tree.get('AGENTS.md')).toContain('## Acme incident process');
  });

  it('records the pack, its version and what it provided in the manifest', () => {
    const manifest = parseManifest(render(values).get(MANIFEST_PATH)!);
    expect(manifest.answers.stack.messaging).toEqual(['acme-bus']);
    expect(manifest.packs).toEqual([{
      name: 'acme-platform', version: '1.2.0', source: '.backend-agent/pack',
      blocks: ['api-design', 'incident-process'], skills: ['acme-release'], facets: ['acme-bus'], replaces: ['block:api-design'],
    }]);
  });

  it('writes files the agent linter passes', () => {
    const tree = render(values);
    const files = [...tree].filter(([path]) => isDiscoverable(path)).map(([path, content]) => ({ path, content }));
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining([AGENT, 'AGENTS.md', '.claude/skills/acme-release/SKILL.md']));
    const report = lintAgentFiles(files);
    expect(report.findings).toEqual([]);
  });

  it('detects the pack facet by its aliases in a repository', () => {
    const lib = composeWithPacks(library, [acme()]);
    const view = viewFromObject({ 'package.json': JSON.stringify({ name: 'orders', dependencies: { fastify: '^5.0.0', '@acme/bus': '^2.1.0' } }) });
    const detected = detectedAnswers(detectRepo(view, lib));
    expect(detected.values).toMatchObject({ stack: { messaging: ['acme-bus'] } });
    expect(detectedAnswers(detectRepo(view)).values).not.toMatchObject({ stack: { messaging: ['acme-bus'] } });
  });

  it('leaves the library untouched without packs, and renders answers as data, never as templates', () => {
    expect(composeWithPacks(library, [])).toBe(library);
    const tree = render({ ...values, service: { name: 'orders', team: '{{service.name}} team' } });
    expect(tree.get('docs/runbooks/orders.md')).toContain('{{service.name}} team');
  });

  it('turns a built-in block off, and a later pack wins over an earlier one', () => {
    const off = readPack(packOf({ 'pack.yaml': 'name: off\ndisable:\n  blocks: [decision-framework]\n' }, 'tools/off'));
    const again = readPack(packOf({ 'pack.yaml': 'name: later\n', 'blocks/incident-process.md': '---\nid: incident-process\ntitle: Later incident process\narea: operations\norder: 760\nsources: [original]\n---\nThe later pack wins.\n' }, 'tools/later'));
    const lib = composeWithPacks(library, [acme(), off, again]);
    const agent = render(values, lib).get(AGENT)!;
    expect(agent).not.toContain('## Decision rights');
    expect(agent).toContain('## Later incident process\n\nThe later pack wins.');
    expect(lib.origins?.['block:incident-process']).toMatchObject({ pack: 'later', replaces: true });
  });
});

describe('pack validation names the file and line', () => {
  it('reports a schema error at the line of its field', () => {
    const message = problemOf(() => readPack(packOf({
      'pack.yaml': 'name: acme\n',
      'blocks/bad.md': '---\nid: bad\ntitle: Bad\narea: ops\norder: 10\nsources: [original]\n---\nText.\n',
    })));
    expect(message).toMatch(/^Invalid pack: \.backend-agent\/pack\/blocks\/bad\.md:4: area: .*expected one of/);
  });

  it('reports an unknown field, a template syntax error and a YAML error at their lines', () => {
    const message = problemOf(() => readPack(packOf({
      'pack.yaml': 'name: acme\nversoin: 1.0.0\n',
      'skills/s.md': '---\nname: s\narea: delivery\norder: 1\nsources: [original]\ndescription: Use it.\nindex: when.\n---\n# S\n\n{{#if service.name}}\nunclosed\n',
      'facets/datastore/x.yaml': 'id: x\nname: X\nkind: datastore\nname: Y\n',
    })));
    expect(message).toContain('.backend-agent/pack/pack.yaml:2: versoin is not a known field');
    expect(message).toMatch(/\.backend-agent\/pack\/skills\/s\.md:1[1-3]: template does not compile/);
    expect(message).toMatch(/\.backend-agent\/pack\/facets\/datastore\/x\.yaml:4: invalid YAML: Map keys must be unique/);
  });

  it('reports what composing finds: an unknown disable, a requires of no block, a facet naming a technology it does not bring', () => {
    const message = problemOf(() => composeWithPacks(library, [readPack(packOf({
      'pack.yaml': 'name: acme\ndisable:\n  skills: [no-such-skill]\n',
      'blocks/needs.md': '---\nid: needs\ntitle: Needs\narea: operations\norder: 10\nsources: [original]\nrequires: [missing-block]\n---\nText.\n',
      'facets/datastore/leaky.yaml': 'id: leaky\nname: Leaky\nkind: datastore\nsummary: A store.\npractices:\n  - One.\n  - Two.\n  - Cache reads in Redis.\npitfalls: [One., Two.]\nsources: [original]\n',
    }))]));
    expect(message).toContain('.backend-agent/pack/pack.yaml:3: disable.skills names "no-such-skill"');
    expect(message).toContain('.backend-agent/pack/blocks/needs.md:7: block needs refers to unknown block "missing-block"');
    expect(message).toMatch(/\.backend-agent\/pack\/facets\/datastore\/leaky\.yaml:8: practices\[2\] names Redis/);
  });

  it('reports a template that fails to render at its file', () => {
    const lib = composeWithPacks(library, [readPack(packOf({ 'pack.yaml': 'name: acme\n', 'blocks/bad-field.md': '---\nid: bad-field\ntitle: Bad field\narea: operations\norder: 10\nsources: [original]\n---\n{{service.nmae}}\n' }))]);
    expect(() => render({}, lib)).toThrow(/\.backend-agent\/pack\/blocks\/bad-field\.md: the template fails to render: "nmae" not defined/);
  });
});

describe('a changed pack on a re-run', () => {
  it('merges into an edited agent like any other change', () => {
    const block = (text: string) => readPack(packOf({ 'pack.yaml': 'name: acme\nversion: 1.0.0\n', 'blocks/team.md': `---\nid: team\ntitle: Team rules\narea: collaboration\norder: 1100\nsources: [original]\n---\n${text}\n` }));
    const answers = resolveAnswers([], library).answers;
    const first = run(new Map(), answers, { library: composeWithPacks(library, [block('Old team rule.')]) });
    const edited = new Map(first.disk);
    edited.set(AGENT, edited.get(AGENT)!.replace('# Staff Backend Engineer\n', '# Staff Backend Engineer\n\nMy own note, kept.\n'));
    const second = run(edited, answers, { library: composeWithPacks(library, [block('New team rule.')]) });
    expect(second.kind(AGENT)).toBe('merged');
    expect(second.disk.get(AGENT)).toContain('My own note, kept.');
    expect(second.disk.get(AGENT)).toContain('## Team rules\n\nNew team rule.');
    expect(second.disk.get(AGENT)).not.toContain('Old team rule.');
  });
});

describe('a new pack', () => {
  it('composes, and its own test passes', () => {
    const source = packOf(Object.fromEntries(packSkeleton('acme-platform')), 'tools/pack');
    const lib = composeWithPacks(library, [readPack(source)]);
    expect(runPackTests('tools/pack', source.files, lib, '2026-11-21', '0.1.0')).toEqual([{ file: 'tools/pack/tests/team-conventions.yaml', failures: [] }]);
  });

  it('fails its test when the block no longer says what the test expects', () => {
    const files = Object.fromEntries(packSkeleton('acme-platform'));
    const source = packOf({ ...files, 'blocks/team-conventions.md': files['blocks/team-conventions.md']!.replace('title: Team conventions', 'title: Our conventions').replace('A change to', 'Any change to') }, 'tools/pack');
    const lib = composeWithPacks(library, [readPack(source)]);
    const [result] = runPackTests('tools/pack', source.files, lib, '2026-11-21', '0.1.0');
    expect(result!.failures).toEqual(['no generated file contains "## Team conventions"', 'no generated file contains "A change to `example-service` that touches another team"']);
  });
});
