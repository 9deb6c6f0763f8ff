/**
 * JVM builds: Maven (pom.xml, parsed as XML), Gradle (build scripts are programs, so only their
 * declarations are scanned: "group:artifact" strings and plugin ids; version catalogs are TOML) and sbt.
 */
import { ALL_KINDS, lookup, lookupPackage } from './match.js';
import { asArray, base, dirOf, facet, isObject, readToml, readXml, str, type Detector, type Scope, type Signal } from './scope.js';
import type { Library } from '../library/index.js';

/** `test` marks a Maven test-scoped dependency, or the Gradle configuration (testImplementation…) it is declared in. */
type Coordinate = { group: string; artifact: string; test?: string };

function coordinateSignals(lib: Library, file: string, coordinates: readonly Coordinate[], label: string): Signal[] {
  const out: Signal[] = [];
  const seen = new Set<string>();
  for (const { group, artifact, test } of coordinates) {
    const id = `${group}:${artifact}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const evidence = { file, detail: test ? `${test} ${id}` : `${label} ${id}` };
    out.push(...lookupPackage(lib, 'maven', id, ALL_KINDS, evidence, test !== undefined));
    out.push({ type: 'uses', name: id, evidence });
  }
  return out;
}

/** Java unless the module's sources are all Kotlin (or Scala). */
function javaSignal(scope: Scope, file: string, signals: readonly Signal[], detail: string): Signal[] {
  const dir = dirOf(file);
  const inModule = scope.files.filter((f) => (dir ? f.startsWith(`${dir}/`) : true));
  const hasJava = inModule.some((f) => f.endsWith('.java'));
  const otherJvm = signals.some((s) => s.type === 'facet' && s.kind === 'language' && (s.id === 'kotlin' || s.id === 'scala'));
  const kotlinSources = inModule.filter((f) => f.endsWith('.kt')).length;
  const out: Signal[] = [];
  if (hasJava || !otherJvm) out.push(facet('language', 'java', file, detail));
  if (kotlinSources > 0 && !otherJvm) out.push(facet('language', 'kotlin', file, `${kotlinSources} Kotlin source file${kotlinSources === 1 ? '' : 's'} in the module`));
  return out;
}

function mavenProject(scope: Scope, lib: Library, file: string): Signal[] {
  const doc = readXml(scope, file);
  const project = doc && isObject(doc.project) ? doc.project : undefined;
  if (!project) return [];
  const coordinates = (list: unknown): Coordinate[] =>
    asArray(list).flatMap((d) => {
      if (!isObject(d)) return [];
      const group = str(d.groupId) ?? 'org.apache.maven.plugins';
      const artifact = str(d.artifactId);
      const test = str(d.scope) === 'test' ? 'test dependency' : undefined;
      return artifact ? [{ group, artifact, ...(test ? { test } : {}) }] : [];
    });
  const deps = coordinates(isObject(project.dependencies) ? project.dependencies.dependency : undefined);
  const build = isObject(project.build) ? project.build : {};
  const plugins = coordinates(isObject(build.plugins) ? build.plugins.plugin : undefined);
  const parent = coordinates(project.parent);
  const out = [
    ...coordinateSignals(lib, file, parent, 'parent'),
    ...coordinateSignals(lib, file, deps, 'dependency'),
    ...coordinateSignals(lib, file, plugins, 'plugin'),
  ];
  out.push(...javaSignal(scope, file, out, 'Maven project'));
  const name = str(project.artifactId);
  const group = str(project.groupId) ?? (isObject(project.parent) ? str(project.parent.groupId) : undefined);
  if (name && dirOf(file) === scope.dir) {
    const id = group ? `${group}:${name}` : name;
    out.push({ type: 'name', name: id, short: name, evidence: { file, detail: `artifactId ${name}${group ? ` (groupId ${group})` : ''}` } });
  }
  return out;
}

const GRADLE_COORDINATE = /["']([A-Za-z0-9_.-]+):([A-Za-z0-9_.-]+)(?::[^"'\s]*)?["']/g;
const GRADLE_PLUGIN = /\bid\s*\(?\s*["']([A-Za-z0-9_.-]+)["']/g;
const GRADLE_KOTLIN = /\bkotlin\s*\(\s*["']([a-z.-]+)["']\s*\)/g;

function gradleBuild(scope: Scope, lib: Library, file: string): Signal[] {
  const text = scope.read(file);
  if (text === undefined) return [];
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
  const coordinates = [...code.matchAll(GRADLE_COORDINATE)].map((m): Coordinate => {
    const before = code.slice(code.lastIndexOf('\n', m.index) + 1, m.index);
    const config = /([A-Za-z]+)\s*[(\s]\s*(?:(?:platform|enforcedPlatform)\s*\(\s*)?$/.exec(before)?.[1];
    return { group: m[1]!, artifact: m[2]!, ...(config && /test/i.test(config) ? { test: config } : {}) };
  });
  const out = coordinateSignals(lib, file, coordinates, 'dependency');
  for (const [, path] of code.matchAll(/\bproject\s*\(\s*(?:path\s*[:=]\s*)?["'](:[^"']*)["']/g)) out.push({ type: 'uses', name: path!, evidence: { file, detail: `project("${path}")` } });
  for (const [, accessor] of code.matchAll(/\bprojects\.([A-Za-z][\w.]*)/g)) out.push({ type: 'uses', name: `projects.${accessor!.toLowerCase()}`, evidence: { file, detail: `projects.${accessor}` } });
  const seen = new Set<string>();
  for (const [, id] of code.matchAll(GRADLE_PLUGIN)) {
    if (seen.has(id!)) continue;
    seen.add(id!);
    out.push(...lookup(lib, [id!.toLowerCase(), id!.toLowerCase().split('.').slice(0, -1).join('.')], ALL_KINDS, { file, detail: `plugin ${id}` }));
  }
  for (const [, id] of code.matchAll(GRADLE_KOTLIN)) out.push(facet('language', 'kotlin', file, `plugin kotlin("${id}")`));
  out.push(...javaSignal(scope, file, out, 'Gradle build'));
  // A Gradle project is named after its folder (or rootProject.name) and grouped by `group = "…"`.
  const dir = dirOf(file);
  if (dir === scope.dir) {
    const settings = ['settings.gradle.kts', 'settings.gradle'].map((n) => (dir ? `${dir}/${n}` : n)).find((f) => scope.files.includes(f));
    const rootName = settings ? /rootProject\.name\s*=\s*["']([^"']+)["']/.exec(scope.read(settings) ?? '')?.[1] : undefined;
    const project = rootName ?? base(dir);
    const group = /^\s*group\s*=\s*["']([^"']+)["']/m.exec(code)?.[1];
    if (project) out.push({ type: 'name', name: group ? `${group}:${project}` : project, short: project, evidence: { file: settings && rootName ? settings : file, detail: rootName ? `rootProject.name ${rootName}` : `Gradle project ${project}${group ? ` (group ${group})` : ''}` } });
  }
  return out;
}

/** gradle/libs.versions.toml: `[libraries]` as "g:a:v", { module = "g:a" } or { group, name }; `[plugins]` ids. */
function versionCatalog(scope: Scope, lib: Library, file: string): Signal[] {
  const doc = readToml(scope, file);
  if (!doc) return [];
  const coordinates: Coordinate[] = [];
  for (const entry of Object.values(isObject(doc.libraries) ? doc.libraries : {})) {
    const module = typeof entry === 'string' ? entry : isObject(entry) ? str(entry.module) ?? (str(entry.group) && str(entry.name) ? `${str(entry.group)}:${str(entry.name)}` : undefined) : undefined;
    const [group, artifact] = module?.split(':') ?? [];
    if (group && artifact) coordinates.push({ group, artifact });
  }
  const out = coordinateSignals(lib, file, coordinates, 'library');
  for (const entry of Object.values(isObject(doc.plugins) ? doc.plugins : {})) {
    const id = typeof entry === 'string' ? entry.split(':')[0] : isObject(entry) ? str(entry.id) : undefined;
    if (id) out.push(...lookup(lib, [id.toLowerCase(), id.toLowerCase().split('.').slice(0, -1).join('.')], ALL_KINDS, { file, detail: `plugin ${id}` }));
  }
  return out;
}

const SBT_COORDINATE = /"([A-Za-z0-9_.-]+)"\s*%%?%?\s*"([A-Za-z0-9_.-]+)"/g;

function sbtBuild(scope: Scope, lib: Library, file: string): Signal[] {
  const text = scope.read(file);
  if (text === undefined) return [];
  const coordinates = [...text.matchAll(SBT_COORDINATE)].map((m) => ({ group: m[1]!, artifact: m[2]! }));
  return [facet('language', 'scala', file, 'sbt build'), ...coordinateSignals(lib, file, coordinates, 'dependency')];
}

export const detectJvm: Detector = (scope, lib) =>
  scope.files.flatMap((file) => {
    const name = base(file);
    if (name === 'pom.xml') return mavenProject(scope, lib, file);
    if (name === 'build.gradle' || name === 'build.gradle.kts') return gradleBuild(scope, lib, file);
    if (name.endsWith('.versions.toml') && base(dirOf(file)) === 'gradle') return versionCatalog(scope, lib, file);
    if (name === 'build.sbt') return sbtBuild(scope, lib, file);
    return [];
  });
