/**
 * Normalises rendered Markdown so template whitespace never leaks into output:
 * no trailing spaces, at most one blank line in a row, exactly one final newline.
 */
export function tidyMarkdown(text: string): string {
  // Line by line rather than with /[ \t]+$/gm and /\n*$/: those regexes try a match at every
  // space (every position, for the second), which made this a tenth of a 1,000-package render.
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let blank = 0;
  for (const raw of lines) {
    const line = trimSpacesEnd(raw);
    if (line === '') {
      blank++;
      continue;
    }
    // Blank lines: none before the first line, at most one between two others.
    if (out.length > 0 && blank > 0) out.push('');
    blank = 0;
    out.push(line);
  }
  return `${out.join('\n')}\n`;
}

/** Drops trailing spaces and tabs (only those: other whitespace is content). */
function trimSpacesEnd(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
  return end === line.length ? line : line.slice(0, end);
}

/*
 * Free text (a title, a team name, an ADR title) goes into Markdown through one function per
 * context, so no answer can break the file or trip markdownlint: line breaks of any kind (including
 * U+2028, which ends a heading early), tabs and control characters become spaces or go; the
 * characters that start Markdown syntax are backslash-escaped; bare URLs and e-mail addresses are
 * kept from autolinking (markdownlint MD034). Text a reader sees stays the same when rendered.
 */

/** One line of text, whitespace-normalised: what every context starts from. */
function oneLine(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029\u0085\v\f\t]+/g, ' ')
    // Other C0/C1 controls, and the BOM, render as nothing useful and confuse parsers.
    .replace(/[\u0000-\u001f\u007f-\u009f\ufeff]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Inline Markdown syntax made literal: emphasis, code, links, HTML, entities, autolinks. */
function escapeInline(text: string): string {
  return text
    // $ too: markdownlint's parser reads $…$ as math, which swallows the escapes between.
    .replace(/[\\`*[\]<>~|$]/g, '\\$&')
    // An underscore inside a word (snake_case) is never emphasis; elsewhere it may be.
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/([A-Za-z][A-Za-z0-9+.-]*):\/\//g, '$1\\://')
    .replace(/(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@');
}

/** A heading's text (after "# "). Trailing punctuation goes (markdownlint MD026); empty stays empty. */
export function mdHeading(text: string): string {
  const line = oneLine(text).replace(/[.,;:!。，；：！\s]+$/u, '');
  // A "#" at either end would read as part of the heading's markers.
  return escapeInline(line).replace(/^#/, '\\#').replace(/#+$/, (run) => run.replace(/#/g, '\\#'));
}

/** Text inside a paragraph or a list item, never at the start of a block construct. */
export function mdText(text: string): string {
  return escapeInline(oneLine(text)).replace(/^([#>+=-]|\d+[.)])/, '\\$1');
}

/** Free text in a table cell. */
export function mdCell(text: string): string {
  return mdText(text);
}

/** The library's own Markdown (facet text) in a table cell: only what would split the row. */
export function tableCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** The text of a link, [text](target). */
export function mdLinkText(text: string): string {
  return escapeInline(oneLine(text));
}

/** Inline code: a fence longer than any run of backticks inside, padded where the text touches one. */
export function mdCode(text: string): string {
  const line = oneLine(text);
  if (line === '') return '';
  const longest = Math.max(0, ...[...line.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}
