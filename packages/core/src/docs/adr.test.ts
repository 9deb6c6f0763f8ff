import { describe, expect, it } from 'vitest';
import { viewFromObject } from '../repo-view.js';
import { generate } from '../generate.js';
import { answersWith, TEST_DATE } from '../test-support/answers.js';
import { MANIFEST_PATH } from '../paths.js';
import { parseManifest } from '../manifest.js';
import { planStarterAdrs } from './adr.js';
import { readAdrLog } from './adr-log.js';

const opts = { date: TEST_DATE, toolVersion: '9.9.9' };
const record = (n: number, title: string, status = 'accepted') => `# ${n}. ${title}\n\n- Status: ${status}\n- Date: 2025-01-01\n\n## Status\n\n${status}\n`;
const adrPaths = (tree: ReadonlyMap<string, string>, dir = 'docs/adr') => [...tree.keys()].filter((p) => p.startsWith(`${dir}/`));

function sevenRecords(dir: string, width: number): Record<string, string> {
  const titles = ['Use adr-tools', 'Use Go', 'Use PostgreSQL', 'Use Kafka', 'Deploy on Kubernetes', 'Use gRPC', 'Adopt OpenTelemetry'];
  return Object.fromEntries(titles.map((t, i) => [`${dir}/${String(i + 1).padStart(width, '0')}-${t.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.md`, record(i + 1, t)]));
}

describe('planStarterAdrs', () => {
  const base = { dir: 'docs/adr', writtenBefore: new Set<string>(), date: TEST_DATE, serviceName: 'orders' };

  it('starts a new log with 0001 (keep ADRs) and 0002 (the stack)', () => {
    expect(planStarterAdrs(base)).toEqual({
      naming: { kind: 'number', width: 4 },
      recordDecisions: { path: 'docs/adr/0001-record-architecture-decisions.md', heading: '1. Record architecture decisions' },
      stack: { path: 'docs/adr/0002-technology-stack-for-orders.md', heading: '2. Technology stack for orders' },
    });
  });

  it('continues a 4-digit log at the next number without a second "keep ADRs" record', () => {
    const log = readAdrLog(viewFromObject(sevenRecords('docs/adr', 4)), 'docs/adr');
    expect(planStarterAdrs({ ...base, log })).toEqual({
      naming: { kind: 'number', width: 4 },
      stack: { path: 'docs/adr/0008-technology-stack-for-orders.md', heading: '8. Technology stack for orders' },
    });
  });

  it('keeps the width of a 3-digit log', () => {
    const log = readAdrLog(viewFromObject(sevenRecords('adr', 3)), 'adr');
    expect(planStarterAdrs({ ...base, dir: 'adr', log }).stack).toEqual({ path: 'adr/008-technology-stack-for-orders.md', heading: '8. Technology stack for orders' });
  });

  it("uses the date prefix and number-free titles of a log4brains' date-named log", () => {
    const log = readAdrLog(viewFromObject({ 'docs/adr/20240105-use-log4brains.md': '# Use log4brains\n\n- Status: accepted\n' }), 'docs/adr');
    expect(planStarterAdrs({ ...base, log }).stack).toEqual({ path: 'docs/adr/20261121-technology-stack-for-orders.md', heading: 'Technology stack for orders' });
  });

  it('ignores a log found in another folder than the answers name', () => {
    const log = readAdrLog(viewFromObject(sevenRecords('doc/adr', 4)), 'doc/adr');
    expect(planStarterAdrs({ ...base, log }).recordDecisions?.path).toBe('docs/adr/0001-record-architecture-decisions.md');
  });

  it('keeps the paths of its own records on a re-run, whatever the log holds now', () => {
    const files = { ...sevenRecords('docs/adr', 4), 'docs/adr/0008-technology-stack-for-orders.md': record(8, 'Technology stack for orders'), 'docs/adr/0009-use-redis.md': record(9, 'Use Redis') };
    const log = readAdrLog(viewFromObject(files), 'docs/adr');
    const plan = planStarterAdrs({ ...base, log, writtenBefore: new Set(['docs/adr/0008-technology-stack-for-orders.md']) });
    expect(plan.recordDecisions).toBeUndefined();
    expect(plan.stack).toEqual({ path: 'docs/adr/0008-technology-stack-for-orders.md', heading: '8. Technology stack for orders' });
  });

  it('keeps the stack record where it is when the service is renamed', () => {
    const files = { 'docs/adr/0001-record-architecture-decisions.md': record(1, 'Record architecture decisions'), 'docs/adr/0002-technology-stack-for-api.md': record(2, 'Technology stack for api') };
    const log = readAdrLog(viewFromObject(files), 'docs/adr');
    const plan = planStarterAdrs({ ...base, log, writtenBefore: new Set(Object.keys(files)) });
    expect(plan.stack).toEqual({ path: 'docs/adr/0002-technology-stack-for-api.md', heading: '2. Technology stack for orders' });
  });

  it('stops rendering its own record once it is superseded, and writes no replacement', () => {
    const files = {
      'docs/adr/0001-record-architecture-decisions.md': record(1, 'Record architecture decisions'),
      'docs/adr/0002-technology-stack-for-orders.md': record(2, 'Technology stack for orders', 'superseded by [0003-move-to-go](0003-move-to-go.md)'),
      'docs/adr/0003-move-to-go.md': record(3, 'Move to Go'),
    };
    const log = readAdrLog(viewFromObject(files), 'docs/adr');
    const plan = planStarterAdrs({ ...base, log, writtenBefore: new Set(Object.keys(files).slice(0, 2)) });
    expect(plan.recordDecisions?.path).toBe('docs/adr/0001-record-architecture-decisions.md');
    expect(plan.stack).toBeUndefined();
  });

  it('writes a deleted record again where it was, unless its number was reused', () => {
    const ours = new Set(['docs/adr/0001-record-architecture-decisions.md', 'docs/adr/0002-technology-stack-for-orders.md']);
    const gone = readAdrLog(viewFromObject({ 'docs/adr/0001-record-architecture-decisions.md': record(1, 'Record architecture decisions') }), 'docs/adr');
    expect(planStarterAdrs({ ...base, log: gone, writtenBefore: ours }).stack?.path).toBe('docs/adr/0002-technology-stack-for-orders.md');
    const reused = readAdrLog(viewFromObject({ 'docs/adr/0001-record-architecture-decisions.md': record(1, 'Record architecture decisions'), 'docs/adr/0002-use-go.md': record(2, 'Use Go') }), 'docs/adr');
    expect(planStarterAdrs({ ...base, log: reused, writtenBefore: ours }).stack?.path).toBe('docs/adr/0003-technology-stack-for-orders.md');
  });

  it("never takes over a record it did not write (adr-tools' own 0001, a hand-written stack record)", () => {
    const files = { 'docs/adr/0001-record-architecture-decisions.md': record(1, 'Record architecture decisions'), 'docs/adr/0002-technology-stack-for-orders.md': record(2, 'Technology stack for orders') };
    const plan = planStarterAdrs({ ...base, log: readAdrLog(viewFromObject(files), 'docs/adr') });
    expect(plan).toEqual({ naming: { kind: 'number', width: 4 } });
  });
});

describe('generate with an existing ADR log', () => {
  it('continues the log, leaves its records out of the tree and tells the agent the width', () => {
    const view = viewFromObject({ ...sevenRecords('adr', 3), '.adr-dir': 'adr\n' });
    const answers = answersWith({ service: { name: 'orders' }, outputs: { paths: { adrDir: 'adr' } } });
    const tree = generate(answers, { ...opts, adrLog: readAdrLog(view, 'adr') });
    expect(adrPaths(tree, 'adr')).toEqual(['adr/008-technology-stack-for-orders.md']);
    expect(tree.get('adr/008-technology-stack-for-orders.md')!.split('\n')[0]).toBe('# 8. Technology stack for orders');
    expect(tree.has('.adr-dir')).toBe(false); // the user's own .adr-dir already names the folder
    expect(tree.get('.claude/agents/backend-staff.md')).toContain('named `NNN-title-in-kebab-case.md`, numbered one past the highest number already there, three digits wide');
  });

  it('gives identical output on a re-run that sees its own records in the log', () => {
    const answers = answersWith({ service: { name: 'orders' } });
    const first = generate(answers, opts);
    const view = viewFromObject(Object.fromEntries(first));
    const manifest = parseManifest(first.get(MANIFEST_PATH)!);
    const again = generate(answers, { ...opts, adrLog: readAdrLog(view, 'docs/adr'), writtenBefore: Object.keys(manifest.files) });
    expect([...again]).toEqual([...first]);
  });

  it('drops a superseded stack record from the tree and the manifest', () => {
    const answers = answersWith({ service: { name: 'orders' } });
    const first = generate(answers, opts);
    const files = Object.fromEntries(first);
    files['docs/adr/0002-technology-stack-for-orders.md'] = files['docs/adr/0002-technology-stack-for-orders.md']!.replace('- Status: accepted', '- Status: superseded by [0003-x](0003-x.md)');
    const again = generate(answers, { ...opts, adrLog: readAdrLog(viewFromObject(files), 'docs/adr'), writtenBefore: Object.keys(parseManifest(first.get(MANIFEST_PATH)!).files) });
    expect(adrPaths(again)).toEqual(['docs/adr/0001-record-architecture-decisions.md']);
    expect(Object.keys(parseManifest(again.get(MANIFEST_PATH)!).files)).not.toContain('docs/adr/0002-technology-stack-for-orders.md');
  });
});

describe('the stack ADR', () => {
  const stackAdr = (stack: object) => {
    const tree = generate(answersWith({ service: { name: 'orders' }, stack: stack as never }), opts);
    return tree.get('docs/adr/0002-technology-stack-for-orders.md')!;
  };
  const none = { languages: [], frameworks: [], datastores: [], messaging: [], cloud: [], infrastructure: [], apiStyles: [] };

  const concern = (adr: string, name: string) => new RegExp(`### ${name}: [^\n]*\n\n([\\s\\S]*?)(?=\n### |\n## )`).exec(adr)![1]!;
  const option = (section: string, name: string) => new RegExp(`^- \\*\\*${name.replace(/[()]/g, '\\$&')}\\*\\*.*\n((?: {2}- .*\n?)*)`, 'm').exec(section)![1]!;

  it('weighs each option, the chosen one too, with its reasons for and against', () => {
    const adr = stackAdr({ ...none, languages: ['java'], datastores: ['postgresql'], messaging: ['kafka'] });
    const datastore = concern(adr, 'Datastore');
    expect(datastore).toMatch(/^- \*\*PostgreSQL\*\* \(chosen\)$/m);
    expect(datastore).toMatch(/^- \*\*MySQL\*\*$/m);
    expect(datastore).toMatch(/^- \*\*MongoDB\*\*$/m);
    for (const name of ['PostgreSQL', 'MySQL', 'MongoDB']) {
      const reasons = option(datastore, name);
      // More than the first drawback: two reasons against, and the case for it.
      expect(reasons.match(/^ {2}- Against: /gm)?.length, name).toBe(2);
      expect(reasons.match(/^ {2}- For: /gm)?.length, name).toBeGreaterThanOrEqual(1);
    }
    expect(option(datastore, 'MySQL')).toMatch(/^ {2}- Against: The InnoDB table is clustered on the primary key/m);
    expect(concern(adr, 'Messaging')).toMatch(/^- \*\*NATS \(JetStream\)\*\*$/m);
    expect(adr).toMatch(/\| Datastore \| PostgreSQL \| MySQL and MongoDB \|/);
    // The options come before the decision, the way ADR readers expect.
    expect(adr.indexOf('## Options considered')).toBeLessThan(adr.indexOf('## Decision'));
  });

  it('gives the reasons that hold for this service: its targets and platform', () => {
    const at = (targets: object, infrastructure: string[] = ['kubernetes']) =>
      generate(answersWith({ service: { name: 'orders' }, stack: { ...none, languages: ['go'], infrastructure, messaging: ['kafka'] } as never, targets: targets as never }), opts).get('docs/adr/0002-technology-stack-for-orders.md')!;
    const tight = at({ p99LatencyMs: 30, throughputRps: 20000 });
    expect(option(concern(tight, 'Language'), 'Go')).toMatch(/^ {2}- Against: A p99 target of 50 ms or less leaves little room for collector pauses/m);
    expect(option(concern(tight, 'Language'), 'Rust')).toMatch(/^ {2}- For: With a p99 target of 50 ms or less, having no garbage collector/m);
    expect(option(concern(tight, 'Messaging'), 'Apache Kafka')).toMatch(/^ {2}- For: At thousands of events per second or more/m);
    expect(option(concern(tight, 'Infrastructure'), 'Serverless functions')).toMatch(/^ {2}- Against: A p99 target of 100 ms or less notices cold starts/m);
    const small = at({ p99LatencyMs: 800, throughputRps: 50 });
    expect(small).not.toMatch(/p99 target of 50 ms or less|thousands of events per second/);
    expect(option(concern(small, 'Messaging'), 'Apache Kafka')).toMatch(/^ {2}- Against: At a modest rate \(500 requests per second or less\)/m);
    expect(option(concern(small, 'Infrastructure'), 'Kubernetes')).toMatch(/^ {2}- Against: At a modest rate \(100 requests per second or less\), a cluster/m);
    expect(option(concern(small, 'Infrastructure'), 'Serverless functions')).toMatch(/^ {2}- For: At a modest or spiky rate/m);
  });

  it('states compliance regimes as constraints, never as a choice in the decision', () => {
    const adr = generate(answersWith({ service: { name: 'orders' }, stack: { ...none, languages: ['go'], datastores: ['postgresql'] } as never, compliance: ['pci-dss', 'gdpr'] }), opts).get('docs/adr/0002-technology-stack-for-orders.md')!;
    const constraints = /## Constraints\n\n([\s\S]*?)\n## /.exec(adr)![1]!;
    expect(constraints).toContain('`orders` handles data in scope of PCI DSS and GDPR');
    expect(constraints).toMatch(/^- PCI DSS: PCI DSS \(version 4\.0\.1\)/m);
    expect(constraints).toMatch(/^ {2}- Everything in or connected to the card data environment/m);
    const decision = /## Decision\n([\s\S]*?)\n## /.exec(adr)![1]!;
    expect(decision).not.toMatch(/Compliance|PCI DSS|GDPR/);
    expect(/## Options considered\n([\s\S]*?)\n## Decision/.exec(adr)![1]).not.toMatch(/### Compliance/);
    // With a regime to meet, PostgreSQL's case for it says how it meets it.
    expect(option(concern(adr, 'Datastore'), 'PostgreSQL')).toMatch(/^ {2}- For: Row-level security, the pgaudit extension/m);
    expect(adr.indexOf('## Constraints')).toBeLessThan(adr.indexOf('## Options considered'));
  });

  it('does not offer as an alternative something that was chosen too', () => {
    const adr = stackAdr({ ...none, languages: ['java', 'kotlin'] });
    expect(adr).toMatch(/\| Language \| Java \| Go \|/);
    expect(adr).toMatch(/\| Language \| Kotlin \| Scala \|/);
    expect(concern(adr, 'Language')).not.toMatch(/^- \*\*Kotlin\*\*$/m);
  });

  it('repeats no cost: what the options weighed is not listed again under Consequences', () => {
    const adr = stackAdr({ ...none, languages: ['go'] });
    const consequences = /## Consequences\n([\s\S]*)/.exec(adr)![1]!;
    const weighed = [...option(concern(adr, 'Language'), 'Go').matchAll(/^ {2}- Against: (.*)$/gm)].map((m) => m[1]!);
    expect(weighed.length).toBe(2);
    for (const text of weighed) expect(consequences).not.toContain(text);
    expect(consequences).toMatch(/^- Go: /m);
  });

  it('has no options section when nothing was chosen', () => {
    expect(stackAdr(none)).not.toContain('## Options considered');
  });
});
