/**
 * The three-way merge of one file: base (what the tool wrote last) → the user's file on disk, and
 * base → the new rendering. Line-based, with node-diff3 (the diff3 algorithm of GNU diff3 and git,
 * as formalised by Khanna, Kunal and Pierce) rather than a hand-written one. Pure.
 *
 * Like diff3, changes on adjacent lines, or two insertions at the same place, count as overlapping:
 * a merge never guesses an order the two sides did not agree on.
 */
import { diff3Merge } from 'node-diff3';

/** The label of each side in conflict markers, as git writes them. */
export const MARKER_YOURS = '<<<<<<< yours';
export const MARKER_SEPARATOR = '=======';
export const MARKER_THEIRS_PREFIX = '>>>>>>> create-backend-agent';

export type Resolution = 'markers' | 'mine' | 'theirs';

export interface ConflictHunk {
  /** 1-based first line of the hunk in the user's file, and in the new rendering. */
  yoursLine: number;
  theirsLine: number;
  yours: string[];
  base: string[];
  theirs: string[];
}

export interface MergeOutcome {
  /** No overlapping changes: `text` holds both sides. */
  clean: boolean;
  /** The merge with the user's side of each conflict (equal to `resolve('mine')`). */
  text: string;
  hunks: ConflictHunk[];
  /** The whole file with each conflicting hunk resolved the given way. */
  resolve(how: Resolution): string;
}

/** Lines with their line breaks, so joining them gives the text back byte for byte. */
export function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

export function mergeThree(base: string, yours: string, theirs: string, toolVersion: string): MergeOutcome {
  const regions = diff3Merge(splitLines(yours), splitLines(base), splitLines(theirs), { excludeFalseConflicts: true });
  const hunks: ConflictHunk[] = [];
  for (const region of regions) {
    if (region.conflict) {
      const { a, aIndex, o, b, bIndex } = region.conflict;
      hunks.push({ yoursLine: aIndex + 1, theirsLine: bIndex + 1, yours: a, base: o, theirs: b });
    }
  }
  const resolve = (how: Resolution): string => {
    let out = '';
    for (const region of regions) {
      if (region.ok) out += region.ok.join('');
      else if (region.conflict) {
        const { a, b } = region.conflict;
        if (how === 'mine') out += a.join('');
        else if (how === 'theirs') out += b.join('');
        else out += markerHunk(a, b, toolVersion);
      }
    }
    return out;
  };
  return { clean: hunks.length === 0, text: resolve('mine'), hunks, resolve };
}

function markerHunk(yours: readonly string[], theirs: readonly string[], toolVersion: string): string {
  // A side that ends without a line break would glue its last line to the marker after it.
  const side = (lines: readonly string[]) => lines.join('').replace(/([^\n])$/, '$1\n');
  return `${MARKER_YOURS}\n${side(yours)}${MARKER_SEPARATOR}\n${side(theirs)}${MARKER_THEIRS_PREFIX} ${toolVersion}\n`;
}

/** Whether a file still holds the markers an earlier `--conflict markers` run wrote into it. */
export function hasConflictMarkers(text: string): boolean {
  const lines = text.split('\n');
  const begin = lines.indexOf(MARKER_YOURS);
  return begin !== -1 && lines.slice(begin + 1).some((l) => l.startsWith(MARKER_THEIRS_PREFIX));
}
