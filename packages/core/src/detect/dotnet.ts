/** .NET projects: *.csproj (SDK and PackageReference, parsed as XML) and central package versions. */
import { ALL_KINDS, dottedKeys, lookup } from './match.js';
import { asArray, base, facet, isObject, readXml, str, type Detector, type Scope, type Signal } from './scope.js';
import type { Library } from '../library/index.js';

function packageSignals(lib: Library, file: string, project: Record<string, unknown>, element: 'PackageReference' | 'PackageVersion'): Signal[] {
  const out: Signal[] = [];
  for (const group of asArray(project.ItemGroup)) {
    if (!isObject(group)) continue;
    for (const ref of asArray(group[element])) {
      const id = isObject(ref) ? str(ref['@Include']) : undefined;
      if (id) out.push(...lookup(lib, dottedKeys(id), ALL_KINDS, { file, detail: `package ${id}` }));
    }
  }
  return out;
}

function csproj(scope: Scope, lib: Library, file: string): Signal[] {
  const doc = readXml(scope, file);
  const project = doc && isObject(doc.Project) ? doc.Project : undefined;
  if (!project) return [];
  const out: Signal[] = [facet('language', 'csharp', file, 'C# project')];
  const sdk = str(project['@Sdk']);
  if (sdk) out.push(...lookup(lib, [sdk.toLowerCase()], ALL_KINDS, { file, detail: `Sdk="${sdk}"` }));
  out.push(...packageSignals(lib, file, project, 'PackageReference'));
  return out;
}

export const detectDotnet: Detector = (scope, lib) =>
  scope.files.flatMap((file) => {
    const name = base(file);
    if (name.endsWith('.csproj')) return csproj(scope, lib, file);
    if (name.endsWith('.fsproj')) return [{ type: 'unsupported', name: 'F#', evidence: { file, detail: 'F# project' } } satisfies Signal];
    if (name === 'Directory.Packages.props') {
      const doc = readXml(scope, file);
      return doc && isObject(doc.Project) ? packageSignals(lib, file, doc.Project, 'PackageVersion') : [];
    }
    return [];
  });
