/**
 * .NET projects: *.csproj (SDK, PackageReference and ProjectReference, parsed as XML), central
 * package versions, and .NET Aspire AppHosts, whose resources (AddRedis, AddPostgres, …) are the
 * datastores and brokers the application runs with.
 */
import { ALL_KINDS, SERVICE_KINDS, lookup, lookupPackage } from './match.js';
import { asArray, base, dirOf, facet, isObject, readXml, resolvePath, str, type Detector, type Scope, type Signal } from './scope.js';
import type { Library } from '../library/index.js';

function references(project: Record<string, unknown>, element: string): Array<{ id: string; attrs: Record<string, unknown> }> {
  const out: Array<{ id: string; attrs: Record<string, unknown> }> = [];
  for (const group of asArray(project.ItemGroup)) {
    if (!isObject(group)) continue;
    for (const ref of asArray(group[element])) {
      const id = isObject(ref) ? str(ref['@Include']) : undefined;
      if (id) out.push({ id, attrs: ref as Record<string, unknown> });
    }
  }
  return out;
}

const TEST_PACKAGES = /^(microsoft\.net\.test\.sdk|xunit|xunit\.v3(\..+)?|nunit|mstest|mstest\.testframework)$/;
const TEST_SDK = /^(mstest\.sdk|xunit\.|nunit\.)/i;

/** A test project (a test SDK or framework, IsTestProject, a "*.Tests" name) only tests; its packages are weak evidence. */
function isTestProject(file: string, project: Record<string, unknown>, packages: readonly string[]): boolean {
  const flag = asArray(project.PropertyGroup).some((g) => isObject(g) && str(g.IsTestProject)?.toLowerCase() === 'true');
  return flag || TEST_SDK.test(str(project['@Sdk']) ?? '') || packages.some((p) => TEST_PACKAGES.test(p.toLowerCase())) || /[.-](Unit|Functional|Integration|E2E)?Tests?\.csproj$/i.test(base(file));
}

function isAppHost(project: Record<string, unknown>, packages: readonly string[]): boolean {
  const sdks = [str(project['@Sdk']), ...asArray(project.Sdk).map((s) => (isObject(s) ? str(s['@Name']) : undefined))];
  const flag = asArray(project.PropertyGroup).some((g) => isObject(g) && str(g.IsAspireHost)?.toLowerCase() === 'true');
  return flag || sdks.some((s) => s?.toLowerCase().startsWith('aspire.apphost.sdk')) || packages.some((p) => p.toLowerCase() === 'aspire.hosting.apphost');
}

/** `builder.AddRedis("cache")`, `AddAzureServiceBus(…)`: the resource type after "Add". */
const RESOURCE = /\.Add([A-Z][A-Za-z0-9]*)\s*(?:<[^>]*>)?\s*\(/g;

function appHostResources(scope: Scope, lib: Library, dir: string): Signal[] {
  const out: Signal[] = [];
  const seen = new Set<string>();
  for (const file of scope.files.filter((f) => f.endsWith('.cs') && dirOf(f) === dir)) {
    const text = scope.read(file);
    if (text === undefined) continue;
    for (const [, resource] of text.matchAll(RESOURCE)) {
      if (seen.has(resource!) || /^(Project|Container|Executable|Parameter|ConnectionString|Dockerfile|NpmApp|NodeApp|PythonApp|Json|Environment)/.test(resource!)) continue;
      seen.add(resource!);
      const key = resource!.toLowerCase();
      const evidence = { file, detail: `Aspire resource Add${resource}` };
      // AddAzureServiceBus: Azure, and what runs there.
      const keys = key.startsWith('azure') && key.length > 5 ? [key, key.slice(5)] : [key];
      out.push(...lookup(lib, keys, SERVICE_KINDS, evidence));
      if (key.startsWith('azure')) out.push(...lookup(lib, ['azure'], ['cloud'], evidence));
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
  const packages = references(project, 'PackageReference');
  const test = isTestProject(file, project, packages.map((p) => p.id));
  for (const { id, attrs } of packages) {
    // Analyzers and build tools (PrivateAssets="all") never run with the application.
    const tooling = str(attrs['@PrivateAssets'])?.toLowerCase() === 'all';
    const evidence = { file, detail: `${test ? 'test project package' : 'package'} ${id}` };
    out.push(...lookupPackage(lib, 'nuget', id, ALL_KINDS, evidence, test || tooling));
  }
  for (const { id } of references(project, 'ProjectReference')) {
    out.push({ type: 'uses', dir: dirOf(resolvePath(dirOf(file), id)), evidence: { file, detail: `ProjectReference ${id}` } });
  }
  if (isAppHost(project, packages.map((p) => p.id))) out.push(...appHostResources(scope, lib, dirOf(file)));
  const name = asArray(project.PropertyGroup).map((g) => (isObject(g) ? str(g.AssemblyName) : undefined)).find(Boolean) ?? base(file).replace(/\.csproj$/, '');
  out.push({ type: 'name', name, short: name, evidence: { file, detail: `.NET project ${name}` } });
  return out;
}

export const detectDotnet: Detector = (scope, lib) =>
  scope.files.flatMap((file) => {
    const name = base(file);
    if (name.endsWith('.csproj')) return csproj(scope, lib, file);
    if (name.endsWith('.fsproj')) return [{ type: 'unsupported', name: 'F#', evidence: { file, detail: 'F# project' } } satisfies Signal];
    // Directory.Packages.props lists the versions projects may use, test tools included: only the
    // projects' own references say what runs.
    return [];
  });
