import { describe, expect, it } from 'vitest';
import { checkDate } from './date.js';
import { InputError } from './errors.js';

describe('checkDate', () => {
  it.each(['2026-11-21', '2024-02-29', '2026-12-31', '2026-01-01'])('accepts the calendar day %s', (date) => {
    expect(checkDate(date)).toBe(date);
  });

  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-1', '21-11-2026', '2026-11-21T00:00', ''])(
    'refuses %j with a one-line error naming it',
    (date) => {
      expect(() => checkDate(date)).toThrow(InputError);
      expect(() => checkDate(date)).toThrow(`Invalid date "${date}"`);
    },
  );
});
