/** Builds the core's read-only RepoView from disk: globbed once, files read lazily and cached. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import type { RepoView } from '@create-backend-agent/core';

/** Never worth reading for detection, and often huge. */
export const IGNORED = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/build/**', '**/target/**', '**/vendor/**', '**/.venv/**', '**/venv/**', '**/__pycache__/**', '**/.next/**', '**/coverage/**'];

export function diskRepoView(root: string, options: { maxFileBytes?: number } = {}): RepoView {
  const files = globSync('**/*', { cwd: root, dot: true, ignore: IGNORED, onlyFiles: true, followSymbolicLinks: false }).sort();
  const cache = new Map<string, string | undefined>();
  const limit = options.maxFileBytes ?? 1024 * 1024;
  const inView = new Set(files);
  return {
    files,
    read(path) {
      if (!inView.has(path)) return undefined;
      if (!cache.has(path)) {
        try {
          const text = readFileSync(join(root, path), 'utf8');
          cache.set(path, text.length > limit ? undefined : text);
        } catch {
          cache.set(path, undefined);
        }
      }
      return cache.get(path);
    },
  };
}
