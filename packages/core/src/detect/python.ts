/** Python projects: pyproject.toml (PEP 621, Poetry, dependency groups), requirements*.txt, Pipfile. */
import { ALL_KINDS, dashKeys, lookup } from './match.js';
import { base, dirOf, facet, isObject, readToml, str, type Detector, type Scope, type Signal } from './scope.js';

/** PEP 503 normalised name of a PEP 508 requirement ("Django>=5; python_version>'3'" -> "django"). */
export function requirementName(spec: string): string | undefined {
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(spec);
  return match ? match[1]!.toLowerCase().replace(/[-_.]+/g, '-') : undefined;
}

const isRequirementsFile = (path: string) =>
  /^requirements.*\.(txt|in)$/.test(base(path)) || (base(dirOf(path)) === 'requirements' && path.endsWith('.txt'));

function requirementsLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter((line) => line && !line.startsWith('-') && !/^[a-z+]+:\/\//i.test(line));
}

function pyprojectRequirements(doc: Record<string, unknown>): string[] {
  const specs: string[] = [];
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  const project = isObject(doc.project) ? doc.project : {};
  specs.push(...strings(project.dependencies));
  if (isObject(project['optional-dependencies'])) for (const list of Object.values(project['optional-dependencies'])) specs.push(...strings(list));
  if (isObject(doc['dependency-groups'])) for (const list of Object.values(doc['dependency-groups'])) specs.push(...strings(list));
  const poetry = isObject(doc.tool) && isObject(doc.tool.poetry) ? doc.tool.poetry : undefined;
  if (poetry) {
    const tables = [poetry.dependencies, poetry['dev-dependencies'], ...(isObject(poetry.group) ? Object.values(poetry.group).map((g) => (isObject(g) ? g.dependencies : undefined)) : [])];
    for (const table of tables) if (isObject(table)) specs.push(...Object.keys(table).filter((k) => k.toLowerCase() !== 'python'));
  }
  return specs;
}

function signalsFor(lib: Parameters<typeof lookup>[0], file: string, specs: readonly string[]): Signal[] {
  const out: Signal[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    const name = requirementName(spec);
    if (!name || seen.has(name)) continue;
    seen.add(name);
    out.push(...lookup(lib, dashKeys(name), ALL_KINDS, { file, detail: `requires ${name}` }));
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
      out.push(facet('language', 'python', file, 'Python project'));
      out.push(...signalsFor(lib, file, pyprojectRequirements(doc)));
      const project = isObject(doc.project) ? str(doc.project.name) : undefined;
      const poetry = isObject(doc.tool) && isObject(doc.tool.poetry) ? str(doc.tool.poetry.name) : undefined;
      const own = project ?? poetry;
      if (own && dirOf(file) === scope.dir) out.push({ type: 'name', name: own, evidence: { file, detail: `name ${own}` } });
    } else if (isRequirementsFile(file)) {
      const text = scope.read(file);
      if (text === undefined) continue;
      out.push(facet('language', 'python', file, 'Python requirements'));
      out.push(...signalsFor(lib, file, requirementsLines(text)));
    } else if (name === 'Pipfile') {
      const doc = readToml(scope, file);
      if (!doc) continue;
      out.push(facet('language', 'python', file, 'Pipenv project'));
      const keys = [doc.packages, doc['dev-packages']].flatMap((t) => (isObject(t) ? Object.keys(t) : []));
      out.push(...signalsFor(lib, file, keys));
    } else if (name === 'setup.py' || name === 'setup.cfg') {
      out.push(facet('language', 'python', file, 'Python package setup'));
    }
  }
  return out;
};
