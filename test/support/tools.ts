/**
 * The real tools the generated docs must satisfy: markdownlint-cli2 and log4brains (devDependencies)
 * and adr-tools (a system package). A tool that is missing skips its tests with a message saying how
 * to install it, except under REQUIRE_REAL_TOOLS=1 (set by .ci/run), where a missing tool fails.
 */
import { execa } from 'execa';
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const MARKDOWNLINT_CONFIG = join(ROOT, '.markdownlint-cli2.jsonc');
const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);

/** True when the tool is there; otherwise warns (or, under REQUIRE_REAL_TOOLS=1, throws). */
export function toolAvailable(name: string, available: boolean, install: string): boolean {
  if (available) return true;
  const message = `${name} is not installed, so its tests are skipped: ${install}`;
  if (process.env.REQUIRE_REAL_TOOLS === '1') throw new Error(message.replace('so its tests are skipped', 'and REQUIRE_REAL_TOOLS=1 requires it'));
  console.warn(message);
  return false;
}

export const hasAdrTools = () => spawnSync('sh', ['-c', 'command -v adr'], { stdio: 'ignore' }).status === 0;
export const hasPromtool = () => spawnSync('sh', ['-c', 'command -v promtool'], { stdio: 'ignore' }).status === 0;
export const hasLog4brains = () => existsSync(bin('log4brains'));
export const hasMarkdownlint = () => existsSync(bin('markdownlint-cli2'));

/** markdownlint-cli2 with this repository's config over `globs` under `cwd`. */
export function markdownlint(cwd: string, globs: readonly string[]) {
  return execa(bin('markdownlint-cli2'), ['--config', MARKDOWNLINT_CONFIG, ...globs], { cwd, reject: false, env: { NO_COLOR: '1' } });
}

/** adr-tools, never opening an editor, with a fixed date. */
export function adr(cwd: string, args: readonly string[]) {
  return execa('adr', args, { cwd, reject: false, env: { VISUAL: 'true', EDITOR: 'true', ADR_DATE: '2026-12-01' } });
}

export function log4brains(cwd: string, args: readonly string[]) {
  return execa(bin('log4brains'), args, { cwd, reject: false, env: { NO_COLOR: '1', FORCE_COLOR: '0' } });
}

/** The ADRs as log4brains' own parser reads them (title, status, date, superseder). */
export async function log4brainsRecords(cwd: string): Promise<Array<{ slug: string; title: string; status: string; publicationDate: string | null; supersededBy: string | null }>> {
  const { createRequire } = await import('node:module');
  // pnpm keeps log4brains' own dependencies next to its real folder, not at the top level.
  const require = createRequire(realpathSync(join(ROOT, 'node_modules/log4brains/package.json')));
  const { Log4brains } = require('@log4brains/core') as { Log4brains: { create(dir: string): { searchAdrs(): Promise<never[]> } } };
  return Log4brains.create(cwd).searchAdrs();
}
