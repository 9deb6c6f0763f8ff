import { InputError } from './errors.js';

/**
 * Checks that `date` is a real calendar day written YYYY-MM-DD. `Date.parse` alone is not enough:
 * it rolls 2026-02-30 over to March 2, and that date would then be written into every record.
 */
export function checkDate(date: string, option = '--date'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [year, month, day] = match ? match.slice(1).map(Number) as [number, number, number] : [0, 0, 0];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  const real = match !== null && parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
  if (!real) throw new InputError(`Invalid date "${date}": not a calendar day in YYYY-MM-DD form.`, `Use e.g. ${option} 2026-11-21.`);
  return date;
}
