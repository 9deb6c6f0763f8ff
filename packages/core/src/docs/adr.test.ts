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

  it('lists the options considered, each with the trade-off that weighs against it', () => {
    const adr = stackAdr({ ...none, languages: ['java'], datastores: ['postgresql'], messaging: ['kafka'] });
    const section = /## Options considered\n([\s\S]*?)\n## Decision/.exec(adr)![1]!;
    expect(section).toContain('- Datastore: PostgreSQL, weighed against MySQL and MongoDB.');
    expect(section).toMatch(/^ {2}- MySQL: The InnoDB table is clustered on the primary key/m);
    expect(section).toContain('- Messaging: Apache Kafka, weighed against RabbitMQ and NATS (JetStream).');
    // The options come before the decision, the way ADR readers expect.
    expect(adr.indexOf('## Options considered')).toBeLessThan(adr.indexOf('## Decision'));
  });

  it('does not offer as an alternative something that was chosen too', () => {
    const adr = stackAdr({ ...none, languages: ['java', 'kotlin'] });
    expect(adr).toContain('- Language: Java, weighed against Go.');
    expect(adr).toContain('- Language: Kotlin, weighed against Scala.');
  });

  it('has no options section when nothing was chosen', () => {
    expect(stackAdr(none)).not.toContain('## Options considered');
  });
});
