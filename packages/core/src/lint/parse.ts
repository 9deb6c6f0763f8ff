/** Reading agent files for the linter: frontmatter split off with its line numbers, YAML and TOML parsed. */
import { Scalar, isMap, isScalar, parse, parseDocument, visit } from 'yaml';
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

/** Tags every YAML reader resolves the same way; gray-matter, js-yaml and PyYAML refuse the rest (or run code). */
const PORTABLE_TAGS = new Set(['tag:yaml.org,2002:str', 'tag:yaml.org,2002:int', 'tag:yaml.org,2002:float', 'tag:yaml.org,2002:bool', 'tag:yaml.org,2002:null', 'tag:yaml.org,2002:seq', 'tag:yaml.org,2002:map']);

/** Plain scalars that some YAML version may read as other than a string (numbers, dates, booleans, null). */
const MAYBE_TYPED = /^(?:[-+.~0-9<=]|(?:y|n|yes|no|on|off|true|false|null)$)/i;

export interface ParsedYaml {
  data: unknown;
  /** A problem that stops the file from loading at all. */
  problem: ParseProblem | null;
  /** Values that load, but differently in different readers. */
  ambiguities: ParseProblem[];
}

/**
 * Parses frontmatter YAML. Duplicate keys are errors: tools keep one of them silently. The check is
 * a linear pass of our own: the yaml package's (uniqueKeys) compares every pair of keys.
 */
export function parseYaml(text: string, firstLineInFile: number): ParsedYaml {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: false, keepSourceTokens: false });
  const lineOf = (offset: number | undefined) => (offset === undefined ? firstLineInFile : lineCounter(text)(offset) + firstLineInFile - 1);
  const fail = (line: number, message: string): ParsedYaml => ({ data: undefined, problem: { line, message }, ambiguities: [] });
  const error = doc.errors[0];
  if (error) return fail((error.linePos?.[0]?.line ?? 1) + firstLineInFile - 1, firstLine(error.message));
  const tag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (tag) return fail((tag.linePos?.[0]?.line ?? 1) + firstLineInFile - 1, `${firstLine(tag.message)}; gray-matter, js-yaml and PyYAML refuse a tag they do not know`);
  let problem: ParsedYaml | null = null;
  const ambiguities: ParseProblem[] = [];
  visit(doc, {
    Node(_, node) {
      if (node.tag !== undefined && !PORTABLE_TAGS.has(node.tag)) {
        problem = fail(lineOf(node.range?.[0]), `the tag ${node.tag.replace(/^tag:yaml.org,2002:/, '!!')} is read differently by YAML readers (gray-matter, js-yaml and PyYAML refuse or transform it)`);
        return visit.BREAK;
      }
      if (isMap(node)) {
        const seen = new Set<string>();
        for (const pair of node.items) {
          const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
          if (seen.has(key)) {
            problem = fail(lineOf((pair.key as Scalar | null)?.range?.[0]), `Map keys must be unique ("${key}" appears twice)`);
            return visit.BREAK;
          }
          seen.add(key);
        }
      }
      if (isScalar(node) && node.type === Scalar.PLAIN && typeof node.source === 'string' && MAYBE_TYPED.test(node.source)) {
        const [v11, v12] = [readAs(node.source, '1.1'), readAs(node.source, '1.2')];
        if (v11 !== v12) {
          ambiguities.push({ line: lineOf(node.range?.[0]), message: `the plain value ${node.source} is read as ${v11} by YAML 1.1 readers (gray-matter, PyYAML) but as ${v12} by YAML 1.2 ones: quote it ("${node.source}") if it is text` });
        }
      }
      return undefined;
    },
  });
  if (problem) return problem;
  try {
    return { data: doc.toJS({ maxAliasCount: 100 }), problem: null, ambiguities };
  } catch (e) {
    return fail(firstLineInFile, firstLine((e as Error).message));
  }
}

/** What a plain scalar becomes in a YAML version, in words. */
function readAs(source: string, version: '1.1' | '1.2'): string {
  let value: unknown;
  try {
    value = parse(source, { version });
  } catch {
    return 'an error';
  }
  if (value instanceof Date) return `a date (${value.toISOString()})`;
  if (value === null) return 'null';
  return typeof value === 'string' ? 'a string' : `${typeof value === 'boolean' ? 'a boolean' : typeof value === 'number' || typeof value === 'bigint' ? 'a number' : 'a structure'} (${String(value)})`;
}

/** 1-based line of an offset, by a binary search over line starts. */
function lineCounter(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
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
