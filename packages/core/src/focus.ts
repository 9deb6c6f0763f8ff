/**
 * The `focus` answer weights and orders; it never removes. Areas named in it come first, in the
 * order given; everything else follows in the library's own order.
 */
import type { Area } from './library/kinds.js';

export function byFocus<T>(
  focus: readonly string[],
  area: (item: T) => Area,
  order: (item: T) => number,
  id: (item: T) => string,
): (a: T, b: T) => number {
  const rank = (item: T) => {
    const at = focus.indexOf(area(item));
    return at === -1 ? focus.length : at;
  };
  return (a, b) => rank(a) - rank(b) || order(a) - order(b) || id(a).localeCompare(id(b));
}

export function inFocus(focus: readonly string[], area: Area): boolean {
  return focus.includes(area);
}
