/**
 * `add adr`: the next record of a log, and the status changes of the records it supersedes, in the
 * layout both adr-tools and log4brains read. Pure: the log and the records' text come from a RepoView.
 */
import { checkDate } from '../date.js';
import type { Library } from '../library/index.js';
import type { RepoView } from '../repo-view.js';
import { InputError } from '../errors.js';
import { renderTemplate } from '../render/handlebars.js';
import { mdLinkText, tidyMarkdown } from '../render/markdown.js';
import { docTemplate } from './template.js';
import { adrFileName, adrSlug } from './adr.js';
import { adrStatusOf, splitFrontmatter, type AdrLog, type AdrRecord } from './adr-log.js';

/** The statuses a new record can start with; "superseded" is reached only through --supersedes. */
export const NEW_ADR_STATUSES = ['accepted', 'proposed', 'draft', 'rejected', 'deprecated'] as const;
export type NewAdrStatus = (typeof NEW_ADR_STATUSES)[number];

export interface NewAdrRequest {
  title: string;
  status: string;
  /** The record's date, YYYY-MM-DD. */
  date: string;
  /** References to the records it supersedes: a number, or part of a file name (as adr-tools takes them). */
  supersedes: readonly string[];
}

export interface FileEdit {
  path: string;
  /** null when the file is new. */
  before: string | null;
  after: string;
}

export interface NewAdr {
  path: string;
  /** The record's number; absent in a date-named log. */
  number?: number;
  heading: string;
  status: NewAdrStatus;
  /** The new record first, then each superseded record's update. */
  edits: FileEdit[];
}

const fileOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const titleOf = (markdown: string, fallback: string) =>
  /^# (.+)$/m.exec(splitFrontmatter(markdown).body)?.[1]?.trim() ?? fallback;

function checkTitle(raw: string): string {
  const title = raw.trim();
  if (title === '' || /[\r\n]/.test(title)) throw new InputError('The ADR title must be one non-empty line.', 'E.g. backend-agent add adr "Use PostgreSQL for orders".');
  if (adrSlug(title) === '') throw new InputError(`The ADR title "${title}" has no letters or digits to name the file after.`, 'Use a title with words in it.');
  if (title.length > 200) throw new InputError('The ADR title is longer than 200 characters.', 'Keep the title short; the context goes in the record.');
  return title;
}

function checkStatus(raw: string, superseding: boolean): NewAdrStatus {
  const status = raw.trim().toLowerCase();
  if (!(NEW_ADR_STATUSES as readonly string[]).includes(status)) {
    throw new InputError(`Unknown ADR status "${raw}".`, `Use one of ${NEW_ADR_STATUSES.join(', ')}.`);
  }
  if (superseding && status !== 'accepted') {
    throw new InputError(`A ${status} record cannot supersede another: only an accepted decision replaces one.`, 'Drop --status, or add --supersedes once the decision is accepted.');
  }
  return status as NewAdrStatus;
}

/** The record a --supersedes reference names: its number, or a unique part of its file name. */
export function findRecord(log: AdrLog, reference: string): AdrRecord {
  const ref = reference.trim();
  const matches = /^\d+$/.test(ref)
    ? log.records.filter((r) => r.number === Number(ref))
    : log.records.filter((r) => ref !== '' && fileOf(r.path).includes(ref));
  if (matches.length === 0) throw new InputError(`No ADR "${reference}" in ${log.dir}/.`, 'Give the number or part of the file name of an existing record.');
  if (matches.length > 1) {
    throw new InputError(`"${reference}" matches ${matches.length} ADRs in ${log.dir}/: ${matches.map((r) => fileOf(r.path)).join(', ')}.`, 'Give more of the file name.');
  }
  return matches[0]!;
}

/**
 * Marks a record superseded by another, in every place a tool reads its status: the `- Status:`
 * bullet (log4brains: "superseded by [slug](file)"), the `## Status` section (adr-tools: its status
 * word replaced by "Superseded by [N. Title](file)"), and `status:` in YAML frontmatter (MADR).
 * Everything else stays byte for byte.
 */
export function markSuperseded(markdown: string, by: { heading: string; file: string; madrId: string }): string | undefined {
  const eol = markdown.includes('\r\n') ? '\r\n' : '\n';
  const lines = markdown.split(eol);
  let changed = false;
  const slug = by.file.replace(/\.md$/, '');

  // YAML frontmatter (MADR): only its own status line.
  let start = 0;
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end !== -1) {
      for (let i = 1; i < end; i++) {
        if (/^status\s*:/.test(lines[i]!)) {
          lines[i] = `status: superseded by ${by.madrId}`;
          changed = true;
        }
      }
      start = end + 1;
    }
  }

  // The header list between the H1 and the first H2 (log4brains).
  const h1 = lines.findIndex((l, i) => i >= start && /^# /.test(l));
  const firstH2 = lines.findIndex((l, i) => i > h1 && /^## /.test(l));
  for (let i = h1 + 1; h1 !== -1 && i < (firstH2 === -1 ? lines.length : firstH2); i++) {
    const match = /^(\s*[-*+]\s*status\s*:\s*)/i.exec(lines[i]!);
    if (match) {
      lines[i] = `${match[1]}superseded by [${slug}](${by.file})`;
      changed = true;
      break;
    }
  }

  // The `## Status` section (adr-tools): a bare status word gives way to the link, first in the section.
  const heading = lines.findIndex((l) => /^## Status\s*$/.test(l));
  if (heading !== -1) {
    const nextHeading = lines.findIndex((l, i) => i > heading && /^#/.test(l));
    const end = nextHeading === -1 ? lines.length : nextHeading;
    const kept = lines.slice(heading + 1, end).filter((l) => !/^\s*(accepted|proposed|draft|rejected|deprecated)\.?\s*$/i.test(l));
    const content = kept.filter((l, i) => l.trim() !== '' || (i > 0 && kept[i - 1]!.trim() !== ''));
    while (content.length > 0 && content[content.length - 1]!.trim() === '') content.pop();
    // A blank line before the next heading, or the file's final newline when the section ends it.
    const tail = nextHeading !== -1 || lines[lines.length - 1] === '' ? [''] : [];
    const section = ['', `Superseded by [${mdLinkText(by.heading)}](${by.file})`, ...(content.length > 0 ? ['', ...content] : []), ...tail];
    lines.splice(heading + 1, end - heading - 1, ...section);
    changed = true;
  }
  return changed ? lines.join(eol) : undefined;
}

/** The next record of `log`, and the edits that supersede the records it replaces. */
export function newAdr(view: RepoView, log: AdrLog, request: NewAdrRequest, lib: Library): NewAdr {
  checkDate(request.date);
  const title = checkTitle(request.title);
  const status = checkStatus(request.status, request.supersedes.length > 0);
  const superseded = [...new Map(request.supersedes.map((ref) => {
    const record = findRecord(log, ref);
    return [record.path, record] as const;
  })).values()];

  const naming = log.naming;
  const number = naming.kind === 'date' ? undefined : log.highest + 1;
  const file = naming.kind === 'date' ? `${request.date.replaceAll('-', '')}-${adrSlug(title)}.md` : adrFileName(log.highest + 1, title, naming.width);
  const path = `${log.dir}/${file}`;
  if (view.read(path) !== undefined || view.files.includes(path)) {
    throw new InputError(`${path} already exists.`, 'Choose another title, or edit that record.');
  }
  const heading = number === undefined ? title : `${number}. ${title}`;
  const madrId = `ADR-${number === undefined ? file.slice(0, 8) : String(number).padStart(4, '0')}`;

  const updates = superseded.map((record) => {
    const before = view.read(record.path);
    if (before === undefined) throw new InputError(`Cannot read ${record.path}.`, 'Check that the file is readable.');
    if (adrStatusOf(before) === 'superseded') {
      throw new InputError(`${record.path} is already superseded.`, 'Supersede the record that replaced it instead.');
    }
    const after = markSuperseded(before, { heading, file, madrId });
    if (after === undefined) {
      throw new InputError(`${record.path} has no status to update (no "- Status:" line, "## Status" section or "status:" frontmatter).`, 'Add a "## Status" section to it first.');
    }
    return { path: record.path, before, after, link: { heading: titleOf(before, fileOf(record.path)), file: fileOf(record.path) } };
  });

  const content = tidyMarkdown(renderTemplate(docTemplate(lib, 'adr-new'), {
    adr: {
      heading,
      status,
      date: request.date,
      statusLine: status.charAt(0).toUpperCase() + status.slice(1),
      supersedes: updates.map((u) => u.link),
    },
  }));
  return {
    path,
    ...(number === undefined ? {} : { number }),
    heading,
    status,
    edits: [{ path, before: null, after: content }, ...updates.map(({ path: p, before, after }) => ({ path: p, before, after }))],
  };
}
