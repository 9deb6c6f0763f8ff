import type { BlockMeta } from './schema.js';

/** Thrown at build time when requires/conflicts refer to unknown ids or form a cycle. */
export class LibraryGraphError extends Error {
  override readonly name = 'LibraryError';
}

/** requires/conflicts must name existing blocks, and requires must form no cycle. */
export function checkLibraryGraph(blocks: readonly BlockMeta[]): void {
  const byId = new Map(blocks.map((b) => [b.id, b]));
  const problems: string[] = [];
  for (const block of blocks) {
    for (const ref of [...block.requires, ...block.conflicts]) {
      if (!byId.has(ref)) problems.push(`block ${block.id} refers to unknown block "${ref}"`);
    }
    if (block.conflicts.includes(block.id)) problems.push(`block ${block.id} conflicts with itself`);
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      problems.push(`requires cycle: ${[...trail.slice(trail.indexOf(id)), id].join(' -> ')}`);
      return;
    }
    state.set(id, 'visiting');
    for (const next of byId.get(id)?.requires ?? []) if (byId.has(next)) visit(next, [...trail, id]);
    state.set(id, 'done');
  };
  for (const block of blocks) visit(block.id, []);
  if (problems.length > 0) throw new LibraryGraphError(problems.join('; '));
}
