/**
 * Finding and reading an existing ADR log, as pure functions of a RepoView: which folder holds it,
 * how its files are named (number width, or log4brains' date prefix), its highest number, and each
 * record's status. Generation and `add adr` continue a log from this; stack detection reuses it.
 */
import { parse as parseYaml } from 'yaml';
import type { RepoView } from '../repo-view.js';

/** Folders that hold ADRs by convention, in the order they are tried after the tools' own config files. */
export const ADR_LOG_FOLDERS = ['doc/adr', 'docs/adr', 'docs/decisions', 'adr'] as const;

/** adr-tools' folder when no `.adr-dir` names another. */
export const ADR_TOOLS_DEFAULT_DIR = 'doc/adr';

export type AdrLogSource = '.adr-dir' | '.log4brains.yml' | 'folder';

/**
 * How a log names its records. `number`: `0007-title.md`, zero-padded to `width` digits (1 means
 * unpadded). `date`: `20240131-title.md`, log4brains' default, whose titles carry no number.
 */
export type AdrNaming = { kind: 'number'; width: number } | { kind: 'date' };

export interface AdrRecord {
  /** Repository-relative path. */
  path: string;
  /** The numeric prefix of the file name (a date as YYYYMMDD in a date-named log). */
  number: number;
  /** The file name without its prefix and `.md`. */
  slug: string;
  /** The record's status, lower case, first word only ("accepted", "superseded"), when one is found. */
  status?: string;
}

export interface AdrLog {
  /** Repository-relative folder, no leading `./`, no trailing slash. */
  dir: string;
  /** What pointed at the folder. */
  source: AdrLogSource;
  naming: AdrNaming;
  /** Highest record number, 0 for an empty log (always 0 for a date-named log). */
  highest: number;
  /** Records directly in the folder, by number then path. */
  records: AdrRecord[];
  /** The folder an existing `.adr-dir` names, when there is one (whatever folder this log is). */
  adrToolsDir?: string;
}

/** The naming of a log that does not exist yet: adr-tools' four digits. */
export const NEW_LOG_NAMING: AdrNaming = { kind: 'number', width: 4 };

const RECORD_FILE = /^(\d+)-(.+)\.md$/;

/** `./docs/adr/` -> `docs/adr`; undefined for paths that leave the repository. */
export function normalizeDir(raw: string): string | undefined {
  const dir = raw.trim().replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  if (dir === '' || dir === '.' || dir.startsWith('/') || /^[A-Za-z]:/.test(dir) || dir.split('/').includes('..')) return undefined;
  return dir;
}

function adrToolsDir(view: RepoView): string | undefined {
  const text = view.read('.adr-dir');
  return text === undefined ? undefined : normalizeDir(text.split('\n')[0] ?? '');
}

function log4brainsDir(view: RepoView): string | undefined {
  const text = view.read('.log4brains.yml');
  if (text === undefined) return undefined;
  try {
    const config = parseYaml(text) as { project?: { adrFolder?: unknown } } | null;
    const folder = config?.project?.adrFolder;
    return typeof folder === 'string' ? normalizeDir(folder) : undefined;
  } catch {
    return undefined; // A broken config is log4brains' problem to report; we fall back to the folders.
  }
}

function recordFilesIn(view: RepoView, dir: string): Array<{ path: string; name: string }> {
  const prefix = `${dir}/`;
  return view.files
    .filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/'))
    .map((path) => ({ path, name: path.slice(prefix.length) }))
    .filter(({ name }) => RECORD_FILE.test(name));
}

/**
 * Finds the repository's ADR log: the folder `.adr-dir` names, else `.log4brains.yml`'s
 * `project.adrFolder`, else the first conventional folder that holds numbered records.
 * Undefined when the repository has none.
 */
export function findAdrLog(view: RepoView): AdrLog | undefined {
  const configured: Array<[AdrLogSource, string | undefined]> = [
    ['.adr-dir', adrToolsDir(view)],
    ['.log4brains.yml', log4brainsDir(view)],
  ];
  for (const [source, dir] of configured) if (dir !== undefined) return readAdrLog(view, dir, source);
  for (const dir of ADR_LOG_FOLDERS) {
    if (recordFilesIn(view, dir).length > 0) return readAdrLog(view, dir, 'folder');
  }
  return undefined;
}

const isDatePrefix = (digits: string) => {
  if (!/^(19|20)\d{6}$/.test(digits)) return false;
  const month = Number(digits.slice(4, 6));
  const day = Number(digits.slice(6, 8));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
};

/** The records in `dir` and how they are named; an empty log when the folder holds none. */
export function readAdrLog(view: RepoView, dir: string, source: AdrLogSource = 'folder'): AdrLog {
  const folder = normalizeDir(dir) ?? dir;
  const files = recordFilesIn(view, folder).map(({ path, name }) => {
    const [, digits, slug] = RECORD_FILE.exec(name)!;
    return { path, digits: digits!, slug: slug! };
  });
  const records: AdrRecord[] = files
    .map(({ path, digits, slug }) => {
      const status = adrStatusOf(view.read(path) ?? '');
      return { path, number: Number(digits), slug, ...(status ? { status } : {}) };
    })
    .sort((a, b) => a.number - b.number || (a.path < b.path ? -1 : 1));
  const naming = namingOf(files.map((f) => f.digits));
  const highest = naming.kind === 'date' ? 0 : Math.max(0, ...records.map((r) => r.number));
  const toolsDir = adrToolsDir(view);
  return { dir: folder, source, naming, highest, records, ...(toolsDir ? { adrToolsDir: toolsDir } : {}) };
}

/**
 * Padded logs keep a fixed width (the widest zero-padded prefix); logs without leading zeros are
 * unpadded; a log whose every prefix is a date is date-named.
 */
function namingOf(prefixes: readonly string[]): AdrNaming {
  if (prefixes.length === 0) return NEW_LOG_NAMING;
  if (prefixes.every(isDatePrefix)) return { kind: 'date' };
  const padded = prefixes.filter((d) => d.length > 1 && d.startsWith('0'));
  return { kind: 'number', width: padded.length > 0 ? Math.max(...padded.map((d) => d.length)) : 1 };
}

/** The part of a Markdown record between its first H1 and its first H2 (log4brains' metadata list). */
function headerOf(lines: readonly string[]): readonly string[] {
  const h1 = lines.findIndex((l) => /^# /.test(l));
  const start = h1 === -1 ? 0 : h1 + 1;
  const h2 = lines.findIndex((l, i) => i >= start && /^## /.test(l));
  return lines.slice(start, h2 === -1 ? lines.length : h2);
}

/**
 * A record's status, lower case, first word: the `- Status:` bullet under the title (log4brains),
 * else the first line of the `## Status` section (adr-tools), else `status:` in YAML frontmatter
 * (MADR). "Superseded by [2. x](0002-x.md)" gives "superseded".
 */
export function adrStatusOf(markdown: string): string | undefined {
  const { body, frontmatter } = splitFrontmatter(markdown);
  const lines = body.split('\n');
  const bullet = headerOf(lines).map((l) => /^\s*[-*+]\s*status\s*:\s*(.*)$/i.exec(l)).find(Boolean);
  if (bullet?.[1]) return firstWord(bullet[1]);
  const heading = lines.findIndex((l) => /^##\s+status\s*$/i.test(l));
  if (heading !== -1) {
    const line = lines.slice(heading + 1).find((l) => l.trim() !== '');
    if (line && !line.startsWith('#')) return firstWord(line);
  }
  const status = frontmatter ? /^status:\s*["']?([^"'\n]*)/m.exec(frontmatter)?.[1] : undefined;
  return status ? firstWord(status) : undefined;
}

function firstWord(text: string): string | undefined {
  return /[a-z]+/i.exec(text)?.[0]?.toLowerCase();
}

export function splitFrontmatter(markdown: string): { frontmatter?: string; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(markdown);
  return match ? { frontmatter: match[1]!, body: markdown.slice(match[0].length) } : { body: markdown };
}

const DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** How a log's files are named, in words for the docs and the agent. */
export function adrNamingText(naming: AdrNaming): { filePattern: string; numberingRule: string } {
  if (naming.kind === 'date') {
    return {
      filePattern: 'YYYYMMDD-title-in-kebab-case.md',
      numberingRule: "prefixed with the date of the decision (log4brains' naming)",
    };
  }
  if (naming.width <= 1) {
    return { filePattern: 'N-title-in-kebab-case.md', numberingRule: 'numbered one past the highest number already there, without leading zeros' };
  }
  return {
    filePattern: `${'N'.repeat(naming.width)}-title-in-kebab-case.md`,
    numberingRule: `numbered one past the highest number already there, ${DIGITS[naming.width] ?? naming.width} digits wide`,
  };
}
