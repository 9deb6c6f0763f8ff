/**
 * YAML with line numbers: a pack is code a team edits by hand, so every problem names the file and
 * the line to fix, not only the field.
 */
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { safeParse, type $ZodType, type output } from 'zod/v4/core';

export interface LocatedYaml {
  data: unknown;
  /** The 1-based file line of the value at a path (the deepest part of it that exists). */
  lineOf: (path: ReadonlyArray<PropertyKey>) => number;
}

/** Raised while a pack is read; collected, then reported all at once. */
export class PackProblem extends Error {
  constructor(readonly file: string, readonly line: number, message: string) {
    super(`${file}:${line}: ${message}`);
  }
}

/** Parses YAML that starts on `firstLine` of `file`; a syntax error is a PackProblem at its line. */
export function parseLocatedYaml(text: string, file: string, firstLine = 1): LocatedYaml {
  const counter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: counter, prettyErrors: true });
  const error = doc.errors[0];
  if (error) {
    const line = (error.linePos?.[0]?.line ?? 1) + firstLine - 1;
    throw new PackProblem(file, line, `invalid YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  const lineOf = (path: ReadonlyArray<PropertyKey>): number => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) return counter.linePos(node.range[0]).line + firstLine - 1;
    }
    return firstLine;
  };
  return { data: doc.toJS({ maxAliasCount: 100 }), lineOf };
}

/** Validates located YAML data; the first issue becomes a PackProblem at the line of its field. */
export function checkLocated<S extends $ZodType>(schema: S, located: LocatedYaml, file: string): output<S> {
  const result = safeParse(schema, located.data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const path = issue.path;
  const where = [...path.map(String), ...keys.slice(0, 1)].join('.') || '(top level)';
  const what = keys.length > 0 ? `${where} is not a known field` : `${where}: ${issue.message.replace(/^Invalid input: /, '')}`;
  throw new PackProblem(file, located.lineOf(keys.length > 0 ? [...path, keys[0]!] : path), what);
}
