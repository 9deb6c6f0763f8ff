/** Frontmatter is built as data and serialised by the yaml library, never by concatenating strings. */
import { Document, Scalar, isScalar, parseDocument, visit } from 'yaml';

/**
 * Whether a string, written as a plain scalar, would be read as something else by some reader:
 * YAML 1.1 parsers (PyYAML, gray-matter's js-yaml, Ruby) take `2026-11-20` for a date, `yes`/`on`/`off`
 * for booleans, `1:20` for sexagesimal 80, `1_000` for a number; YAML 1.2 takes `null`, `~`, `1e3`.
 * The yaml package quotes only what its own schema (1.2 core) would misread, so both are asked.
 */
export function plainIsAmbiguous(text: string): boolean {
  if (text === '' || /[\n\r]/.test(text)) return false; // Never written plain anyway.
  if (PROSE.test(text) || HYPHENATED.test(text)) return false;
  // A plain scalar cannot hold ": " or " #" or end in ":": a mapping or a comment would start there.
  if (/: | #|:$/.test(text)) return true;
  let misread = asked.get(text);
  if (misread === undefined) asked.set(text, (misread = misreadBySomeReader(text)));
  return misread;
}

/** Answers of the parsers, by text: keys (`name`, `description`) recur in every file. */
const asked = new Map<string, boolean>();

/**
 * Prose: a letter first, a space inside, none of `:#[]{}` or tabs, no space at the end. No YAML 1.1
 * or 1.2 scalar type (null, boolean, number, date, merge, value) has a space after a leading
 * letter, and without those characters nothing in it starts a mapping, comment or flow collection.
 * Descriptions and titles are prose, and parsing each twice was most of a scaffold's frontmatter
 * time; yaml.test.ts checks these shortcuts against the parsers.
 */
export const PROSE = /^[A-Za-z][^\t\n\r:#[\]{}]* [^\t\n\r:#[\]{}]*[^\s:#[\]{}]$/;
/** A slug with a hyphen after a leading letter (`backend-staff`): no scalar type has that shape either. */
export const HYPHENATED = /^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+$/;

/** What plainIsAmbiguous asks of the parsers themselves. */
export function misreadBySomeReader(text: string): boolean {
  // PyYAML resolves these to the merge and value tags, which it then refuses to construct.
  if (text === '<<' || text === '=') return true;
  for (const version of ['1.1', '1.2'] as const) {
    const doc = parseDocument(text, { version, uniqueKeys: false });
    if (doc.errors.length > 0 || doc.warnings.length > 0) return true;
    const node = doc.contents;
    if (!isScalar(node) || node.value !== text) return true;
  }
  return false;
}

/**
 * Serialises data as a YAML frontmatter block. Keys listed in `doubleQuoted` are written as one-line
 * double-quoted strings with \n escapes: the form Claude Code reads reliably for descriptions that
 * carry <example> blocks (multi-line plain scalars there make the agent silently disappear).
 * Any other string a YAML 1.1 or 1.2 reader would take for another type is quoted too.
 */
export function frontmatter(data: Record<string, unknown>, doubleQuoted: readonly string[] = []): string {
  const doc = new Document(data);
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && doubleQuoted.includes(String(pair.key.value)) && isScalar(pair.value)) {
        (pair.value as Scalar).type = Scalar.QUOTE_DOUBLE;
      }
    },
    Scalar(_, node) {
      if (typeof node.value === 'string' && node.type === undefined && plainIsAmbiguous(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  const body = doc.toString({ lineWidth: 0, doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER });
  return `---\n${body}---\n`;
}
