/**
 * From names found in manifests (packages, modules, images, providers) to facets, through the
 * library's ids and aliases: detection knows no technology by itself, so a new facet with the
 * right aliases is detected without code changes.
 */
import { findFacet, type Library } from '../library/index.js';
import type { FacetKind } from '../library/schema.js';
import type { Evidence } from './types.js';
import type { Signal } from './scope.js';

export const ALL_KINDS: readonly FacetKind[] = ['language', 'framework', 'datastore', 'messaging', 'cloud', 'infrastructure', 'api'];
/** What a running service (an image, a chart dependency) can tell: never the application's language. */
export const SERVICE_KINDS: readonly FacetKind[] = ['datastore', 'messaging', 'cloud'];

/** Signals for every facet of the given kinds named by one of the keys. */
export function lookup(lib: Library, keys: Iterable<string>, kinds: readonly FacetKind[], evidence: Evidence): Signal[] {
  const out: Signal[] = [];
  const seen = new Set<string>();
  for (const key of keys) {
    if (!key) continue;
    for (const kind of kinds) {
      const facet = findFacet(lib, kind, key);
      if (!facet || seen.has(facet.id)) continue;
      seen.add(facet.id);
      out.push({ type: 'facet', kind, id: facet.id, evidence });
    }
  }
  return out;
}

/** An npm package and its scope: "@aws-sdk/client-sqs" -> itself and "@aws-sdk". */
export function npmKeys(name: string): string[] {
  const keys = [name];
  if (name.startsWith('@') && name.includes('/')) keys.push(name.slice(0, name.indexOf('/')));
  return keys;
}

/**
 * A Go module path and its ancestors, without the major-version suffix:
 * "github.com/aws/aws-sdk-go-v2/service/sqs" -> itself, ".../service", "github.com/aws/aws-sdk-go-v2".
 */
export function goKeys(path: string): string[] {
  const segments = path.replace(/\/v\d+$/, '').split('/');
  const keys: string[] = [];
  for (let n = segments.length; n >= 2; n--) keys.push(segments.slice(0, n).join('/'));
  return keys;
}

/**
 * A dash-named package (PyPI, crates, gems) and its family: "google-cloud-storage" -> itself and
 * "google-cloud"; "aws-sdk-sqs" -> itself and "aws-sdk". Two-part names have no family.
 */
export function dashKeys(name: string): string[] {
  const parts = name.split('-');
  return parts.length >= 3 ? [name, parts.slice(0, 2).join('-')] : [name];
}

/** A dotted package id (NuGet) and its prefixes: "Azure.Messaging.ServiceBus" -> "azure", "azure.messaging", … */
export function dottedKeys(name: string): string[] {
  const parts = name.toLowerCase().split('.');
  return parts.map((_, i) => parts.slice(0, parts.length - i).join('.'));
}

export function mavenKeys(group: string, artifact: string): string[] {
  return [artifact, group, `${group}:${artifact}`];
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
