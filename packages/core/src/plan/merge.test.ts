import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasConflictMarkers, mergeThree, splitLines } from './merge.js';

const lines = (...l: string[]) => l.map((x) => `${x}\n`).join('');

describe('mergeThree', () => {
  const base = lines('# Runbook', '- Owning team: {owning-team}', '', '## SLOs', 'p99 under 200 ms', '', '## Notes');

  it('keeps both sides when they changed different lines', () => {
    const yours = base.replace('{owning-team}', 'payments') + lines('', 'Our own paragraph.');
    const theirs = base.replace('200 ms', '150 ms');
    const outcome = mergeThree(base, yours, theirs, '1.2.3');
    expect(outcome.clean).toBe(true);
    expect(outcome.text).toBe(lines('# Runbook', '- Owning team: payments', '', '## SLOs', 'p99 under 150 ms', '', '## Notes', '', 'Our own paragraph.'));
  });

  it('reports lines both changed, and resolves them as asked: markers, mine, theirs', () => {
    const yours = base.replace('200 ms', '180 ms (our own target)');
    const theirs = base.replace('200 ms', '150 ms').replace('# Runbook', '# api runbook');
    const outcome = mergeThree(base, yours, theirs, '1.2.3');
    expect(outcome.clean).toBe(false);
    expect(outcome.hunks).toEqual([{ yoursLine: 5, theirsLine: 5, yours: ['p99 under 180 ms (our own target)\n'], base: ['p99 under 200 ms\n'], theirs: ['p99 under 150 ms\n'] }]);
    // The non-conflicting new title merges in under every resolution.
    expect(outcome.resolve('mine')).toBe(yours.replace('# Runbook', '# api runbook'));
    expect(outcome.resolve('theirs')).toBe(theirs);
    expect(outcome.resolve('markers')).toBe(lines(
      '# api runbook', '- Owning team: {owning-team}', '', '## SLOs',
      '<<<<<<< yours', 'p99 under 180 ms (our own target)', '=======', 'p99 under 150 ms', '>>>>>>> create-backend-agent 1.2.3',
      '', '## Notes',
    ));
    expect(hasConflictMarkers(outcome.resolve('markers'))).toBe(true);
    expect(hasConflictMarkers(outcome.resolve('mine'))).toBe(false);
  });

  it('never glues a marker to a last line without a line break', () => {
    const outcome = mergeThree('a\nb', 'a\nB', 'a\nc', '0.0.0');
    expect(outcome.resolve('markers')).toBe('a\n<<<<<<< yours\nB\n=======\nc\n>>>>>>> create-backend-agent 0.0.0\n');
    expect(splitLines('a\nb')).toEqual(['a\n', 'b']);
  });

  it('takes a change both sides made alike as one change, not a conflict', () => {
    const both = base.replace('200 ms', '150 ms');
    expect(mergeThree(base, both, both, '0.0.0')).toMatchObject({ clean: true, text: both });
  });
});

/**
 * Random edits of a base text. Each edit replaces a run of base lines (possibly none: an insertion)
 * with new lines no other edit writes, on the user's side, the template's, or both (an overlap).
 * Non-overlapping means what diff3 (and git) mean: at least one untouched base line between any two edits.
 */
interface Edit { start: number; end: number; yours?: string[]; theirs?: string[] }
type Side = 'yours' | 'theirs';

const baseLines = (n: number) => Array.from({ length: n }, (_, i) => `base line ${i}\n`);

/** The base with each edit of the given sides applied (both sides: the edits are disjoint, so order is free). */
function applyEdits(base: readonly string[], edits: readonly Edit[], sides: readonly Side[]): string {
  const out: string[] = [];
  let at = 0;
  for (const edit of edits) {
    const insert = sides.flatMap((side) => edit[side] ?? []);
    if (!sides.some((side) => edit[side] !== undefined)) continue;
    out.push(...base.slice(at, edit.start), ...insert);
    at = edit.end;
  }
  out.push(...base.slice(at));
  return out.join('');
}

const OWNERS = ['yours', 'theirs', 'both'] as const;

/** Disjoint edits over a base of n lines, in order, each separated from the next by at least one untouched line. */
const editsArb = (n: number, owners: ReadonlyArray<(typeof OWNERS)[number]>) =>
  fc.array(fc.record({ gap: fc.integer({ min: 1, max: 4 }), length: fc.integer({ min: 0, max: 3 }), owner: fc.constantFrom(...owners), yours: fc.integer({ min: 0, max: 3 }), theirs: fc.integer({ min: 0, max: 3 }) }), { maxLength: 8 })
    .map((raw) => {
      const edits: Edit[] = [];
      let at = 0;
      raw.forEach((r, i) => {
        const start = at + (edits.length === 0 ? r.gap - 1 : r.gap);
        const end = start + r.length;
        const lines = (side: Side, count: number) => Array.from({ length: count }, (_, j) => `${side} edit ${i}.${j}\n`);
        // An overlap: the user writes at least one line of their own, so the two sides never agree.
        const yours = r.owner === 'theirs' ? undefined : lines('yours', r.owner === 'both' ? Math.max(1, r.yours) : r.yours);
        // And the template changes something there too: an insertion point needs a line.
        const theirs = r.owner === 'yours' ? undefined : lines('theirs', r.owner === 'both' && r.length === 0 ? Math.max(1, r.theirs) : r.theirs);
        // An edit that removes nothing and inserts nothing is no edit.
        if (end > n || (r.length === 0 && (yours?.length ?? 0) + (theirs?.length ?? 0) === 0)) return;
        edits.push({ start, end, ...(yours ? { yours } : {}), ...(theirs ? { theirs } : {}) });
        at = end;
      });
      return edits;
    });

describe('mergeThree: properties', () => {
  it('random non-overlapping edits by the user and by the template always merge, both kept (600 cases)', () => {
    const scenario = fc.integer({ min: 3, max: 40 }).chain((n) => fc.tuple(fc.constant(n), editsArb(n, ['yours', 'theirs'])));
    fc.assert(
      fc.property(scenario, ([n, edits]) => {
        const base = baseLines(n);
        const outcome = mergeThree(base.join(''), applyEdits(base, edits, ['yours']), applyEdits(base, edits, ['theirs']), '0.0.0');
        expect(outcome.clean).toBe(true);
        expect(outcome.text).toBe(applyEdits(base, edits, ['yours', 'theirs']));
      }),
      { numRuns: 600 },
    );
  });

  it('random overlapping edits are always reported, never silently resolved (600 cases)', () => {
    const scenario = fc.integer({ min: 3, max: 40 })
      .chain((n) => fc.tuple(fc.constant(n), editsArb(n, OWNERS)))
      .filter(([, edits]) => edits.some((e) => e.yours && e.theirs));
    let cases = 0;
    fc.assert(
      fc.property(scenario, ([n, edits]) => {
        cases++;
        const base = baseLines(n);
        const outcome = mergeThree(base.join(''), applyEdits(base, edits, ['yours']), applyEdits(base, edits, ['theirs']), '0.0.0');
        const overlaps = edits.filter((e) => e.yours && e.theirs);
        expect(outcome.clean).toBe(false);
        expect(outcome.hunks).toHaveLength(overlaps.length);
        expect(hasConflictMarkers(outcome.resolve('markers'))).toBe(true);
        // Each resolution holds its own side of every overlap and never the other's; the rest merges in.
        const mine = outcome.resolve('mine');
        const theirs = outcome.resolve('theirs');
        for (const e of overlaps) {
          for (const l of e.yours!) expect(mine).toContain(l);
          for (const l of e.yours!) expect(theirs).not.toContain(l);
          for (const l of e.theirs!) expect(theirs).toContain(l);
        }
        for (const e of edits.filter((x) => !(x.yours && x.theirs))) for (const l of [...(e.yours ?? []), ...(e.theirs ?? [])]) expect(mine).toContain(l);
      }),
      { numRuns: 600 },
    );
    expect(cases).toBeGreaterThanOrEqual(600);
  });
});
