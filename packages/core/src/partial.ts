/**
 * A partial run: one document (the runbook, the test strategy) re-rendered from the full scaffold
 * while every other file stays as it is. The tree keeps only the chosen outputs and a manifest that
 * records them as rendered now and every other file as the last run recorded it, so a later full
 * run still tells the user's edits from the tool's own files. Pure, like generate().
 */
import { serializeManifest, type Manifest } from './manifest.js';
import { MANIFEST_PATH } from './paths.js';
import { makeTree, type Tree } from './tree.js';
import { InternalError } from './errors.js';

export function restrictTree(tree: Tree, paths: readonly string[], previous: Manifest | null): Tree {
  const manifestText = tree.get(MANIFEST_PATH);
  if (manifestText === undefined) throw new InternalError(`restrictTree needs a tree with ${MANIFEST_PATH}.`);
  for (const path of paths) {
    if (!tree.has(path) || path === MANIFEST_PATH) throw new InternalError(`restrictTree: "${path}" is not an output of this run.`);
  }
  // generate() wrote it a moment ago: parsed as it is, so the answers keep their order byte for byte.
  const current = JSON.parse(manifestText) as Manifest;
  const files: Record<string, string> = { ...previous?.files };
  for (const path of paths) files[path] = current.files[path]!;
  const sorted = Object.fromEntries(Object.keys(files).sort().map((path) => [path, files[path]!]));
  return makeTree([
    ...paths.map((path) => [path, tree.get(path)!] as const),
    [MANIFEST_PATH, serializeManifest({ ...current, files: sorted })],
  ]);
}
