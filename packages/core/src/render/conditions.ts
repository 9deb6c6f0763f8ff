import type { Condition } from '../library/schema.js';
import { getPath } from '../answers/paths.js';

/** Evaluates a block's `when` condition against the answers. Conditions are data, never code. */
export function evaluate(condition: Condition | undefined, answers: unknown): boolean {
  if (!condition) return true;
  if ('all' in condition) return condition.all.every((c) => evaluate(c, answers));
  if ('any' in condition) return condition.any.some((c) => evaluate(c, answers));
  if ('not' in condition) return !evaluate(condition.not, answers);
  const value = getPath(answers, condition.path);
  if ('nonEmpty' in condition) return Array.isArray(value) ? value.length > 0 : Boolean(value);
  if ('includes' in condition) return Array.isArray(value) && value.includes(condition.includes);
  if ('includesAny' in condition) return Array.isArray(value) && condition.includesAny.some((x) => value.includes(x));
  if ('equals' in condition) return value === condition.equals;
  if ('atMost' in condition) return typeof value === 'number' && value <= condition.atMost;
  if ('atLeast' in condition) return typeof value === 'number' && value >= condition.atLeast;
  return condition.in.includes(value as string | number | boolean);
}
