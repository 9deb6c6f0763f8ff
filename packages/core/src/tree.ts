/**
 * The in-memory output: repository-relative path -> file content. Nothing touches the disk until the
 * edge applies a plan made from it (the way nx generators write into a virtual Tree).
 */
export type Tree = ReadonlyMap<string, string>;

/** A tree whose entries are sorted by path, so iteration (and output) order is deterministic. */
export function makeTree(entries: Iterable<readonly [string, string]>): Tree {
  const map = new Map<string, string>();
  for (const [path, content] of entries) {
    if (map.has(path)) throw new Error(`two outputs want the same path: ${path}`);
    map.set(path, content);
  }
  return new Map([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
