/** Containers: Dockerfiles (base images tell the language) and Compose files (services tell datastores and brokers). */
import { SERVICE_KINDS, imageKeys, lookup, shortImage } from './match.js';
import { base, facet, isObject, readYaml, str, type Detector, type Signal } from './scope.js';
import { urlSignals } from './urls.js';

/** A Compose service's environment as `KEY=value` lines (it may be a list or a map). */
function environmentLines(service: Record<string, unknown>): string[] {
  const env = service.environment;
  if (Array.isArray(env)) return env.filter((e): e is string => typeof e === 'string');
  if (isObject(env)) return Object.entries(env).map(([k, v]) => `${k}=${str(v) ?? ''}`);
  return [];
}

export const isComposeFile = (path: string) => /^(docker-)?compose(\.[\w.-]+)?\.ya?ml$/.test(base(path));
export const isDockerfile = (path: string) => /^(Dockerfile|Containerfile)(\..+)?$/.test(base(path)) || /\.(dockerfile|containerfile)$/i.test(base(path));

/** Base images of each stage, skipping stages built FROM an earlier stage, `scratch` and ARG-built names. */
export function dockerBaseImages(text: string): string[] {
  const stages = new Set<string>();
  const images: string[] = [];
  for (const line of text.split('\n')) {
    const match = /^\s*FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (!match) continue;
    const image = match[1]!;
    if (!stages.has(image.toLowerCase()) && image !== 'scratch' && !image.includes('$')) images.push(image);
    if (match[2]) stages.add(match[2].toLowerCase());
  }
  return images;
}

export const detectContainers: Detector = (scope, lib) => {
  const out: Signal[] = [];
  for (const file of scope.files) {
    if (isDockerfile(file)) {
      const text = scope.read(file);
      if (text === undefined) continue;
      out.push(facet('infrastructure', 'docker', file, 'container image build'));
      for (const image of dockerBaseImages(text)) {
        out.push(...lookup(lib, imageKeys(image.toLowerCase()), ['language', 'framework'], { file, detail: `FROM ${shortImage(image)}` }));
      }
    } else if (isComposeFile(file)) {
      const doc = readYaml(scope, file);
      const services = isObject(doc) && isObject(doc.services) ? doc.services : undefined;
      if (!services) continue;
      out.push(facet('infrastructure', 'docker', file, `Compose file with ${Object.keys(services).length} service${Object.keys(services).length === 1 ? '' : 's'}`));
      for (const [name, service] of Object.entries(services)) {
        const image = isObject(service) ? str(service.image) : undefined;
        const keys = [...(image ? imageKeys(image.toLowerCase()) : []), name.toLowerCase()];
        out.push(...lookup(lib, keys, SERVICE_KINDS, { file, detail: image ? `service ${name}: image ${shortImage(image)}` : `service ${name}` }));
        if (isObject(service)) {
          for (const signal of urlSignals(lib, file, environmentLines(service))) {
            if ('evidence' in signal) out.push({ ...signal, evidence: { ...signal.evidence, detail: `service ${name}: ${signal.evidence.detail}` } } as Signal);
          }
        }
      }
    }
  }
  return out;
};
