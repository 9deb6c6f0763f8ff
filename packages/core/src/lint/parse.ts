/** Reading agent files for the linter: frontmatter split off with its line numbers, YAML and TOML parsed. */
import { parseDocument } from 'yaml';
import { parse as parseToml, TomlError } from 'smol-toml';

export interface ParseProblem {
  /** 1-based line in the file. */
  line: number;
  message: string;
}

export interface SplitFile {
  /** The frontmatter text between the --- lines, or null when the file has none. */
  frontmatter: string | null;
  /** The file line the frontmatter text starts on (1-based). */
  frontmatterLine: number;
  body: string;
  /** Set when the file opens a frontmatter block that never closes. */
  unclosed: boolean;
}

/** Splits a Markdown file into its YAML frontmatter and body, the way gray-matter and the tools do. */
export function splitFrontmatter(content: string): SplitFile {
  const text = content.replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trimEnd() !== '---') return { frontmatter: null, frontmatterLine: 1, body: text, unclosed: false };
  const close = lines.findIndex((line, i) => i > 0 && (line.trimEnd() === '---' || line.trimEnd() === '...'));
  if (close === -1) return { frontmatter: null, frontmatterLine: 2, body: text, unclosed: true };
  return {
    frontmatter: lines.slice(1, close).join('\n'),
    frontmatterLine: 2,
    body: lines.slice(close + 1).join('\n'),
    unclosed: false,
  };
}

/** The first line of a library's message, without its "at line N, column M" suffix. */
function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/\s+at line \d+, column \d+:?$/, '').replace(/:$/, '');
}

/** Parses frontmatter YAML. Duplicate keys are errors: tools keep one of them silently. */
export function parseYaml(text: string, firstLineInFile: number): { data: unknown; problem: ParseProblem | null } {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const line = (error.linePos?.[0]?.line ?? 1) + firstLineInFile - 1;
    return { data: undefined, problem: { line, message: firstLine(error.message) } };
  }
  try {
    return { data: doc.toJS({ maxAliasCount: 100 }), problem: null };
  } catch (e) {
    return { data: undefined, problem: { line: firstLineInFile, message: firstLine((e as Error).message) } };
  }
}

export function parseTomlText(text: string): { data: unknown; problem: ParseProblem | null } {
  try {
    return { data: parseToml(text), problem: null };
  } catch (e) {
    if (e instanceof TomlError) {
      return { data: undefined, problem: { line: e.line, message: firstLine(e.message).replace(/^Invalid TOML document: /, '') } };
    }
    throw e;
  }
}
