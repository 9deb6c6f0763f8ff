import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thousands } from './thousands.js';

describe('thousands', () => {
  it('writes what toLocaleString("en-US") writes, for every integer and some fractions', () => {
    for (const n of [0, 7, 999, 1000, 12_345, 999_999, 1_000_000, -1, -1000, -123_456_789, 0.5, 1234.5678, Number.MAX_SAFE_INTEGER]) {
      expect(thousands(n), String(n)).toBe(n.toLocaleString('en-US'));
    }
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => thousands(n) === n.toLocaleString('en-US')), { numRuns: 2000 });
  });
});
