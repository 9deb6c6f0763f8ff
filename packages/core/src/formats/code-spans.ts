/**
 * Copilot CLI reads `@path` in instruction files (AGENTS.md, agent bodies) as an import of that file,
 * so unquoted `@vitest/coverage-v8` in generated text becomes "Could not resolve instruction import".
 * Inside a code span or a fenced block it is text. Generated Markdown therefore wraps such tokens in
 * backticks, and the linter reports them in files it did not write.
 */

/** `@scope/name` or `@some/path`, not preceded by a word character (so `image@sha256:…` and e-mail addresses stay). */
const IMPORT_LIKE = /(?<![\w`@/])@[A-Za-z0-9][\w.-]*\/[\w./-]*[\w-]/g;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

interface Piece {
  text: string;
  code: boolean;
  line: number;
}

/** The text in pieces: code (fences and inline spans) and prose, each with the line it starts on. */
function pieces(markdown: string): Piece[] {
  const out: Piece[] = [];
  const lines = markdown.split('\n');
  let fence: string | null = null;
  lines.forEach((line, index) => {
    const eol = index < lines.length - 1 ? '\n' : '';
    const marker = FENCE.exec(line)?.[1];
    if (fence) {
      out.push({ text: line + eol, code: true, line: index + 1 });
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
      return;
    }
    if (marker) {
      fence = marker;
      out.push({ text: line + eol, code: true, line: index + 1 });
      return;
    }
    // Inline code spans: runs of backticks open and close a span of the same length.
    const parts = line.split(/(`+[^`]*?`+)/);
    parts.forEach((part, i) => out.push({ text: part + (i === parts.length - 1 ? eol : ''), code: i % 2 === 1, line: index + 1 }));
  });
  return out;
}

/** The Markdown with every unquoted `@scope/name` wrapped in backticks; everything else byte for byte. */
export function quoteImportLikeText(markdown: string): string {
  if (!markdown.includes('@')) return markdown;
  return pieces(markdown).map((p) => (p.code ? p.text : p.text.replace(IMPORT_LIKE, (token) => `\`${token}\``))).join('');
}

/** Each unquoted `@scope/name` in the Markdown, with its 1-based line. */
export function importLikeText(markdown: string): Array<{ token: string; line: number }> {
  return pieces(markdown).flatMap((p) => (p.code ? [] : [...p.text.matchAll(IMPORT_LIKE)].map((m) => ({ token: m[0], line: p.line }))));
}
