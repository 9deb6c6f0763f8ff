/** Frontmatter is built as data and serialised by the yaml library, never by concatenating strings. */
import { Document, Scalar, isScalar, visit } from 'yaml';

/**
 * Serialises data as a YAML frontmatter block. Keys listed in `doubleQuoted` are written as one-line
 * double-quoted strings with \n escapes: the form Claude Code reads reliably for descriptions that
 * carry <example> blocks (multi-line plain scalars there make the agent silently disappear).
 */
export function frontmatter(data: Record<string, unknown>, doubleQuoted: readonly string[] = []): string {
  const doc = new Document(data);
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && doubleQuoted.includes(String(pair.key.value)) && isScalar(pair.value)) {
        (pair.value as Scalar).type = Scalar.QUOTE_DOUBLE;
      }
    },
  });
  const body = doc.toString({ lineWidth: 0, doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER });
  return `---\n${body}---\n`;
}
