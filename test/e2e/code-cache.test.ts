/**
 * The code cache as users get it (packages/create-backend-agent/src/code-cache.ts): the built bin,
 * fresh processes, a cache folder of the test's own (XDG_CACHE_HOME). A run with the cache writes
 * the same files as one without; what V8 rejects is replaced; Node's switch turns it off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import fs from 'fs-extra';
import { DATE, runCli, snapshot, tempDir } from '../support/cli.js';

let root: string;
beforeAll(async () => {
  root = await tempDir('cba-code-cache-');
});
afterAll(async () => {
  if (root) await fs.remove(root);
});

const cacheOf = (name: string) => join(root, name);
/** The one build folder under a cache home, and its files with their bytes. */
async function cached(home: string): Promise<Map<string, Buffer>> {
  const builds = join(home, 'create-backend-agent/code-cache');
  const [build, ...more] = await fs.readdir(builds);
  expect(more).toEqual([]);
  const out = new Map<string, Buffer>();
  for (const f of await fs.readdir(join(builds, build!))) out.set(join(builds, build!, f), await fs.readFile(join(builds, build!, f)));
  return out;
}
const contents = async (dir: string) => new Map([...(await snapshot(dir))].map(([path, { content }]) => [path, content]));

describe('the code cache', () => {
  it('writes cached data for the chunks a scaffold ran, and the next run reads it and writes the same files', async () => {
    const home = cacheOf('home-a');
    const first = await runCli([join(root, 'first', 'svc'), '--yes', '--date', DATE], { env: { XDG_CACHE_HOME: home } });
    expect(first.exitCode, first.stderr).toBe(0);
    const written = await cached(home);
    expect([...written.keys()].some((f) => /cli\.cjs\.v8$/.test(f))).toBe(true);
    expect([...written.keys()].filter((f) => /\/create-[\w-]+\.cjs\.v8$/.test(f))).toHaveLength(1);
    // No prompt was shown, so the prompt library's chunk never loaded and has no cached data.
    expect([...written.keys()].filter((f) => /\/inquirer-/.test(f))).toEqual([]);

    const second = await runCli([join(root, 'second', 'svc'), '--yes', '--date', DATE], { env: { XDG_CACHE_HOME: home } });
    expect(second.exitCode, second.stderr).toBe(0);
    expect(await cached(home)).toEqual(written); // accepted: nothing rewritten
    const off = await runCli([join(root, 'off', 'svc'), '--yes', '--date', DATE], { env: { XDG_CACHE_HOME: home, NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(off.exitCode, off.stderr).toBe(0);
    const [a, b, c] = await Promise.all(['first', 'second', 'off'].map((d) => contents(join(root, d, 'svc'))));
    expect(a!.size).toBeGreaterThan(20);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  }, 60_000);

  it('replaces cached data V8 rejects (corrupt, or from another build of V8) and runs as usual', async () => {
    const home = cacheOf('home-b');
    expect((await runCli([join(root, 'b1'), '--yes', '--date', DATE], { env: { XDG_CACHE_HOME: home } })).exitCode).toBe(0);
    const [file] = [...(await cached(home)).keys()].filter((f) => /cli\.cjs\.v8$/.test(f));
    await fs.writeFile(file!, 'not bytecode');
    const again = await runCli([join(root, 'b2'), '--yes', '--date', DATE], { env: { XDG_CACHE_HOME: home } });
    expect(again.exitCode, again.stderr).toBe(0);
    expect((await fs.readFile(file!)).toString()).not.toBe('not bytecode');
  }, 60_000);

  it("is off with Node's NODE_DISABLE_COMPILE_CACHE, and ignored in a folder others can write to", async () => {
    const home = cacheOf('home-c');
    expect((await runCli([join(root, 'c1'), '--yes', '--date', DATE], { env: { XDG_CACHE_HOME: home, NODE_DISABLE_COMPILE_CACHE: '1' } })).exitCode).toBe(0);
    expect(await fs.pathExists(join(home, 'create-backend-agent'))).toBe(false);

    expect((await runCli([join(root, 'c2'), '--yes', '--date', DATE], { env: { XDG_CACHE_HOME: home } })).exitCode).toBe(0);
    const [file] = [...(await cached(home)).keys()].filter((f) => /cli\.cjs\.v8$/.test(f));
    await fs.chmod(join(file!, '..'), 0o777);
    await fs.writeFile(file!, 'planted');
    const planted = await runCli([join(root, 'c3'), '--yes', '--date', DATE], { env: { XDG_CACHE_HOME: home } });
    expect(planted.exitCode, planted.stderr).toBe(0);
    expect(await fs.readFile(file!, 'utf8')).toBe('planted');
  }, 60_000);
});
