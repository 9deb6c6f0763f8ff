import { describe, expect, it } from 'vitest';
import { decideWrites, overwriteAll } from './decide.js';
import { planChanges } from './plan.js';
import { generate } from '../generate.js';
import { parseManifest, type Manifest } from '../manifest.js';
import { sha256 } from '../hash.js';
import { MANIFEST_PATH } from '../paths.js';
import { answersWith, TEST_DATE } from '../test-support/answers.js';
import type { Tree } from '../tree.js';

const AGENT = '.claude/agents/backend-staff.md';
const RUNBOOK = 'docs/runbooks/api.md';

/** Disk after a run: every file of the tree as written. */
const written = (tree: Tree) => new Map<string, string | null>([...tree]);
const manifestOf = (disk: ReadonlyMap<string, string | null>): Manifest => parseManifest(disk.get(MANIFEST_PATH)!);
const apply = (disk: Map<string, string | null>, writes: ReadonlyArray<{ path: string; content: string }>) => {
  for (const w of writes) disk.set(w.path, w.content);
  return disk;
};

describe('decideWrites', () => {
  // First run with the defaults; the user edits the agent and writes a runbook of their own; the
  // second run changes the seniority and the latency target, which change both files.
  const first = generate(answersWith(), { date: TEST_DATE, toolVersion: '0.0.0' });
  const disk = written(first);
  const mine = `${disk.get(AGENT)}\nOur own rule.\n`;
  disk.set(AGENT, mine);
  const second = generate(answersWith({ agent: { seniority: 'principal' }, targets: { p99LatencyMs: 150 } }), { date: TEST_DATE, toolVersion: '0.0.0' });
  const plan = planChanges(second, disk, manifestOf(disk));

  it('writes nothing while a conflict has no choice', () => {
    expect(plan.changes.find((c) => c.path === AGENT)?.kind).toBe('conflict');
    const decision = decideWrites(plan, new Map(), manifestOf(disk));
    expect(decision.writes).toEqual([]);
    expect(decision.unresolved.map((c) => c.path)).toEqual([AGENT]);
  });

  it('overwrites a conflict when told to, recording the new content in the manifest', () => {
    const decision = decideWrites(plan, overwriteAll(plan), manifestOf(disk));
    expect(decision.writes.map((w) => w.path)).toContain(AGENT);
    expect(parseManifest(decision.writes.find((w) => w.path === MANIFEST_PATH)!.content).files[AGENT]).toBe(sha256(second.get(AGENT)!));
  });

  it('keeps a file as the user has it, and keeps its old record so the next run still sees a conflict', () => {
    const before = manifestOf(disk);
    const decision = decideWrites(plan, new Map([[AGENT, 'keep' as const]]), before);
    expect(decision.kept).toEqual([AGENT]);
    expect(decision.writes.map((w) => w.path)).not.toContain(AGENT);
    expect(decision.writes.map((w) => w.path)).toContain(RUNBOOK);
    const after = parseManifest(decision.writes.find((w) => w.path === MANIFEST_PATH)!.content);
    expect(after.files[AGENT]).toBe(before.files[AGENT]);
    expect(after.files[RUNBOOK]).toBe(sha256(second.get(RUNBOOK)!));

    // The next run, even with the answers the kept file would now match, still refuses to overwrite it.
    const next = apply(new Map(disk), decision.writes);
    expect(next.get(AGENT)).toBe(mine);
    const again = planChanges(second, next, manifestOf(next));
    expect(again.changes.find((c) => c.path === AGENT)).toMatchObject({ kind: 'conflict', reason: 'edited' });
    expect(again.changes.find((c) => c.path === RUNBOOK)?.kind).toBe('unchanged');
  });

  it('keeps a file the tool never wrote out of the manifest, so it stays unmanaged', () => {
    const fresh = new Map<string, string | null>([[RUNBOOK, '# Our runbook\n']]);
    const firstPlan = planChanges(first, fresh, null);
    expect(firstPlan.changes.find((c) => c.path === RUNBOOK)).toMatchObject({ kind: 'conflict', reason: 'unmanaged' });
    const decision = decideWrites(firstPlan, new Map([[RUNBOOK, 'keep' as const]]), null);
    const manifest = parseManifest(decision.writes.find((w) => w.path === MANIFEST_PATH)!.content);
    expect(manifest.files[RUNBOOK]).toBeUndefined();
    expect(manifest.files[AGENT]).toBe(sha256(first.get(AGENT)!));
    const next = apply(new Map(fresh), decision.writes);
    expect(planChanges(first, next, manifestOf(next)).changes.find((c) => c.path === RUNBOOK)).toMatchObject({ kind: 'conflict', reason: 'unmanaged' });
  });

  it('writes nothing at all when everything is unchanged', () => {
    const same = planChanges(first, written(first), manifestOf(written(first)));
    expect(decideWrites(same, new Map(), manifestOf(written(first))).writes).toEqual([]);
  });
});
