/** Runs the built CLI the way a user's shell would: a real process, no TTY, colours off. */
import { execa } from 'execa';
import fs from 'fs-extra';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';

export const CLI = fileURLToPath(new URL('../../packages/create-backend-agent/dist/bin.cjs', import.meta.url));
export const DATE = '2026-11-21';

export async function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  return execa('node', [CLI, ...args], {
    cwd: options.cwd ?? tmpdir(),
    env: { NO_COLOR: '1', ...options.env },
    extendEnv: true,
    reject: false,
    stdin: 'ignore',
  });
}

export async function tempDir(prefix = 'cba-'): Promise<string> {
  return fs.mkdtemp(join(tmpdir(), prefix));
}

export interface FileState {
  content: string;
  mtimeMs: number;
}

/** Every file under dir (relative path -> content and mtime), to prove what a run did or did not touch. */
export async function snapshot(dir: string): Promise<Map<string, FileState>> {
  const out = new Map<string, FileState>();
  if (!(await fs.pathExists(dir))) return out;
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else {
        const stats = await fs.lstat(full);
        out.set(relative(dir, full), { content: entry.isSymbolicLink() ? `-> ${await fs.readlink(full)}` : await fs.readFile(full, 'utf8'), mtimeMs: stats.mtimeMs });
      }
    }
  };
  await walk(dir);
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}
