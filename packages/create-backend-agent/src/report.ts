/** How results reach the user: aligned human lines (coloured on a TTY unless NO_COLOR) or one JSON object. */
import pc from 'picocolors';
import { BASES_PATH, unifiedDiff, type Change, type ChangeKind, type ConflictReason, type Plan } from '@create-backend-agent/core';

export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

const LABEL: Record<ChangeKind, (s: string) => string> = {
  create: pc.green,
  update: pc.cyan,
  merged: pc.cyan,
  moved: pc.cyan,
  unchanged: pc.dim,
  conflict: pc.red,
  'deleted-by-you': pc.yellow,
};

export const REASON: Record<ConflictReason, string> = {
  edited: 'you and the new version changed the same lines',
  unmanaged: 'exists and was not written by this tool',
  markers: 'still holds conflict markers from an earlier run: resolve them, then run again',
};

const width = Math.max(...Object.keys(LABEL).map((k) => k.length)) + 1;

export function planLines(plan: Plan): string[] {
  return plan.changes.map((c) => {
    const label = LABEL[c.kind](c.kind.padEnd(width));
    const from = c.from !== undefined ? pc.dim(` (from ${c.from})`) : '';
    const note = c.reason ? pc.dim(`  (${REASON[c.reason]})`) : c.kind === 'merged' ? pc.dim('  (your edits kept, new content merged in)') : c.kind === 'deleted-by-you' ? pc.dim('  (you deleted it; not written again)') : '';
    return `  ${label} ${c.path}${from}${note}`;
  });
}

/** Each overlapping hunk of a conflict: your lines, then the new version's, with line numbers in each. */
export function conflictHunks(change: Change): string {
  const lines: string[] = [];
  for (const hunk of change.hunks ?? []) {
    const range = (start: number, n: number) => (n <= 1 ? `line ${start}` : `lines ${start}-${start + n - 1}`);
    lines.push(pc.cyan(`  ${change.path}: ${range(hunk.yoursLine, hunk.yours.length)} of yours, ${range(hunk.theirsLine, hunk.theirs.length)} of the new version`));
    for (const l of hunk.yours) lines.push(pc.red(`    - ${l.replace(/\n$/, '')}`));
    for (const l of hunk.theirs) lines.push(pc.green(`    + ${l.replace(/\n$/, '')}`));
  }
  return lines.join('\n');
}

export function diffText(changes: readonly Change[]): string {
  return changes
    // A deleted file is not written; the bases file is compressed, a diff of it would be noise.
    .filter((c) => c.kind !== 'unchanged' && c.kind !== 'deleted-by-you' && c.path !== BASES_PATH)
    .map((c) => colourDiff(unifiedDiff(c)))
    .join('\n');
}

function colourDiff(diff: string): string {
  return diff
    .split('\n')
    .map((line) => (line.startsWith('+') && !line.startsWith('+++') ? pc.green(line) : line.startsWith('-') && !line.startsWith('---') ? pc.red(line) : line.startsWith('@@') ? pc.cyan(line) : line))
    .join('\n');
}

const COUNT_WORDS: Record<ChangeKind, string> = {
  create: 'to create', update: 'to update', merged: 'to merge', moved: 'to move', unchanged: 'unchanged', conflict: 'conflict', 'deleted-by-you': 'deleted by you',
};

export function countsLine(counts: Record<ChangeKind, number>): string {
  return (Object.keys(COUNT_WORDS) as ChangeKind[])
    .filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]} ${COUNT_WORDS[k]}`)
    .join(', ');
}

export { pc };
