/**
 * Starts the real coding tools offline: each in a throwaway HOME (no user config, no credentials),
 * with telemetry and auto-update off and dummy keys, from the pinned install (CBA_CLIENTS_DIR).
 */
import { execa } from 'execa';
import fs from 'fs-extra';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir, DATE } from '../../support/cli.js';

export const CLIENTS_DIR = process.env.CBA_CLIENTS_DIR ?? '';
export const VERSIONS: Record<string, string> = JSON.parse(readFileSync(join(CLIENTS_DIR, 'installed.json'), 'utf8'));

export const bin = (name: string) => join(CLIENTS_DIR, 'node_modules', '.bin', name);
export const packageDir = (name: string) => join(CLIENTS_DIR, 'node_modules', name);

/** Environment every client gets: nothing of the developer's, nothing that phones home. */
export function offlineEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
    TMPDIR: join(home, 'tmp'),
    NO_COLOR: '1',
    CI: '1',
    DISABLE_TELEMETRY: '1',
    DISABLE_AUTOUPDATER: '1',
    DISABLE_ERROR_REPORTING: '1',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    OPENCODE_DISABLE_AUTOUPDATE: '1',
    OPENCODE_DISABLE_MODELS_FETCH: '1',
    OPENCODE_DISABLE_SHARE: '1',
    OPENCODE_DISABLE_LSP_DOWNLOAD: '1',
    GEMINI_CLI_NO_RELAUNCH: 'true',
    COPILOT_AUTO_UPDATE: 'false',
    ...extra,
  };
}

export async function freshHome(): Promise<string> {
  const home = await tempDir('cba-client-home-');
  await fs.ensureDir(join(home, 'tmp'));
  return home;
}

export async function runClient(name: string, args: readonly string[], options: { cwd: string; env: Record<string, string>; input?: string }) {
  return execa(bin(name), args, {
    cwd: options.cwd,
    env: options.env,
    extendEnv: false,
    reject: false,
    timeout: 90_000,
    ...(options.input === undefined ? { stdin: 'ignore' as const } : { input: options.input }),
  });
}

/** A freshly generated target with the given formats (a git repository, as clients expect). */
export async function generatedTarget(formats: readonly string[], extra: readonly string[] = []): Promise<string> {
  const dir = await tempDir('cba-client-target-');
  const result = await runCli([dir, '--yes', '--date', DATE, '--set', `outputs.formats=${formats.join(',')}`, ...extra]);
  if (result.exitCode !== 0) throw new Error(`generation failed: ${result.stderr || result.stdout}`);
  await execa('git', ['init', '-q', dir]);
  return dir;
}

/** How many times a line matching `pattern` occurs in text. */
export function occurrences(text: string, pattern: RegExp): number {
  return [...text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'))].length;
}

/** The skills a generated target holds, by folder (`.claude/skills`, `.agents/skills`): name -> folders. */
export async function generatedSkills(dir: string): Promise<Map<string, string[]>> {
  const skills = new Map<string, string[]>();
  for (const folder of ['.claude/skills', '.agents/skills']) {
    const base = join(dir, folder);
    if (!(await fs.pathExists(base))) continue;
    for (const name of await fs.readdir(base)) {
      if (await fs.pathExists(join(base, name, 'SKILL.md'))) skills.set(name, [...(skills.get(name) ?? []), folder]);
    }
  }
  return skills;
}

/** How many times each of the names occurs in a list a client printed. */
export function countEach(names: Iterable<string>, listed: readonly string[]): Record<string, number> {
  return Object.fromEntries([...names].map((n) => [n, listed.filter((l) => l === n).length]));
}
