/**
 * The part of a repository one detection pass looks at (the whole repository, or one package of a
 * monorepo), what a detector reports, and tolerant readers: a file that does not parse is skipped,
 * never an error, because detection only suggests answers.
 */
import { parseAllDocuments } from 'yaml';
import { parse as parseToml } from 'smol-toml';
import { XmlCdata, XmlElement, XmlText, parseXml } from '@rgrove/parse-xml';
import type { FacetKind } from '../library/schema.js';
import type { Library } from '../library/index.js';
import type { Evidence } from './types.js';

export interface Scope {
  /** Folder of the scope, repository-relative ('' for the root). */
  dir: string;
  /** The files in this scope (repository-relative paths), sorted. */
  files: readonly string[];
  read(path: string): string | undefined;
}

export type Signal =
  | { type: 'facet'; kind: FacetKind; id: string; evidence: Evidence }
  | { type: 'unsupported'; name: string; kind?: FacetKind; evidence: Evidence }
  /**
   * The name a manifest gives the project: the whole package id ("@acme/orders", a Go module path,
   * "com.acme:orders") and the short form a service name is made from ("orders").
   */
  | { type: 'name'; name: string; short: string; evidence: Evidence }
  /** A dependency that may be another package of the workspace: by package name, or by folder. */
  | { type: 'uses'; name?: string; dir?: string; evidence: Evidence }
  | { type: 'ci'; name: string; file: string }
  | { type: 'agent'; tool: string; path: string };

export type Detector = (scope: Scope, lib: Library) => Signal[];

export const base = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
export const dirOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
/** `dir/name`, or `name` at the root. */
export const join = (dir: string, name: string): string => (dir ? `${dir}/${name}` : name);

export function readJson(scope: Scope, path: string): unknown {
  const text = scope.read(path);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Every document of a YAML file (compose, Kubernetes, CI). Unknown tags (!Ref, !reference) are kept as plain values. */
export function readYamlDocuments(scope: Scope, path: string): unknown[] {
  const text = scope.read(path);
  if (text === undefined) return [];
  try {
    return parseAllDocuments(text, { logLevel: 'silent', uniqueKeys: false })
      .filter((doc) => doc.errors.length === 0)
      .map((doc) => doc.toJS({ maxAliasCount: 100 }) as unknown);
  } catch {
    return [];
  }
}

export function readYaml(scope: Scope, path: string): unknown {
  return readYamlDocuments(scope, path)[0];
}

export function readToml(scope: Scope, path: string): Record<string, unknown> | undefined {
  const text = scope.read(path);
  if (text === undefined) return undefined;
  try {
    return parseToml(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/**
 * An element as the detectors read it: attributes as "@name", child elements by name (one child a
 * value, several an array), and its text (trimmed) as the value itself when it has nothing else, else
 * as "#text". `<a/>` is "".
 */
function elementValue(element: XmlElement): unknown {
  const out: Record<string, unknown> = {};
  let fields = 0;
  for (const [name, value] of Object.entries(element.attributes)) {
    out[`@${name}`] = value;
    fields++;
  }
  let text = '';
  for (const child of element.children) {
    if (child instanceof XmlElement) {
      const value = elementValue(child);
      const known = out[child.name];
      out[child.name] = known === undefined ? value : Array.isArray(known) ? [...known, value] : [known, value];
      fields++;
    } else if (child instanceof XmlText || child instanceof XmlCdata) text += child.text;
  }
  text = text.trim();
  if (fields === 0) return text;
  if (text) out['#text'] = text;
  return out;
}

/**
 * pom.xml, *.csproj, *.slnx: the root element by name, as elementValue gives it. Not well-formed XML
 * gives undefined; entities a DTD would define are left as written (no DTD is ever read).
 */
export function readXml(scope: Scope, path: string): Record<string, unknown> | undefined {
  const text = scope.read(path);
  if (text === undefined) return undefined;
  try {
    const root = parseXml(text, { ignoreUndefinedEntities: true }).root;
    return root ? { [root.name]: elementValue(root) } : undefined;
  } catch {
    return undefined;
  }
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** XML and YAML give one child as a value and several as an array. */
export const asArray = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);

export const str = (value: unknown): string | undefined => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : undefined);

export function facet(kind: FacetKind, id: string, file: string, detail: string): Signal {
  return { type: 'facet', kind, id, evidence: { file, detail } };
}

/** A relative path from a folder, normalised: ("src/Api", "..\\Shared\\Shared.csproj") -> "src/Shared/Shared.csproj". */
export function resolvePath(dir: string, relative: string): string {
  const parts = dir ? dir.split('/') : [];
  for (const part of relative.replace(/\\/g, '/').split('/')) {
    if (part === '..') parts.pop();
    else if (part && part !== '.') parts.push(part);
  }
  return parts.join('/');
}
