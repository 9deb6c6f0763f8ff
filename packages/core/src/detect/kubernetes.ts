/**
 * Kubernetes: manifests (any YAML document with apiVersion and kind), Kustomize, Helm charts and
 * helmfiles. API groups name operators and meshes (networking.istio.io, kafka.strimzi.io), container
 * images name the datastores and brokers run in the cluster.
 */
import { SERVICE_KINDS, imageKeys, lookup, shortImage } from './match.js';
import { asArray, base, dirOf, facet, isObject, readYaml, readYamlDocuments, str, type Detector, type Scope, type Signal } from './scope.js';
import { isComposeFile } from './containers.js';
import type { Library } from '../library/index.js';
import type { FacetKind } from '../library/schema.js';

/** Enough to find the manifests of any real repository without parsing every YAML file of a huge one. */
const MAX_YAML_FILES = 500;
const GROUP_KINDS: readonly FacetKind[] = ['infrastructure', 'messaging', 'datastore', 'cloud'];

const isYaml = (path: string) => /\.ya?ml$/.test(path);
/** YAML that is never a Kubernetes manifest: CI, Compose, OpenAPI, package managers, Helm values. */
const notManifest = (path: string) =>
  path.startsWith('.github/') || path.startsWith('.gitlab') || path.startsWith('.circleci/') || isComposeFile(path) ||
  /^(pnpm-workspace|pnpm-lock|openapi|swagger|asyncapi|serverless|values|Chart|helmfile|kustomization|mkdocs|codecov|\.pre-commit-config)\b/i.test(base(path));

/**
 * A manifest spells out `apiVersion` and `kind` (as plain, quoted or flow-style keys), so YAML with
 * neither word (alert rules, app config) is not parsed: parsing is most of detection's time there.
 */
const mayHoldManifest = (scope: Scope, file: string) => {
  const text = scope.read(file);
  return text !== undefined && text.includes('apiVersion') && text.includes('kind');
};

function images(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) images(item, found);
  else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'containers' || key === 'initContainers') && Array.isArray(value)) {
        for (const c of value) if (isObject(c) && str(c.image)) found.push(str(c.image)!);
      } else images(value, found);
    }
  }
  return found;
}

function manifestSignals(lib: Library, file: string, docs: readonly unknown[]): Signal[] {
  const resources = docs.filter((d): d is Record<string, unknown> => isObject(d) && typeof d.apiVersion === 'string' && typeof d.kind === 'string');
  if (resources.length === 0) return [];
  const first = resources[0]!;
  const name = isObject(first.metadata) ? str(first.metadata.name) : undefined;
  const out: Signal[] = [facet('infrastructure', 'kubernetes', file, `${first.kind}${name ? ` ${name}` : ''}${resources.length > 1 ? ` and ${resources.length - 1} more` : ''}`)];
  for (const resource of resources) {
    const group = String(resource.apiVersion).split('/')[0]!;
    if (group.includes('.')) out.push(...lookup(lib, group.toLowerCase().split('.'), GROUP_KINDS, { file, detail: `${resource.kind} (${resource.apiVersion})` }));
    for (const image of images(resource)) out.push(...lookup(lib, imageKeys(image.toLowerCase()), SERVICE_KINDS, { file, detail: `${resource.kind} container image ${shortImage(image)}` }));
  }
  return out;
}

function chart(scope: Scope, lib: Library, file: string): Signal[] {
  const doc = readYaml(scope, file);
  if (!isObject(doc) || !str(doc.name)) return [];
  const out: Signal[] = [facet('infrastructure', 'helm', file, `chart ${str(doc.name)}`)];
  for (const dep of asArray(doc.dependencies)) {
    const name = isObject(dep) ? str(dep.name) : undefined;
    if (name) out.push(...lookup(lib, [name.toLowerCase()], SERVICE_KINDS, { file, detail: `chart dependency ${name}` }));
  }
  return out;
}

export const detectKubernetes: Detector = (scope, lib) => {
  const out: Signal[] = [];
  const charts = scope.files.filter((f) => base(f) === 'Chart.yaml').map(dirOf);
  const inChart = (path: string) => charts.some((dir) => path.startsWith(dir ? `${dir}/templates/` : 'templates/'));
  let parsed = 0;
  for (const file of scope.files) {
    const name = base(file);
    if (name === 'Chart.yaml') out.push(...chart(scope, lib, file));
    else if (/^helmfile\.ya?ml$/.test(name)) out.push(facet('infrastructure', 'helm', file, 'helmfile'));
    else if (/^kustomization\.ya?ml$/.test(name)) out.push(facet('infrastructure', 'kubernetes', file, 'Kustomize overlay'));
    else if (isYaml(file) && !notManifest(file) && !inChart(file) && parsed < MAX_YAML_FILES && mayHoldManifest(scope, file)) {
      parsed++;
      out.push(...manifestSignals(lib, file, readYamlDocuments(scope, file)));
    }
  }
  return out;
};
