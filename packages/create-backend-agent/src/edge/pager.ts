/**
 * Showing a long text the way git does: through $PAGER (else `less -R`, which keeps the colours)
 * when it is taller than the terminal, printed as it is otherwise.
 */
import { createRequire } from 'node:module';
import type { Output } from '../report.js';

export type Pager = (text: string) => Promise<void>;

export function terminalPager(output: Output, rows: number | undefined, vars: Readonly<Record<string, string | undefined>>): Pager {
  return async (text) => {
    if (rows === undefined || text.split('\n').length < rows) {
      output.out(text);
      return;
    }
    const command = vars.PAGER?.trim() || 'less -R';
    // Loaded only to page: child_process brings net, dgram and streams, a few ms of every scaffold.
    // Required, not import()ed: the code cache's loader runs chunks as CommonJS scripts (code-cache.ts).
    const { spawn } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
    const shown = await new Promise<boolean>((resolve) => {
      const child = spawn(command, { shell: true, stdio: ['pipe', 'inherit', 'inherit'] });
      child.on('error', () => resolve(false));
      child.on('close', (code) => resolve(code === 0));
      child.stdin.on('error', () => undefined); // The user quit the pager before reading it all.
      child.stdin.end(text);
    });
    // No pager on this machine: the text is still worth seeing.
    if (!shown) output.out(text);
  };
}
