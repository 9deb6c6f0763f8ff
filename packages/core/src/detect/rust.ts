/** Rust crates: Cargo.toml dependencies (and the datastore features of SQL crates such as sqlx). */
import { ALL_KINDS, dashKeys, lookup } from './match.js';
import { base, dirOf, facet, isObject, readToml, str, type Detector, type Signal } from './scope.js';

const DEPENDENCY_TABLES = ['dependencies', 'dev-dependencies', 'build-dependencies'];

function dependencyTables(doc: Record<string, unknown>): Record<string, unknown>[] {
  const tables: unknown[] = DEPENDENCY_TABLES.map((t) => doc[t]);
  if (isObject(doc.workspace)) tables.push(doc.workspace.dependencies);
  if (isObject(doc.target)) for (const target of Object.values(doc.target)) if (isObject(target)) tables.push(...DEPENDENCY_TABLES.map((t) => target[t]));
  return tables.filter(isObject);
}

export const detectRust: Detector = (scope, lib) => {
  const out: Signal[] = [];
  for (const file of scope.files.filter((f) => base(f) === 'Cargo.toml')) {
    const doc = readToml(scope, file);
    if (!doc) continue;
    const pkg = isObject(doc.package) ? doc.package : undefined;
    out.push(facet('language', 'rust', file, pkg ? `crate ${str(pkg.name) ?? ''}`.trim() : 'Cargo workspace'));
    const seen = new Set<string>();
    for (const table of dependencyTables(doc)) {
      for (const [key, spec] of Object.entries(table)) {
        const crate = (isObject(spec) ? str(spec.package) : undefined) ?? key;
        if (seen.has(crate)) continue;
        seen.add(crate);
        const evidence = { file, detail: `dependency ${crate}` };
        out.push(...lookup(lib, dashKeys(crate.toLowerCase()), ALL_KINDS, evidence));
        // SQL toolkits name their database only in features: sqlx = { features = ["postgres"] }.
        const features = isObject(spec) && Array.isArray(spec.features) ? spec.features.filter((f): f is string => typeof f === 'string') : [];
        for (const feature of features) out.push(...lookup(lib, [feature.toLowerCase()], ['datastore'], { file, detail: `dependency ${crate} with feature ${feature}` }));
      }
    }
    const name = pkg ? str(pkg.name) : undefined;
    if (name && dirOf(file) === scope.dir) out.push({ type: 'name', name, evidence: { file, detail: `crate ${name}` } });
  }
  return out;
};
