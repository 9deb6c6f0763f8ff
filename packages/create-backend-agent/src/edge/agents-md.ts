/** Reads the target's root AGENTS.md, which the agents-md format shares with the user. */
import { join } from 'node:path';
import { AGENTS_MD_PATH } from '@create-backend-agent/core';
import { assertSafePath } from './target.js';
import { MB, readBounded } from './read-file.js';

/** The current text of an AGENTS.md (the root's, or a service folder's), or null when the target has none. */
export async function readAgentsMd(root: string, path: string = AGENTS_MD_PATH): Promise<string | null> {
  await assertSafePath(root, path);
  const file = join(root, path);
  // Codex reads 32 KiB of it; anything near this bound is not an AGENTS.md to merge into.
  return readBounded(file, path, 4 * MB, 'Move it away, or leave agents-md out of outputs.formats.');
}
