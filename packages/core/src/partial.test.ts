import { describe, expect, it } from 'vitest';
import { restrictTree } from './partial.js';
import { generate } from './generate.js';
import { planChanges } from './plan/plan.js';
import { parseManifest } from './manifest.js';
import { outputPaths, MANIFEST_PATH } from './paths.js';
import { answersWith, TEST_DATE } from './test-support/answers.js';

const render = (input: Parameters<typeof answersWith>[0] = {}) => generate(answersWith(input), { date: TEST_DATE, toolVersion: '0.0.0' });

describe('restrictTree', () => {
  const full = render({ service: { name: 'orders' } });
  const previous = parseManifest(full.get(MANIFEST_PATH)!);
  const runbook = outputPaths(answersWith({ service: { name: 'orders' } })).runbook;

  it('keeps only the chosen outputs and the manifest', () => {
    const tree = restrictTree(full, [runbook], previous);
    expect([...tree.keys()]).toEqual([MANIFEST_PATH, runbook].sort());
    expect(tree.get(runbook)).toBe(full.get(runbook));
  });

  it('records the chosen outputs as rendered now and every other file as the last run did', () => {
    const changed = render({ service: { name: 'orders', team: 'payments' } });
    const tree = restrictTree(changed, [runbook], previous);
    const manifest = parseManifest(tree.get(MANIFEST_PATH)!);
    expect(manifest.files[runbook]).toBe(parseManifest(changed.get(MANIFEST_PATH)!).files[runbook]);
    expect(manifest.files[runbook]).not.toBe(previous.files[runbook]);
    const others = Object.keys(previous.files).filter((p) => p !== runbook);
    expect(others.length).toBeGreaterThan(3);
    for (const path of others) expect(manifest.files[path], path).toBe(previous.files[path]);
    expect(manifest.answers.service.team).toBe('payments');
  });

  it('leaves a later full run free to update the files it did not write (no false conflicts)', () => {
    const changed = render({ service: { name: 'orders', team: 'payments' } });
    const partial = restrictTree(changed, [runbook], previous);
    // On disk: the first full run, then the partial run's runbook and manifest.
    const disk = new Map<string, string | null>([...full, ...partial]);
    const plan = planChanges(changed, disk, parseManifest(partial.get(MANIFEST_PATH)!));
    expect(plan.changes.filter((c) => c.kind === 'conflict')).toEqual([]);
    expect(plan.changes.find((c) => c.path === runbook)?.kind).toBe('unchanged');
  });

  it('without a previous run records only the chosen outputs', () => {
    const tree = restrictTree(full, [runbook], null);
    expect(Object.keys(parseManifest(tree.get(MANIFEST_PATH)!).files)).toEqual([runbook]);
  });

  it('refuses a path the run does not render', () => {
    expect(() => restrictTree(full, ['docs/nowhere.md'], null)).toThrow(/not an output/);
  });
});
