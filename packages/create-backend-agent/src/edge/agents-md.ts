/** Reads the target's root AGENTS.md, which the agents-md format shares with the user. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AGENTS_MD_PATH } from '@create-backend-agent/core';
import { assertSafePath } from './target.js';

/** The current text of AGENTS.md, or null when the target has none. */
export async function readAgentsMd(root: string): Promise<string | null> {
  await assertSafePath(root, AGENTS_MD_PATH);
  const file = join(root, AGENTS_MD_PATH);
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    // A folder in the way is reported by readTarget, with the other paths the run would write.
    if (['ENOENT', 'EISDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return null;
    throw error;
  }
}
