/**
 * The way users get the tool: the tarball `npm pack` makes, published to a real npm registry
 * (verdaccio on 127.0.0.1, temporary storage), then run through `pnpm create` and `npm create`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import fs from 'fs-extra';
import { execa } from 'execa';
import matter from 'gray-matter';
import { CLI, DATE, runCli, snapshot, tempDir } from '../support/cli.js';
import { pnpmCommand, run, startRegistry, type Registry } from '../support/registry.js';

const PACKAGE_DIR = join(CLI, '../..');
const VERSION: string = fs.readJsonSync(join(PACKAGE_DIR, 'package.json')).version;

let root: string;
let registry: Registry | undefined;
let expected: Map<string, string>;

beforeAll(async () => {
  root = await tempDir('cba-registry-');
  registry = await startRegistry(join(root, 'registry'));
  const pack = await execa('npm', ['pack', '--json', '--pack-destination', root], { cwd: PACKAGE_DIR, env: registry.env, extendEnv: false });
  const tarball = join(root, JSON.parse(pack.stdout)[0].filename);
  const publish = await run(['npm', 'publish', tarball], root, registry.env);
  expect(publish.exitCode, publish.stderr).toBe(0);

  // What the local build writes is what the published package must write.
  const local = join(root, 'local/orders');
  const result = await runCli([local, '--yes', '--date', DATE]);
  expect(result.exitCode, result.stderr).toBe(0);
  expected = contents(await snapshot(local));
}, 60_000);

afterAll(async () => {
  await registry?.stop();
  if (root) await fs.remove(root);
});

function contents(files: Map<string, { content: string }>): Map<string, string> {
  return new Map([...files].map(([path, { content }]) => [path, content]));
}

describe('published through a registry', () => {
  it('serves the package as published: no dependencies, both bins, the Node range', async () => {
    const response = await fetch(`${registry!.url}create-backend-agent`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as { 'dist-tags': Record<string, string>; versions: Record<string, Record<string, unknown>> };
    expect(doc['dist-tags'].latest).toBe(VERSION);
    const manifest = doc.versions[VERSION]!;
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.bin).toEqual({ 'create-backend-agent': 'dist/bin.cjs', 'backend-agent': 'dist/bin.cjs' });
    expect(manifest.engines).toEqual({ node: '>=20.12' });
  });

  it('`pnpm create backend-agent <dir> --yes` writes the same files as the local build', async () => {
    const cwd = join(root, 'pnpm');
    await fs.ensureDir(cwd);
    const result = await run([...pnpmCommand(), 'create', 'backend-agent', 'orders', '--yes', '--date', DATE], cwd, registry!.env);
    expect(result.exitCode, `${result.stderr}\n${result.stdout}`).toBe(0);
    const written = contents(await snapshot(join(cwd, 'orders')));
    expect(written).toEqual(expected);
    expect(matter(written.get('.claude/agents/backend-staff.md')!).data.name).toBe('backend-staff');
    expect(JSON.parse(written.get('.backend-agent/manifest.json')!).tool.version).toBe(VERSION);
  }, 60_000);

  it('`npm create backend-agent@latest <dir> -- --yes` writes the same files as the local build', async () => {
    const cwd = join(root, 'npm');
    await fs.ensureDir(cwd);
    const result = await run(['npm', 'create', 'backend-agent@latest', 'orders', '--', '--yes', '--date', DATE], cwd, registry!.env);
    expect(result.exitCode, `${result.stderr}\n${result.stdout}`).toBe(0);
    expect(contents(await snapshot(join(cwd, 'orders')))).toEqual(expected);
  }, 60_000);
});
