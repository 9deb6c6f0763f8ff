import { describe, expect, it } from 'vitest';
import { drift, planChanges, summarize } from './plan.js';
import { decideWrites, resolveAll } from './decide.js';
import { BASES_PATH, basesFromTree, decodeBases, encodeBases } from './bases.js';
import { hasConflictMarkers } from './merge.js';
import { generate } from '../generate.js';
import { library, type Library } from '../library/index.js';
import { makeTree } from '../tree.js';
import { sha256 } from '../hash.js';
import { MANIFEST_PATH } from '../paths.js';
import { BEGIN_MARKER, END_MARKER, ownedContent } from '../formats/agents-md.js';
import { answersWith, TEST_DATE } from '../test-support/answers.js';
import { manifestOn, run, type Disk } from '../test-support/runs.js';
import type { Manifest } from '../manifest.js';

const AGENT = '.claude/agents/backend-staff.md';
const RUNBOOK = 'docs/runbooks/api.md';
const STRATEGY = 'docs/testing/test-strategy.md';
const first = (answers = answersWith()) => run(new Map(), answers).disk;
/** The user fills a placeholder at the top of the runbook and adds a paragraph at its end. */
const editRunbook = (disk: Disk): Disk => {
  const next = new Map(disk);
  next.set(RUNBOOK, `${disk.get(RUNBOOK)!.replace('{owning-team}', 'payments')}\n## Our notes\n\nThe nightly batch lags the replica; ignore lag alerts 02:00-02:30 UTC.\n`);
  return next;
};
const EDITS = ['- Owning team: payments', 'The nightly batch lags the replica'];

describe('planChanges: classification', () => {
  const manifest = (files: Record<string, string>): Manifest => ({
    manifestVersion: 1, tool: { name: 'create-backend-agent', version: '0.0.0' }, date: TEST_DATE, answers: answersWith(),
    files: Object.fromEntries(Object.entries(files).map(([p, c]) => [p, sha256(c)])),
  });
  const tree = makeTree([
    ['new.md', 'new\n'], ['same.md', 'same\n'], ['ours.md', 'v2\n'], ['edited.md', 'a\nB\nc\nd\n'], ['clash.md', 'a\nB\nc\n'],
    ['theirs.md', 'generated\n'], ['gone.md', 'v2\n'], ['marked.md', 'x\n'],
  ]);
  const bases = new Map([['same.md', 'same\n'], ['ours.md', 'v1\n'], ['edited.md', 'a\nb\nc\nd\n'], ['clash.md', 'a\nb\nc\n'], ['gone.md', 'v1\n'], ['marked.md', 'x\n']]);
  const disk = new Map<string, string | null>([
    ['same.md', 'same\n'], ['ours.md', 'v1\n'], ['edited.md', 'a\nb\nc\nD\n'], ['clash.md', 'a\nmine\nc\n'], ['theirs.md', 'written by a person\n'],
    ['marked.md', '<<<<<<< yours\nmine\n=======\nx\n>>>>>>> create-backend-agent 0.0.0\n'],
  ]);
  const plan = planChanges(tree, disk, manifest(Object.fromEntries(bases)), { bases });
  const change = (path: string) => plan.changes.find((c) => c.path === path)!;

  it('classifies each file', () => {
    expect(change('new.md')).toMatchObject({ kind: 'create', before: null });
    expect(change('same.md')).toMatchObject({ kind: 'unchanged' });
    expect(change('ours.md')).toMatchObject({ kind: 'update', before: 'v1\n', after: 'v2\n' });
    expect(change('edited.md')).toMatchObject({ kind: 'merged', after: 'a\nB\nc\nD\n' });
    expect(change('clash.md')).toMatchObject({ kind: 'conflict', reason: 'edited' });
    expect(change('clash.md').hunks).toEqual([{ yoursLine: 2, theirsLine: 2, yours: ['mine\n'], base: ['b\n'], theirs: ['B\n'] }]);
    expect(change('theirs.md')).toMatchObject({ kind: 'conflict', reason: 'unmanaged' });
    expect(change('gone.md')).toMatchObject({ kind: 'deleted-by-you' });
    expect(change('marked.md')).toMatchObject({ kind: 'conflict', reason: 'markers' });
    expect(change('marked.md').resolutions).toBeUndefined();
    expect(summarize(plan)).toMatchObject({ create: 1, update: 1, merged: 1, unchanged: 1, conflict: 3, 'deleted-by-you': 1 });
  });

  it('treats every existing file as unmanaged when there is no manifest', () => {
    const bare = planChanges(makeTree([['a.md', 'x\n']]), new Map([['a.md', 'y\n']]), null);
    expect(bare.changes[0]).toMatchObject({ kind: 'conflict', reason: 'unmanaged' });
  });
});

describe('re-runs merge the user\'s edits with the tool\'s changes', () => {
  it('an edited runbook survives an answer change that rewrites other lines of it; the next run is a no-op', () => {
    const edited = editRunbook(first());
    const second = run(edited, answersWith({ targets: { p99LatencyMs: 150 } }));
    expect(second.decision.unresolved).toEqual([]);
    expect(second.kind(RUNBOOK)).toBe('merged');
    const runbook = second.disk.get(RUNBOOK)!;
    for (const edit of EDITS) expect(runbook).toContain(edit);
    expect(runbook).toContain('p99 under 150 ms');
    expect(runbook).not.toContain('p99 under 200 ms');
    // The base is the new rendering, so the same run again changes nothing and is no drift.
    const third = run(second.disk, answersWith({ targets: { p99LatencyMs: 150 } }));
    expect(third.decision.writes).toEqual([]);
    expect(drift(third.plan)).toEqual([]);
  });

  it('an upgrade (a library whose blocks and facets differ, same answers) merges into the edited file the same way', () => {
    const edited = editRunbook(first());
    // Version 0.2.0: a new PostgreSQL alert and practice, and one competency block fewer.
    const facets = library.facets.map((f) => (f.id === 'postgresql' ? {
      ...f,
      practices: ['A rule new in version 0.2.0: run EXPLAIN (ANALYZE, BUFFERS) before adding an index.', ...f.practices],
      runbook: { ...f.runbook, alerts: [...f.runbook.alerts, { ...f.runbook.alerts[0]!, name: 'PostgresNewInTwoPointOh' }] },
    } : f));
    const upgraded: Library = { ...library, facets, blocks: library.blocks.slice(0, -1) };
    const next = run(edited, answersWith(), { library: upgraded, toolVersion: '0.2.0' });
    expect(next.decision.unresolved).toEqual([]);
    expect(next.kind(RUNBOOK)).toBe('merged');
    expect(next.disk.get(RUNBOOK)).toContain('PostgresNewInTwoPointOh');
    for (const edit of EDITS) expect(next.disk.get(RUNBOOK)).toContain(edit);
    expect(next.kind(AGENT)).toBe('update');
    expect(next.disk.get(AGENT)).not.toBe(edited.get(AGENT));
    expect(manifestOn(next.disk)!.tool.version).toBe('0.2.0');
    expect(run(next.disk, answersWith(), { library: upgraded, toolVersion: '0.2.0' }).decision.writes).toEqual([]);
  });

  describe('an overlapping edit', () => {
    // The user writes their own latency target on the line the new answer changes.
    const start = first();
    const disk = new Map(start).set(RUNBOOK, start.get(RUNBOOK)!.replace('p99 under 200 ms', 'p99 under 180 ms (our own target)'));
    const answers = answersWith({ targets: { p99LatencyMs: 150 } });

    it('stop: reported, nothing written', () => {
      const r = run(disk, answers);
      expect(r.kind(RUNBOOK)).toBe('conflict');
      expect(r.decision.unresolved.map((c) => c.path)).toEqual([RUNBOOK]);
      expect(r.decision.writes).toEqual([]);
      expect(r.disk).toEqual(disk);
    });

    it('markers: both versions marked, everything else applied; a later run refuses the file until they are resolved', () => {
      const r = run(disk, answers, { conflict: 'markers' });
      expect(r.decision.markers).toEqual([RUNBOOK]);
      const file = r.disk.get(RUNBOOK)!;
      expect(file).toContain('<<<<<<< yours\n| Latency | p99 under 180 ms (our own target) |');
      expect(file).toMatch(/=======\n\| Latency \| p99 under 150 ms \|.*\n>>>>>>> create-backend-agent 0\.1\.0\n/);
      expect(r.disk.get(AGENT)).toContain('150 ms'); // the rest of the run applied

      for (const mode of ['stop', 'mine', 'theirs', 'markers'] as const) {
        const again = run(r.disk, answers, { conflict: mode });
        expect(again.plan.changes.find((c) => c.path === RUNBOOK)).toMatchObject({ kind: 'conflict', reason: 'markers' });
        expect(again.decision.writes).toEqual([]);
      }
      // Resolved by hand (the user keeps their line): merged from the new base, no conflict any more.
      const resolved = new Map(r.disk).set(RUNBOOK, file.replace(/<<<<<<< yours\n(.*\n)=======\n.*\n>>>>>>> .*\n/, '$1'));
      const after = run(resolved, answers);
      expect(after.decision.unresolved).toEqual([]);
      expect(after.kind(RUNBOOK)).toBe('unchanged');
      expect(hasConflictMarkers(after.disk.get(RUNBOOK)!)).toBe(false);
    });

    it('mine: the user\'s lines, new content elsewhere merged in; the same run again is a no-op', () => {
      const r = run(disk, answers, { conflict: 'mine' });
      expect(r.decision.kept).toEqual([RUNBOOK]);
      expect(r.disk.get(RUNBOOK)).toContain('p99 under 180 ms (our own target)');
      expect(r.disk.get(RUNBOOK)).not.toContain('p99 under 150 ms');
      const again = run(r.disk, answers);
      expect(again.plan.changes.filter((c) => c.kind === 'conflict')).toEqual([]);
      expect(again.decision.writes).toEqual([]);
    });

    it('theirs: the new lines', () => {
      const r = run(disk, answers, { conflict: 'theirs' });
      expect(r.disk.get(RUNBOOK)).toContain('p99 under 150 ms');
      expect(r.disk.get(RUNBOOK)).not.toContain('our own target');
      expect(run(r.disk, answers).decision.writes).toEqual([]);
    });
  });

  it('a generated file the user deleted stays deleted, keeps its record, is no drift, and comes back on --restore', () => {
    const disk = first();
    disk.delete(STRATEGY);
    const answers = answersWith({ targets: { coverage: 90 } });
    const r = run(disk, answers);
    expect(r.kind(STRATEGY)).toBe('deleted-by-you');
    expect(r.disk.has(STRATEGY)).toBe(false);
    expect(manifestOn(r.disk)!.files[STRATEGY]).toBe(manifestOn(disk)!.files[STRATEGY]);
    const again = run(r.disk, answers);
    expect(again.kind(STRATEGY)).toBe('deleted-by-you');
    expect(drift(again.plan)).toEqual([]);
    const restored = run(r.disk, answers, { restore: [STRATEGY] });
    expect(restored.kind(STRATEGY)).toBe('create');
    expect(restored.disk.get(STRATEGY)).toContain('90%');
  });

  it('moves follow answers: a renamed service moves the edited runbook, merged, and leaves nothing behind', () => {
    const edited = editRunbook(first());
    const r = run(edited, answersWith({ service: { name: 'ledger' } }));
    const moved = r.plan.changes.find((c) => c.path === 'docs/runbooks/ledger.md')!;
    expect(moved).toMatchObject({ kind: 'moved', from: RUNBOOK });
    // Its rules file moves with it.
    expect(r.decision.removes).toEqual([RUNBOOK, RUNBOOK.replace(/\.md$/, '.rules.yaml')]);
    expect(r.disk.has(RUNBOOK)).toBe(false);
    expect(r.disk.has('docs/runbooks/ledger.rules.yaml')).toBe(true);
    const runbook = r.disk.get('docs/runbooks/ledger.md')!;
    expect(runbook).toContain('# ledger runbook');
    for (const edit of EDITS) expect(runbook).toContain(edit);
    expect(Object.keys(manifestOn(r.disk)!.files)).not.toContain(RUNBOOK);
    expect(run(r.disk, answersWith({ service: { name: 'ledger' } })).decision.writes).toEqual([]);
  });

  it('moves follow answers: a new ADR folder takes the records with it', () => {
    const disk = first();
    const record = 'docs/adr/0001-record-architecture-decisions.md';
    disk.set(record, `${disk.get(record)}\nWe also review ADRs monthly.\n`);
    const r = run(disk, answersWith({ outputs: { paths: { adrDir: 'docs/decisions' } } }));
    expect(r.plan.changes.find((c) => c.path === 'docs/decisions/0001-record-architecture-decisions.md')).toMatchObject({ kind: 'moved', from: record });
    expect(r.disk.get('docs/decisions/0001-record-architecture-decisions.md')).toContain('We also review ADRs monthly.');
    expect([...r.disk.keys()].filter((p) => p.startsWith('docs/adr/'))).toEqual([]);
  });

  it('AGENTS.md merges inside its block the same way; the user\'s text around it is never touched', () => {
    const answers = answersWith({ outputs: { formats: ['agents-md'] } });
    const start = run(new Map([['AGENTS.md', '# Our repo\n\nBuild with make.\n']]), answers).disk;
    const file = start.get('AGENTS.md')!;
    const block = ownedContent('AGENTS.md', file)!;
    // Inside the block the user adds a rule at its end; outside, a line of their own.
    const edited = file.replace(END_MARKER, `Our own rule inside the block.\n${END_MARKER}`) + '\nOur own footer.\n';
    const r = run(new Map(start).set('AGENTS.md', edited), answersWith({ ...answers, agent: { seniority: 'principal' } }));
    expect(r.kind('AGENTS.md')).toBe('merged');
    const merged = r.disk.get('AGENTS.md')!;
    expect(merged.startsWith('# Our repo\n\nBuild with make.\n')).toBe(true);
    expect(merged.endsWith('\nOur own footer.\n')).toBe(true);
    expect(merged).toContain(`Our own rule inside the block.\n${END_MARKER}`);
    expect(merged).toMatch(/principal/i);
    expect(ownedContent('AGENTS.md', merged)).not.toBe(block);
    // An overlapping edit inside the block is a conflict, its markers inside the block.
    const heading = block.split('\n').find((l) => l.startsWith('#'))!;
    const clash = run(new Map(r.disk).set('AGENTS.md', merged.replace(/^#.*(Principal|principal).*$/m, '## Our own heading')), answersWith({ ...answers, agent: { seniority: 'senior' } }), { conflict: 'markers' });
    expect(heading).toBeTruthy();
    expect(clash.kind('AGENTS.md')).toBe('conflict');
    const marked = clash.disk.get('AGENTS.md')!;
    expect(marked.indexOf('<<<<<<< yours')).toBeGreaterThan(marked.indexOf(BEGIN_MARKER));
    expect(marked.indexOf('>>>>>>> create-backend-agent')).toBeLessThan(marked.indexOf(END_MARKER));
    expect(marked.endsWith('\nOur own footer.\n')).toBe(true);
  });

  it('a file the tool never wrote, kept with mine, becomes managed: the same run again is a no-op', () => {
    const disk = new Map([[RUNBOOK, '# Our runbook\n']]);
    const r = run(disk, answersWith(), { conflict: 'mine' });
    expect(r.plan.changes.find((c) => c.path === RUNBOOK)).toMatchObject({ kind: 'conflict', reason: 'unmanaged' });
    expect(r.disk.get(RUNBOOK)).toBe('# Our runbook\n');
    const again = run(r.disk, answersWith());
    expect(again.decision.unresolved).toEqual([]);
    expect(again.decision.writes).toEqual([]);
    // From now on it is an edited file like any other: a change to lines the user replaced is theirs to decide.
    expect(run(r.disk, answersWith({ targets: { p99LatencyMs: 150 } })).plan.changes.find((c) => c.path === RUNBOOK)).toMatchObject({ kind: 'conflict', reason: 'edited' });
  });
});

describe('the bases file', () => {
  it('holds what the tool last wrote, compressed (no plain-text copy), checked against the manifest', () => {
    const disk = first();
    const text = disk.get(BASES_PATH)!;
    const manifest = manifestOn(disk)!;
    const line = disk.get(RUNBOOK)!.split('\n').find((l) => l.startsWith('Page when the error budget'))!;
    expect(text).not.toContain(line);
    expect(text.split('\n').slice(1, -1).every((l) => /^[A-Za-z0-9+/=]{1,76}$/.test(l))).toBe(true);
    const bases = decodeBases(text, manifest.files)!;
    expect([...bases.keys()].sort()).toEqual(Object.keys(manifest.files).sort());
    expect(bases.get(RUNBOOK)).toBe(disk.get(RUNBOOK));
    // A base whose record does not match is not trusted; a damaged file is null.
    expect(decodeBases(text, { ...manifest.files, [RUNBOOK]: 'sha256-0' })!.has(RUNBOOK)).toBe(false);
    expect(decodeBases('header\nnot base64 brotli\n', manifest.files)).toBeNull();
    // Same bases, same bytes.
    expect(encodeBases(bases)).toBe(text);
  });

  it('can be regenerated from the recorded answers when the version has not changed', () => {
    const disk = first();
    const manifest = manifestOn(disk)!;
    const again = generate(manifest.answers, { date: manifest.date, toolVersion: '0.1.0', writtenBefore: Object.keys(manifest.files) });
    expect(basesFromTree(again, manifest.files)).toEqual(decodeBases(disk.get(BASES_PATH)!, manifest.files));
  });

  it('keeps its bytes when nothing changed, so git sees no churn', () => {
    const disk = first();
    const r = run(disk, answersWith());
    expect(r.plan.changes.find((c) => c.path === BASES_PATH)?.kind).toBe('unchanged');
    expect(r.plan.changes.find((c) => c.path === MANIFEST_PATH)?.kind).toBe('unchanged');
  });
});

describe('decideWrites', () => {
  it('writes nothing at all when everything is unchanged', () => {
    const disk = first();
    const same = run(disk, answersWith());
    expect(same.decision.writes).toEqual([]);
    expect(decideWrites(same.plan, resolveAll(same.plan, 'theirs')).writes).toEqual([]);
  });
});
