/**
 * From names found in manifests (packages, modules, images, providers) to facets, through the
 * library's ids and aliases: detection knows no technology by itself, so a new facet with the
 * right aliases is detected without code changes.
 *
 * A package matches by its identity in its ecosystem: the whole id, or a family the facet declares
 * with a trailing `*` ("@azure/*", "azure-*", "azure.*", "software.amazon.awssdk:*"). Never by a bare
 * prefix: "Google.Protobuf" is not Google Cloud because no facet declares "google.*".
 */
import type { Library } from '../library/index.js';
import type { FacetKind } from '../library/schema.js';
import type { Evidence } from './types.js';
import type { Signal } from './scope.js';
import { UNCOVERED, type Uncovered } from './uncovered.js';

export const ALL_KINDS: readonly FacetKind[] = ['language', 'framework', 'datastore', 'messaging', 'cloud', 'infrastructure', 'api'];
/** What a running service (an image, a chart dependency) can tell: never the application's language. */
export const SERVICE_KINDS: readonly FacetKind[] = ['datastore', 'messaging', 'cloud'];

export type Ecosystem = 'npm' | 'go' | 'pypi' | 'maven' | 'nuget' | 'cargo' | 'gem';

interface Target {
  kind: FacetKind;
  /** A facet id, or undefined for a technology the library has no facet for. */
  id?: string;
  name: string;
}
interface KindIndex {
  exact: Map<string, Target>;
  families: Array<[prefix: string, target: Target]>;
}
type Index = Map<FacetKind, KindIndex>;

const indexes = new WeakMap<Library, { facets: Index; uncovered: Index }>();

function addTo(index: Index, target: Target, keys: readonly string[]): void {
  let entry = index.get(target.kind);
  if (!entry) index.set(target.kind, (entry = { exact: new Map(), families: [] }));
  for (const raw of keys) {
    const key = raw.trim().toLowerCase();
    if (key.endsWith('*')) entry.families.push([key.slice(0, -1), target]);
    else if (!entry.exact.has(key)) entry.exact.set(key, target);
  }
}

/** Built once per library: a thousand-package monorepo looks up thousands of names. */
function indexOf(lib: Library): { facets: Index; uncovered: Index } {
  let found = indexes.get(lib);
  if (!found) {
    const facets: Index = new Map();
    for (const f of lib.facets) addTo(facets, { kind: f.kind, id: f.id, name: f.name }, [f.id, ...f.aliases]);
    const uncovered: Index = new Map();
    for (const u of UNCOVERED as readonly Uncovered[]) addTo(uncovered, { kind: u.kind, name: u.name }, u.aliases);
    for (const entry of [...facets.values(), ...uncovered.values()]) entry.families.sort((a, b) => b[0].length - a[0].length);
    indexes.set(lib, (found = { facets, uncovered }));
  }
  return found;
}

function find(entry: KindIndex | undefined, keys: readonly string[], families: boolean): Target | undefined {
  if (!entry) return undefined;
  for (const key of keys) {
    const exact = entry.exact.get(key);
    if (exact) return exact;
  }
  if (!families) return undefined;
  for (const key of keys) for (const [prefix, target] of entry.families) if (key.length > prefix.length && key.startsWith(prefix)) return target;
  return undefined;
}

export interface LookupOptions {
  /** Match declared families too (package ids); plain names (images, providers, schemes) match exactly. */
  families?: boolean;
  /** Weak evidence: a dev/test-only dependency, a type package, a Testcontainers module. */
  weak?: boolean;
  /** Report technologies without a facet as "found, no facet yet" (default true). */
  uncovered?: boolean;
}

/** Signals for every facet of the given kinds named by one of the keys (at most one facet per kind). */
export function lookup(lib: Library, keys: Iterable<string>, kinds: readonly FacetKind[], evidence: Evidence, options: LookupOptions = {}): Signal[] {
  const list = [...keys].filter(Boolean).map((k) => k.toLowerCase());
  const { facets, uncovered } = indexOf(lib);
  const ev: Evidence = options.weak ? { ...evidence, weak: true } : evidence;
  const out: Signal[] = [];
  for (const kind of kinds) {
    const hit = find(facets.get(kind), list, options.families ?? false);
    if (hit) {
      out.push({ type: 'facet', kind, id: hit.id!, evidence: ev });
      continue;
    }
    if (options.uncovered === false) continue;
    const other = find(uncovered.get(kind), list, options.families ?? false);
    if (other) out.push({ type: 'unsupported', name: other.name, kind, evidence: ev });
  }
  return out;
}

/** A package by its identity in its ecosystem. */
export function lookupPackage(lib: Library, ecosystem: Ecosystem, id: string, kinds: readonly FacetKind[], evidence: Evidence, weak = false): Signal[] {
  const name = packageKeys(ecosystem, id)[0]!;
  const typed = typedPackage(ecosystem, name);
  // A type package is known by the package it types ("@types/pg" -> "pg"), but only as weak evidence.
  const keys = typed ? packageKeys(ecosystem, typed) : packageKeys(ecosystem, id);
  // A type package or an SDK "provider" is a client's shape, not the broker itself.
  const notBroker = typed !== undefined || /(^|[-_.\/:])(provider|providers|types|stubs)([-_.]|$)/.test(localName(ecosystem, name));
  const testModule = name.includes('testcontainers');
  const signals = lookup(lib, keys, kinds, evidence, { families: true, weak: weak || notBroker || testModule });
  return notBroker ? signals.filter((s) => !(s.type === 'facet' && s.kind === 'messaging')) : signals;
}

/** The part of an id after its vendor: "@scope/name" -> "name", "group:artifact" -> "artifact". */
function localName(ecosystem: Ecosystem, id: string): string {
  if (ecosystem === 'npm') return id.replace(/^@[^/]+\//, '');
  if (ecosystem === 'maven') return id.slice(id.indexOf(':') + 1);
  if (ecosystem === 'go') return id.slice(id.lastIndexOf('/') + 1);
  return id;
}

export const isTypePackage = (ecosystem: Ecosystem, name: string): boolean => typedPackage(ecosystem, name.toLowerCase()) !== undefined;

/** The package a type package types: "@types/pg" -> "pg", "@types/babel__core" -> "@babel/core", "types-redis" -> "redis". */
function typedPackage(ecosystem: Ecosystem, id: string): string | undefined {
  if (ecosystem === 'npm' && id.startsWith('@types/')) {
    const name = id.slice('@types/'.length);
    return name.includes('__') ? `@${name.replace('__', '/')}` : name;
  }
  if (ecosystem === 'pypi') {
    if (id.startsWith('types-')) return id.slice('types-'.length);
    if (id.endsWith('-stubs')) return id.slice(0, -'-stubs'.length);
    if (id.startsWith('mypy-boto3')) return 'boto3';
  }
  return undefined;
}

/** Wrapper packages named after what they wrap: "Aspire.Hosting.Redis", "Aspire.StackExchange.Redis". */
const NUGET_WRAPPERS = ['aspire.hosting.', 'aspire.'];
/** Go hosts whose module paths start host/owner/repo: ancestors stop at the repository. */
const GO_REPO_HOSTS = new Set(['github.com', 'gitlab.com', 'bitbucket.org']);

/** The exact keys a package id is known by, its canonical id first. */
export function packageKeys(ecosystem: Ecosystem, id: string): string[] {
  const name = id.trim().toLowerCase();
  switch (ecosystem) {
    case 'go': {
      // A module and its ancestors inside the same repository: ".../aws-sdk-go-v2/service/sqs" -> ".../aws-sdk-go-v2".
      const segments = name.replace(/\/v\d+$/, '').split('/');
      const floor = GO_REPO_HOSTS.has(segments[0]!) ? 3 : 2;
      const keys: string[] = [];
      for (let n = segments.length; n >= Math.min(floor, segments.length); n--) keys.push(segments.slice(0, n).join('/'));
      return keys;
    }
    case 'maven': {
      // The group is Maven's namespace, owned by one vendor: "org.apache.kafka" is a family by construction.
      const [group, artifact] = name.split(':');
      return artifact ? [`${group}:${artifact}`, artifact, group!] : [name];
    }
    case 'pypi':
      return [name.replace(/[-_.]+/g, '-')];
    case 'nuget': {
      const keys = [name];
      for (const prefix of NUGET_WRAPPERS) if (name.startsWith(prefix) && name.length > prefix.length) keys.push(name.slice(prefix.length));
      return [...new Set(keys)];
    }
    default:
      return [name];
  }
}

/**
 * A container image reference, without registry, tag and digest, and each of its path segments:
 * "docker.elastic.co/elasticsearch/elasticsearch:8.14" -> "elasticsearch/elasticsearch", "elasticsearch".
 */
export function imageKeys(image: string): string[] {
  let ref = image.trim().replace(/@sha256:[0-9a-f]+$/i, '');
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  if (colon > slash) ref = ref.slice(0, colon);
  const segments = ref.split('/');
  if (segments.length > 1 && /[.:]|^localhost$/.test(segments[0]!)) segments.shift();
  return [segments.join('/'), ...segments.slice().reverse()].filter((k) => k && !k.includes('$'));
}

/** An image reference as people write it in evidence: without the digest. */
export const shortImage = (image: string): string => image.trim().replace(/@sha256:[0-9a-f]+$/i, '');
