/**
 * AGENTS.md at the repository root, shared with the user: the tool owns only the block between its
 * begin and end markers and leaves every other byte of the file as it was. A file without markers
 * gets the block appended; re-runs replace what is inside the block. The manifest records a hash
 * of the block alone (ownedContent), so the user's own edits outside it are never a conflict.
 */
import { InputError } from '../errors.js';
import { shiftHeadings } from './agent-body.js';
import { renderFitted } from './fit.js';
import type { AgentFormat } from './format.js';

export const AGENTS_MD_PATH = 'AGENTS.md';
export const BEGIN_MARKER = '<!-- backend-agent:begin (written by create-backend-agent: re-runs replace everything up to the end marker; text outside this block is yours) -->';
export const END_MARKER = '<!-- backend-agent:end -->';
const BEGIN = '<!-- backend-agent:begin';
const END = '<!-- backend-agent:end';
/** What a new AGENTS.md starts with, outside the block (so the user may change it). */
export const NEW_FILE_HEADER = '# AGENTS.md\n\n';

export interface BlockSpan {
  /** Offset of the begin marker's line. */
  start: number;
  /** Offset just past the end marker's line, its line break included. */
  end: number;
}

const MARKERS_ADVICE = `Keep exactly one line starting "${BEGIN}" above one line "${END_MARKER}" in AGENTS.md, or delete both lines to have the block appended again.`;

/** Finds the managed block. Null when the file has no markers; an InputError when they are malformed. */
export function findBlock(text: string): BlockSpan | null {
  const begins: BlockSpan[] = [];
  const ends: BlockSpan[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const next = offset + line.length + 1;
    const trimmed = line.trim();
    const span = { start: offset, end: Math.min(next, text.length) };
    if (trimmed.startsWith(BEGIN)) begins.push(span);
    else if (trimmed.startsWith(END)) ends.push(span);
    offset = next;
  }
  if (begins.length === 0 && ends.length === 0) return null;
  const problem =
    begins.length === 0 ? 'an end marker but no begin marker'
    : ends.length === 0 ? 'a begin marker but no end marker'
    : begins.length > 1 || ends.length > 1 ? `${begins.length} begin and ${ends.length} end markers`
    : ends[0]!.start < begins[0]!.start ? 'its end marker above its begin marker'
    : null;
  if (problem) throw new InputError(`AGENTS.md has ${problem} of the backend-agent block.`, MARKERS_ADVICE);
  return { start: begins[0]!.start, end: ends[0]!.end };
}

/** The block: markers around the rendered agent, ending with a line break. */
export function wrapBlock(body: string): string {
  return `${BEGIN_MARKER}\n${body.replace(/\n*$/, '\n')}${END_MARKER}\n`;
}

/** The file with the block put in: appended when there was none, replaced in place otherwise. */
export function upsertBlock(existing: string | null, block: string): string {
  if (existing === null) return NEW_FILE_HEADER + block;
  const span = findBlock(existing);
  if (span) return existing.slice(0, span.start) + block + existing.slice(span.end);
  if (existing === '') return block;
  const gap = existing.endsWith('\n\n') ? '' : existing.endsWith('\n') ? '\n' : '\n\n';
  return existing + gap + block;
}

/** The root AGENTS.md or a service folder's: files the tool shares with the user, owning only its block. */
export const isAgentsMdPath = (path: string): boolean => path === AGENTS_MD_PATH || path.endsWith(`/${AGENTS_MD_PATH}`);

/** What the tool owns of a file it writes, for the manifest's hash: the block of an AGENTS.md, else all of it. */
export function ownedContent(path: string, content: string): string | null {
  if (!isAgentsMdPath(path)) return content;
  const span = findBlock(content);
  return span ? content.slice(span.start, span.end) : null;
}

export const agentsMdFormat: AgentFormat = {
  id: 'agents-md',
  tool: 'AGENTS.md readers (Codex, Cursor, Copilot, Windsurf…)',
  path: () => AGENTS_MD_PATH,
  limit: { what: 'AGENTS.md, your text included', max: 32 * 1024, unit: 'bytes', source: 'Codex (project_doc_max_bytes, 32 KiB)' },
  render: (input) =>
    renderFitted(agentsMdFormat, input, {
      layout: 'agents-md',
      // The block sits inside the user's document, under its title: its headings start at level 2.
      adjust: (body) => shiftHeadings(body, 1),
      wrap: (body) => upsertBlock(input.existingAgentsMd, wrapBlock(body)),
      advice: 'Shorten your own text in AGENTS.md or the free-text answers, or drop agents-md from outputs.formats.',
    }),
};
