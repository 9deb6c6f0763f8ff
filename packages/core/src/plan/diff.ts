import { createTwoFilesPatch } from 'diff';
import type { Change } from './plan.js';

/** A unified diff of one planned change, as `git diff` would show it. */
export function unifiedDiff(change: Change): string {
  return createTwoFilesPatch(
    change.before === null ? '/dev/null' : `a/${change.from ?? change.path}`,
    `b/${change.path}`,
    change.before ?? '',
    change.after,
    undefined,
    undefined,
    { context: 3 },
  );
}
