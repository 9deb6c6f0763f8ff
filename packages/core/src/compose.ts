/** Selects and orders the competency blocks that apply to the answers. */
import type { Answers } from './answers/schema.js';
import type { Block, Library } from './library/index.js';
import { evaluate } from './render/conditions.js';
import { byFocus } from './focus.js';

/**
 * Keeps the blocks whose `when` holds, the focus areas first (focus orders, it never drops: a
 * service focused on data still needs its security and testing rules); drops any block whose
 * `requires` are not all kept; of two conflicting blocks keeps the earlier one.
 */
export function composeBlocks(answers: Answers, lib: Library): Block[] {
  const order = byFocus<Block>(answers.focus, (b) => b.meta.area, (b) => b.meta.order, (b) => b.meta.id);
  let chosen = lib.blocks.filter((b) => evaluate(b.meta.when, answers)).sort(order);

  // Dropping one block can orphan another, so repeat until nothing changes.
  for (let changed = true; changed; ) {
    const ids = new Set(chosen.map((b) => b.meta.id));
    const kept = chosen.filter((b) => b.meta.requires.every((r) => ids.has(r)));
    changed = kept.length !== chosen.length;
    chosen = kept;
  }

  const kept: Block[] = [];
  for (const block of chosen) {
    const clash = kept.some((k) => k.meta.conflicts.includes(block.meta.id) || block.meta.conflicts.includes(k.meta.id));
    if (!clash) kept.push(block);
  }
  return kept;
}
