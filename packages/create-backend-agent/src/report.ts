/** How results reach the user: aligned human lines (coloured on a TTY unless NO_COLOR) or one JSON object. */
import pc from 'picocolors';
import { unifiedDiff, type Change, type ChangeKind, type Plan } from '@create-backend-agent/core';

export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

const LABEL: Record<ChangeKind, (s: string) => string> = {
  create: pc.green,
  update: pc.cyan,
  unchanged: pc.dim,
  conflict: pc.red,
};

const REASON = {
  edited: 'edited since it was generated',
  unmanaged: 'exists and was not written by this tool',
} as const;

export function planLines(plan: Plan): string[] {
  return plan.changes.map((c) => {
    const label = LABEL[c.kind](c.kind.padEnd(10));
    const note = c.reason ? pc.dim(`  (${REASON[c.reason]})`) : '';
    return `  ${label} ${c.path}${note}`;
  });
}

export function diffText(changes: readonly Change[]): string {
  return changes
    .filter((c) => c.kind !== 'unchanged')
    .map((c) => colourDiff(unifiedDiff(c)))
    .join('\n');
}

function colourDiff(diff: string): string {
  return diff
    .split('\n')
    .map((line) => (line.startsWith('+') && !line.startsWith('+++') ? pc.green(line) : line.startsWith('-') && !line.startsWith('---') ? pc.red(line) : line.startsWith('@@') ? pc.cyan(line) : line))
    .join('\n');
}

export function countsLine(counts: Record<ChangeKind, number>): string {
  const parts = (['create', 'update', 'unchanged', 'conflict'] as const)
    .filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]} ${k === 'create' ? 'to create' : k === 'update' ? 'to update' : k}`);
  return parts.join(', ');
}

export { pc };
