/**
 * CI workflows: which system runs them, the actions they use (cloud logins, Terraform, Helm, image
 * builds) and the service containers their tests start (postgres, kafka, …).
 */
import { SERVICE_KINDS, imageKeys, lookup, shortImage } from './match.js';
import { base, facet, isObject, readYamlDocuments, str, type Detector, type Signal } from './scope.js';
import type { FacetKind } from '../library/schema.js';

const SYSTEMS: ReadonlyArray<[name: string, test: (path: string) => boolean]> = [
  ['GitHub Actions', (p) => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(p)],
  ['GitLab CI', (p) => p === '.gitlab-ci.yml' || /^\.gitlab\/ci\/.+\.ya?ml$/.test(p)],
  ['CircleCI', (p) => p === '.circleci/config.yml'],
  ['Jenkins', (p) => base(p) === 'Jenkinsfile'],
  ['Azure Pipelines', (p) => /^azure-pipelines.*\.ya?ml$/.test(base(p))],
  ['Bitbucket Pipelines', (p) => p === 'bitbucket-pipelines.yml'],
  ['Buildkite', (p) => /^\.buildkite\/pipeline.*\.ya?ml$/.test(p)],
  ['Travis CI', (p) => p === '.travis.yml'],
  ['Drone', (p) => p === '.drone.yml'],
  ['Google Cloud Build', (p) => /^cloudbuild\.ya?ml$/.test(base(p))],
  ['AWS CodeBuild', (p) => /^buildspec\.ya?ml$/.test(base(p))],
];

/** What an action's name says: "hashicorp/setup-terraform@v3" -> "hashicorp/setup-terraform", "terraform". */
export function actionKeys(uses: string): string[] {
  const [owner, repo] = uses.replace(/@.*$/, '').toLowerCase().split('/');
  if (!owner || !repo) return [];
  return [`${owner}/${repo}`, repo.replace(/^setup-/, '').replace(/-action$/, '')];
}

interface Found {
  uses: string[];
  images: string[];
  services: string[];
}

function walk(node: unknown, found: Found): Found {
  if (Array.isArray(node)) for (const item of node) walk(item, found);
  else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'uses' && typeof value === 'string' && !value.startsWith('./')) {
        if (value.startsWith('docker://')) found.images.push(value.slice('docker://'.length));
        else found.uses.push(value);
      } else if (key === 'image' && (typeof value === 'string' || isObject(value))) {
        const image = typeof value === 'string' ? value : str(value.name);
        if (image) found.images.push(image);
      } else if (key === 'services' && Array.isArray(value)) {
        for (const s of value) {
          const image = typeof s === 'string' ? s : isObject(s) ? str(s.name) ?? str(s.image) : undefined;
          if (image) found.images.push(image);
        }
      } else if (key === 'services' && isObject(value)) {
        for (const [name, s] of Object.entries(value)) {
          found.services.push(name);
          walk(s, found);
        }
      } else walk(value, found);
    }
  }
  return found;
}

const ACTION_KINDS: readonly FacetKind[] = ['cloud', 'infrastructure'];

export const detectCi: Detector = (scope, lib) => {
  const out: Signal[] = [];
  for (const file of scope.files) {
    const system = SYSTEMS.find(([, test]) => test(file));
    if (!system) continue;
    out.push({ type: 'ci', name: system[0], file });
    if (system[0] === 'Google Cloud Build') out.push(facet('cloud', 'gcp', file, 'Cloud Build pipeline'));
    if (system[0] === 'AWS CodeBuild') out.push(facet('cloud', 'aws', file, 'CodeBuild buildspec'));
    if (!/\.ya?ml$/.test(file)) continue;
    const found = readYamlDocuments(scope, file).reduce<Found>((acc, doc) => walk(doc, acc), { uses: [], images: [], services: [] });
    for (const uses of new Set(found.uses)) out.push(...lookup(lib, actionKeys(uses), ACTION_KINDS, { file, detail: `uses ${uses}` }));
    for (const image of new Set(found.images)) out.push(...lookup(lib, imageKeys(image.toLowerCase()), SERVICE_KINDS, { file, detail: `service image ${shortImage(image)}` }));
    for (const name of new Set(found.services)) out.push(...lookup(lib, [name.toLowerCase()], SERVICE_KINDS, { file, detail: `service ${name}` }));
  }
  return out;
};
