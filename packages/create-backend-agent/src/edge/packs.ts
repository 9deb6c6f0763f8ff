/**
 * Finding and reading the team packs a run composes (docs/packs.md): folders inside the target, or
 * npm packages installed in the target's own node_modules. Nothing is fetched. The pack module (and
 * the Handlebars compiler it brings) is imported only when there is a pack to read.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { DEFAULT_PACK_DIR, effectivePacks, getPath, isPlainObject, library, mergeLayers, type AnswerLayer, type Library } from '@create-backend-agent/core';
import { InputError } from '@create-backend-agent/core/errors';
import type { PackFile, PackSource } from '@create-backend-agent/core/packs';

const NPM_NAME = /^(?:@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/;
/** The folders of a pack that are read; anything else in it (a README, a LICENSE) is the team's own. */
const PACK_FOLDERS = ['blocks', 'facets', 'skills', 'presets', 'layouts', 'tests'];
const MAX_PACK_FILE = 512 * 1024;

/** The packs the layers ask for, as resolution will see them (later layers win), plus the repository's own. */
export function requestedPacks(dir: string, layers: readonly AnswerLayer[]): string[] {
  const listed = getPath(mergeLayers(...layers.map((l) => (isPlainObject(l.values) ? l.values : {}))), 'packs');
  const names = Array.isArray(listed) ? listed.filter((p): p is string => typeof p === 'string') : [];
  return effectivePacks(names, existsSync(join(dir, DEFAULT_PACK_DIR)));
}

function filesUnder(root: string, folder: string): PackFile[] {
  const base = join(root, folder);
  if (!existsSync(base)) return [];
  return (readdirSync(base, { recursive: true, encoding: 'utf8' }))
    .map((name) => join(base, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => {
      const shown = relative(root, path).split(sep).join('/');
      if (statSync(path).size > MAX_PACK_FILE) throw new InputError(`pack file ${shown} is larger than 512 KB.`, 'A pack holds templates and data; keep large files out of its folders.');
      return { path: shown, text: readFileSync(path, 'utf8') };
    });
}

/** Where a pack named in the answers is: a folder of the target, else a package in its node_modules. */
export function locatePack(dir: string, spec: string): { path: string; shown: string; isPackage: boolean } {
  const folder = resolve(dir, spec);
  const inside = !relative(dir, folder).startsWith('..');
  if (inside && existsSync(folder) && !NPM_NAME.test(spec)) return { path: folder, shown: spec, isPackage: false };
  if (inside && existsSync(folder) && existsSync(join(folder, 'pack.yaml'))) return { path: folder, shown: spec, isPackage: false };
  if (NPM_NAME.test(spec)) {
    const installed = join(dir, 'node_modules', spec);
    if (existsSync(join(installed, 'package.json'))) return { path: installed, shown: `node_modules/${spec}`, isPackage: true };
    throw new InputError(`The pack ${spec} is not installed in ${join(dir, 'node_modules')}.`, `Install it as a dev dependency of the repository (npm install -D ${spec}), or remove it from the packs answer.`);
  }
  throw new InputError(`The pack folder ${spec} does not exist in ${dir}.`, 'Give a folder inside the repository (backend-agent pack init creates one), or remove it from the packs answer.');
}

export function readPackSource(dir: string, spec: string): PackSource {
  const where = locatePack(dir, spec);
  if (!statSync(where.path).isDirectory()) throw new InputError(`The pack ${spec} (${where.shown}) is not a folder.`);
  const packageJson = where.isPackage ? JSON.parse(readFileSync(join(where.path, 'package.json'), 'utf8')) as PackSource['packageJson'] : undefined;
  const manifest = join(where.path, 'pack.yaml');
  const files = [
    ...(existsSync(manifest) ? [{ path: 'pack.yaml', text: readFileSync(manifest, 'utf8') }] : []),
    ...PACK_FOLDERS.flatMap((folder) => filesUnder(where.path, folder)),
  ];
  return { root: where.shown, files, packageJson };
}

export interface LoadedLibrary {
  lib: Library;
  /** The packs composed, as the answers and the default name them. */
  packs: string[];
}

/** The built-in library, with the requested packs composed in when there are any. */
export async function libraryWithPacks(dir: string, packs: readonly string[]): Promise<LoadedLibrary> {
  if (packs.length === 0) return { lib: library, packs: [] };
  const { readPack, composeWithPacks } = await import('@create-backend-agent/core/packs');
  const sources = packs.map((spec) => readPackSource(dir, spec));
  return { lib: composeWithPacks(library, sources.map(readPack)), packs: [...packs] };
}
