/** Rust crates: Cargo.toml dependencies (and the datastore features of SQL crates such as sqlx). */
import { ALL_KINDS, lookup, lookupPackage } from './match.js';
import { base, dirOf, facet, isObject, readToml, resolvePath, str, type Detector, type Signal } from './scope.js';

/** Dev and build dependencies never run in the service: weak evidence. */
const DEPENDENCY_TABLES = [['dependencies', false], ['dev-dependencies', true], ['build-dependencies', true]] as const;

function dependencyTables(doc: Record<string, unknown>): Array<[Record<string, unknown>, boolean]> {
  const tables: Array<[unknown, boolean]> = DEPENDENCY_TABLES.map(([t, weak]) => [doc[t], weak]);
  if (isObject(doc.target)) for (const target of Object.values(doc.target)) if (isObject(target)) tables.push(...DEPENDENCY_TABLES.map(([t, weak]): [unknown, boolean] => [target[t], weak]));
  // [workspace.dependencies] only offers versions to members; the members' own tables say what is used.
  return tables.filter((t): t is [Record<string, unknown>, boolean] => isObject(t[0]));
}

export const detectRust: Detector = (scope, lib) => {
  const out: Signal[] = [];
  for (const file of scope.files.filter((f) => base(f) === 'Cargo.toml')) {
    const doc = readToml(scope, file);
    if (!doc) continue;
    const pkg = isObject(doc.package) ? doc.package : undefined;
    out.push(facet('language', 'rust', file, pkg ? `crate ${str(pkg.name) ?? ''}`.trim() : 'Cargo workspace'));
    const seen = new Set<string>();
    for (const [table, weak] of dependencyTables(doc)) {
      for (const [key, spec] of Object.entries(table)) {
        const crate = (isObject(spec) ? str(spec.package) : undefined) ?? key;
        if (seen.has(crate)) continue;
        seen.add(crate);
        const evidence = { file, detail: `${weak ? 'dev-dependency' : 'dependency'} ${crate}` };
        out.push(...lookupPackage(lib, 'cargo', crate, ALL_KINDS, evidence, weak));
        out.push({ type: 'uses', name: crate, evidence });
        if (isObject(spec) && str(spec.path)) out.push({ type: 'uses', dir: resolvePath(dirOf(file), str(spec.path)!), evidence });
        // SQL toolkits name their database only in features: sqlx = { features = ["postgres"] }.
        const features = isObject(spec) && Array.isArray(spec.features) ? spec.features.filter((f): f is string => typeof f === 'string') : [];
        for (const feature of features) out.push(...lookup(lib, [feature.toLowerCase()], ['datastore'], { file, detail: `dependency ${crate} with feature ${feature}` }, { weak: weak || undefined }));
      }
    }
    const name = pkg ? str(pkg.name) : undefined;
    if (name && dirOf(file) === scope.dir) out.push({ type: 'name', name, short: name, evidence: { file, detail: `crate ${name}` } });
  }
  return out;
};
