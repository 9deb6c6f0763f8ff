/** Reads the target's root AGENTS.md, which the agents-md format shares with the user. */
import { join } from 'node:path';
import { AGENTS_MD_PATH } from '@create-backend-agent/core';
import { assertSafePath } from './target.js';
import { MB, readBounded } from './read-file.js';

/** The current text of AGENTS.md, or null when the target has none. */
export async function readAgentsMd(root: string): Promise<string | null> {
  await assertSafePath(root, AGENTS_MD_PATH);
  const file = join(root, AGENTS_MD_PATH);
  // Codex reads 32 KiB of it; anything near this bound is not an AGENTS.md to merge into.
  return readBounded(file, AGENTS_MD_PATH, 4 * MB, 'Move it away, or leave agents-md out of outputs.formats.');
}
