/**
 * How much of each facet the core carries. The core names the few rules per technology that matter
 * most (facets list practices and pitfalls most important first); the rest lives in the skills'
 * references. Items are taken round-robin across the stack, so every technology gets its leading
 * practice before any gets a second one, and a bigger stack gets fewer per technology.
 */
import type { Facet } from '../library/schema.js';

/** At most this many of each facet's items reach the core, however small the stack. */
export const CORE_CAPS = { practices: 3, pitfalls: 2 } as const;

/** How many items the core could carry for this stack at most. */
export function coreItemCount(all: readonly Facet[]): number {
  return all.reduce((n, f) => n + Math.min(f.practices.length, CORE_CAPS.practices) + Math.min(f.pitfalls.length, CORE_CAPS.pitfalls), 0);
}

/**
 * Each facet's practices and pitfalls cut so that `items` of them remain in total: every facet's
 * leading practice first, then every facet's leading pitfall, then the second practices, and so on.
 */
export function budgetFacets(all: readonly Facet[], items: number): Map<string, { practices: number; pitfalls: number }> {
  const counts = new Map(all.map((f) => [f.id, { practices: 0, pitfalls: 0 }]));
  let left = items;
  const rounds = Math.max(CORE_CAPS.practices, CORE_CAPS.pitfalls);
  for (let round = 0; left > 0 && round < rounds; round++) {
    for (const kind of ['practices', 'pitfalls'] as const) {
      if (round >= CORE_CAPS[kind]) continue;
      for (const f of all) {
        if (left > 0 && round < f[kind].length) {
          counts.get(f.id)![kind]++;
          left--;
        }
      }
    }
  }
  return counts;
}

/** The stack with every facet cut to its budget (the same arrays a template loops over, shorter). */
export function budgetStack<S extends Record<string, Facet[]>>(stack: S, counts: Map<string, { practices: number; pitfalls: number }>): S {
  const cut = (f: Facet): Facet => {
    const c = counts.get(f.id) ?? { practices: 0, pitfalls: 0 };
    return { ...f, practices: f.practices.slice(0, c.practices), pitfalls: f.pitfalls.slice(0, c.pitfalls) };
  };
  return Object.fromEntries(Object.entries(stack).map(([k, v]) => [k, v.map(cut)])) as S;
}
