/**
 * Python projects: pyproject.toml (PEP 621, Poetry, dependency groups, uv sources), requirements*.txt,
 * Pipfile. Extras name the backends a library runs on: celery[redis,sqs], kombu[sqs].
 */
import { ALL_KINDS, SERVICE_KINDS, lookup, lookupPackage, isTypePackage } from './match.js';
import { base, dirOf, facet, isObject, readToml, resolvePath, str, type Detector, type Scope, type Signal } from './scope.js';
import type { Library } from '../library/index.js';

export interface Requirement {
  /** PEP 503 normalised name. */
  name: string;
  extras: string[];
}

/** A PEP 508 requirement ("Django>=5; python_version>'3'", "celery[redis, sqs]>=5"). */
export function parseRequirement(spec: string): Requirement | undefined {
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?/.exec(spec);
  if (!match) return undefined;
  const extras = (match[2] ?? '').split(',').map((e) => e.trim().toLowerCase()).filter(Boolean);
  return { name: match[1]!.toLowerCase().replace(/[-_.]+/g, '-'), extras };
}

/** PEP 503 normalised name of a PEP 508 requirement. */
export const requirementName = (spec: string): string | undefined => parseRequirement(spec)?.name;

/** Groups and extras with these names build, test or document the project: weak evidence. */
const DEV_GROUP = /(^|[-_])(dev|devel|develop|test|tests|testing|lint|linting|docs?|typing|types|check|ci|qa|format|mypy|pytest)([-_]|$)/i;

const isRequirementsFile = (path: string) =>
  /^(requirements.*|.*-requirements)\.(txt|in)$/.test(base(path)) || (base(dirOf(path)) === 'requirements' && /\.(txt|in)$/.test(path));
const isDevRequirements = (path: string) => DEV_GROUP.test(base(path).replace(/\.(txt|in)$/, '').replace(/^requirements[-_.]?/, '')) || DEV_GROUP.test(base(path).replace(/-requirements\.(txt|in)$/, ''));

function requirementsLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter((line) => line && !line.startsWith('-') && !/^[a-z+]+:\/\//i.test(line));
}

interface Spec {
  spec: string;
  weak: boolean;
}

function pyprojectRequirements(doc: Record<string, unknown>): Spec[] {
  const specs: Spec[] = [];
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  const add = (list: readonly string[], weak: boolean) => specs.push(...list.map((spec) => ({ spec, weak })));
  const project = isObject(doc.project) ? doc.project : {};
  add(strings(project.dependencies), false);
  if (isObject(project['optional-dependencies'])) for (const [group, list] of Object.entries(project['optional-dependencies'])) add(strings(list), DEV_GROUP.test(group));
  // PEP 735 groups are never installed with the package: development by definition.
  if (isObject(doc['dependency-groups'])) for (const list of Object.values(doc['dependency-groups'])) add(strings(list), true);
  const poetry = isObject(doc.tool) && isObject(doc.tool.poetry) ? doc.tool.poetry : undefined;
  if (poetry) {
    const keys = (table: unknown) => (isObject(table) ? Object.keys(table).filter((k) => k.toLowerCase() !== 'python') : []);
    add(keys(poetry.dependencies), false);
    add(keys(poetry['dev-dependencies']), true);
    if (isObject(poetry.group)) for (const [name, group] of Object.entries(poetry.group)) add(keys(isObject(group) ? group.dependencies : undefined), name !== 'main');
  }
  return specs;
}

/** Path dependencies (`{ path = "../lib" }` in Poetry or uv sources): other packages of the repository. */
function pathDependencies(doc: Record<string, unknown>): string[] {
  const tool = isObject(doc.tool) ? doc.tool : {};
  const tables = [isObject(tool.uv) ? tool.uv.sources : undefined, isObject(tool.poetry) ? tool.poetry.dependencies : undefined];
  if (isObject(tool.poetry) && isObject(tool.poetry.group)) for (const g of Object.values(tool.poetry.group)) if (isObject(g)) tables.push(g.dependencies);
  const paths: string[] = [];
  for (const table of tables) if (isObject(table)) for (const spec of Object.values(table)) if (isObject(spec) && str(spec.path)) paths.push(str(spec.path)!);
  return paths;
}

function signalsFor(lib: Library, file: string, specs: readonly Spec[]): Signal[] {
  const out: Signal[] = [];
  const seen = new Set<string>();
  for (const { spec, weak } of specs) {
    const req = parseRequirement(spec);
    if (!req || seen.has(req.name)) continue;
    seen.add(req.name);
    const evidence = { file, detail: `requires ${req.name}${req.extras.length ? `[${req.extras.join(',')}]` : ''}` };
    const isWeak = weak || isTypePackage('pypi', req.name);
    out.push(...lookupPackage(lib, 'pypi', req.name, ALL_KINDS, evidence, isWeak));
    // An extra names the backend the library is installed for: celery[sqs] runs on SQS.
    for (const extra of req.extras) {
      const ev = { file, detail: `requires ${req.name}[${req.extras.join(',')}]: extra ${extra}` };
      out.push(...lookup(lib, [extra], SERVICE_KINDS, ev, { weak: isWeak || req.name.includes('testcontainers'), uncovered: false }));
    }
    out.push({ type: 'uses', name: req.name, evidence });
  }
  return out;
}

export const detectPython: Detector = (scope: Scope, lib) => {
  const out: Signal[] = [];
  for (const file of scope.files) {
    const name = base(file);
    if (name === 'pyproject.toml') {
      const doc = readToml(scope, file);
      if (!doc) continue;
      const own = (isObject(doc.project) ? str(doc.project.name) : undefined) ?? (isObject(doc.tool) && isObject(doc.tool.poetry) ? str(doc.tool.poetry.name) : undefined);
      const specs = pyprojectRequirements(doc);
      // A workspace root that only declares members and tools is not itself a Python service.
      if (own || specs.length > 0) out.push(facet('language', 'python', file, 'Python project'));
      out.push(...signalsFor(lib, file, specs));
      for (const path of pathDependencies(doc)) out.push({ type: 'uses', dir: resolvePath(dirOf(file), path), evidence: { file, detail: `path dependency ${path}` } });
      if (own && dirOf(file) === scope.dir) out.push({ type: 'name', name: own, short: own, evidence: { file, detail: `name ${own}` } });
    } else if (isRequirementsFile(file)) {
      // pip-tools compiles requirements.in into a .txt that pins every transitive dependency too.
      if (file.endsWith('.txt') && scope.files.includes(file.replace(/\.txt$/, '.in'))) continue;
      const text = scope.read(file);
      if (text === undefined) continue;
      const weak = isDevRequirements(file);
      out.push(facet('language', 'python', file, 'Python requirements'));
      out.push(...signalsFor(lib, file, requirementsLines(text).map((spec) => ({ spec, weak }))));
    } else if (name === 'Pipfile') {
      const doc = readToml(scope, file);
      if (!doc) continue;
      out.push(facet('language', 'python', file, 'Pipenv project'));
      const keys = (t: unknown, weak: boolean) => (isObject(t) ? Object.keys(t).map((spec) => ({ spec, weak })) : []);
      out.push(...signalsFor(lib, file, [...keys(doc.packages, false), ...keys(doc['dev-packages'], true)]));
    } else if (name === 'setup.py' || name === 'setup.cfg') {
      out.push(facet('language', 'python', file, 'Python package setup'));
    }
  }
  return out;
};
