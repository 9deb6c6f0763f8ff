/**
 * The merge bases: what the tool wrote last at each path (for AGENTS.md, its block), so a later run
 * can merge three ways offline, with no git and no older version of the tool.
 *
 * Where they live, and why: one file, `.backend-agent/bases`, holding the files brotli-compressed,
 * as base64 text. Not a plain-text copy of the docs and the agent: `grep` and coding agents search the
 * repository, and a second readable copy would be a second version of the truth (an agent could
 * "fix" the stale one, or quote it). Compressed, it is opaque to both, and small: one brotli stream
 * over every file dedupes the agent formats against each other (61 KB of base64 for the default
 * 123 KB of output, 66 KB for all ten formats' 495 KB).
 * Text rather than binary, so the apply edge writes it like any other file. It is bookkeeping, like
 * the manifest beside it, whose sha256 records verify each base before it is trusted.
 *
 * When the file is missing (a manifest from before bases existed, or deleted) and the tool version
 * has not changed, the edge regenerates the bases from the recorded answers instead (basesFromTree):
 * the same answers and version render the same bytes, and the recorded hashes prove it.
 */
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { sha256 } from '../hash.js';
import { ownedContent } from '../formats/agents-md.js';
import { MANIFEST_PATH } from '../paths.js';
import type { Tree } from '../tree.js';

export const BASES_PATH = '.backend-agent/bases';
const HEADER = 'create-backend-agent merge bases v2: what the tool last wrote, brotli-compressed in base64 (docs/updates.md). Commit it with manifest.json; do not edit.';
/** The first format, read still: the same files as one JSON object, `{"files":{path: content}}`. */
const HEADER_V1 = 'create-backend-agent merge bases v1:';

/** path → the content the tool last wrote there (the owned part, for a file shared with the user). */
export type Bases = ReadonlyMap<string, string>;

const LARGE_BASES = 4 * 1024 * 1024;

/**
 * The files, framed rather than JSON: each as its path, its length in UTF-16 code units and its
 * content, on lines of their own (`path\nlength\ncontent\n`), sorted by path. Paths hold no line
 * breaks (answers refuse control characters). Escaping every quote and line break of the docs as
 * JSON was most of the encoding's time: about 4 ms of the default scaffold, 90 ms of a 200-service
 * monorepo's 14 MB.
 */
function frame(bases: Bases): string {
  let out = '';
  for (const path of [...bases.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const content = bases.get(path)!;
    out += `${path}\n${content.length}\n${content}\n`;
  }
  return out;
}

/** The files of a framed text, or null when it is not one. */
function unframe(text: string): Map<string, string> | null {
  const files = new Map<string, string>();
  let at = 0;
  while (at < text.length) {
    const pathEnd = text.indexOf('\n', at);
    const lengthEnd = pathEnd < 0 ? -1 : text.indexOf('\n', pathEnd + 1);
    if (lengthEnd < 0) return null;
    const length = text.slice(pathEnd + 1, lengthEnd);
    if (!/^\d+$/.test(length)) return null;
    const end = lengthEnd + 1 + Number(length);
    if (text[end] !== '\n') return null;
    files.set(text.slice(at, pathEnd), text.slice(lengthEnd + 1, end));
    at = end + 1;
  }
  return files;
}

export function encodeBases(bases: Bases): string {
  const framed = Buffer.from(frame(bases), 'utf8');
  // Quality 5 with a 16 MB window: within 2% of quality 9's size at a quarter of its time (about
  // 7 ms for 220 KB of output; quality 11 saves 10% more for 20 times the time). A monorepo's
  // bases run to megabytes (12 MB for 200 services), where quality 3 takes half of quality 5's
  // time (58 ms against 122) for a third more bytes (148 KB against 112). The parameters follow
  // from the input alone, so the same bases give the same bytes.
  const quality = framed.length > LARGE_BASES ? 3 : 5;
  const packed = brotliCompressSync(framed, {
    params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: framed.length },
  }).toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < packed.length; i += 76) lines.push(packed.slice(i, i + 76));
  return `${HEADER}\n${lines.join('\n')}\n`;
}

/**
 * The bases a bases file holds (either format), each checked against the manifest's record for its
 * path: a base whose hash does not match is dropped (the file was edited, or belongs to another
 * run). Null when the file cannot be read at all.
 */
export function decodeBases(text: string, records: Readonly<Record<string, string>>): Bases | null {
  let files: ReadonlyMap<string, unknown> | null;
  try {
    const [header = '', ...body] = text.split('\n');
    const inflated = brotliDecompressSync(Buffer.from(body.join(''), 'base64')).toString('utf8');
    if (header.startsWith(HEADER_V1)) {
      const json = (JSON.parse(inflated) as { files?: unknown }).files;
      files = typeof json === 'object' && json !== null ? new Map(Object.entries(json)) : null;
    } else {
      files = header === HEADER ? unframe(inflated) : null;
    }
  } catch {
    return null;
  }
  if (files === null) return null;
  const bases = new Map<string, string>();
  for (const [path, content] of files) {
    if (typeof content === 'string' && records[path] === sha256(content)) bases.set(path, content);
  }
  return bases;
}

/** Bases recovered from a rendering of the recorded answers: each file whose owned part hashes to its record. */
export function basesFromTree(tree: Tree, records: Readonly<Record<string, string>>): Bases {
  const bases = new Map<string, string>();
  for (const [path, content] of tree) {
    if (path === MANIFEST_PATH) continue;
    const owned = ownedContent(path, content);
    if (owned !== null && records[path] === sha256(owned)) bases.set(path, owned);
  }
  return bases;
}
