import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CachedChunkLoader, codeCacheDir, type CacheContext } from './code-cache.js';

const context = (over: Partial<CacheContext> = {}): CacheContext => ({
  env: {},
  platform: 'linux',
  home: '/home/ada',
  buildId: '0123456789abcdef',
  nodeVersion: '20.20.2',
  arch: 'x64',
  ...over,
});

describe('codeCacheDir', () => {
  it('is keyed by the build, the Node version and the architecture, under ~/.cache', () => {
    expect(codeCacheDir(context())).toBe('/home/ada/.cache/create-backend-agent/code-cache/0123456789abcdef-node20.20.2-x64');
    expect(codeCacheDir(context({ nodeVersion: '24.22.3', arch: 'arm64' }))).toBe('/home/ada/.cache/create-backend-agent/code-cache/0123456789abcdef-node24.22.3-arm64');
  });

  it('follows an absolute XDG_CACHE_HOME and ignores a relative one, as the XDG spec says', () => {
    expect(codeCacheDir(context({ env: { XDG_CACHE_HOME: '/var/cache/ada' } }))).toBe('/var/cache/ada/create-backend-agent/code-cache/0123456789abcdef-node20.20.2-x64');
    expect(codeCacheDir(context({ env: { XDG_CACHE_HOME: 'cache' } }))).toBe('/home/ada/.cache/create-backend-agent/code-cache/0123456789abcdef-node20.20.2-x64');
  });

  it("uses LOCALAPPDATA on Windows, and is off with Node's NODE_DISABLE_COMPILE_CACHE or without a home", () => {
    expect(codeCacheDir(context({ platform: 'win32', env: { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' } }))).toContain('create-backend-agent');
    expect(codeCacheDir(context({ env: { NODE_DISABLE_COMPILE_CACHE: '1' } }))).toBeNull();
    expect(codeCacheDir(context({ home: '' }))).toBeNull();
    expect(codeCacheDir(context({ platform: 'win32', env: {} }))).toBeNull();
  });
});

describe('CachedChunkLoader', () => {
  let root: string;
  let code: string;
  let cache: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cba-code-cache-'));
    code = join(root, 'dist');
    cache = join(root, 'cache', 'create-backend-agent', 'code-cache', 'build-a');
    mkdirSync(join(code, 'chunks'), { recursive: true });
    writeFileSync(join(code, 'cli.cjs'), [
      '#!/usr/bin/env node',
      'const { twice } = require("./chunks/math.cjs");',
      'exports.answer = twice(21);',
      'exports.self = this === module.exports;',
      'exports.where = [__filename, __dirname];',
      'exports.sep = require("node:path").sep;',
      'exports.later = () => Promise.resolve().then(() => require("./chunks/late.cjs"));',
    ].join('\n'));
    writeFileSync(join(code, 'chunks/math.cjs'), 'exports.twice = (n) => n * 2;\n');
    writeFileSync(join(code, 'chunks/late.cjs'), 'module.exports = { late: true };\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const run = async (entry = join(code, 'cli.cjs')) => {
    const loader = new CachedChunkLoader(cache, entry);
    const exports = loader.load(entry) as { answer: number; self: boolean; where: string[]; sep: string; later: () => Promise<{ late: boolean }> };
    const late = await exports.later();
    loader.saveAtExit();
    return { exports, late };
  };
  const cacheFiles = () => readdirSync(cache).sort();
  const stamps = () => cacheFiles().map((f) => `${f}@${statSync(join(cache, f)).mtimeMs}`);

  it("runs chunks as Node's CommonJS loader would: require of siblings and built-ins, this, __filename, a shebang", async () => {
    const { exports, late } = await run();
    expect(exports.answer).toBe(42);
    expect(exports.self).toBe(true);
    expect(exports.where).toEqual([join(code, 'cli.cjs'), code]);
    expect(exports.sep).toBe('/');
    expect(late).toEqual({ late: true });
  });

  it('writes cached data for every chunk it loaded, in a folder only the user can enter, and reads it back', async () => {
    await run();
    expect(cacheFiles()).toEqual(['cli.cjs.v8', 'late.cjs.v8', 'math.cjs.v8']);
    expect(statSync(cache).mode & 0o777).toBe(0o700);
    for (const f of cacheFiles()) expect(statSync(join(cache, f)).mode & 0o777).toBe(0o600);
    const before = stamps();
    // Accepted on the second run, so nothing is written again.
    const { exports } = await run();
    expect(exports.answer).toBe(42);
    expect(stamps()).toEqual(before);
  });

  it('neither reads nor writes a cache folder others can write to', async () => {
    mkdirSync(cache, { recursive: true });
    chmodSync(cache, 0o777);
    writeFileSync(join(cache, 'math.cjs.v8'), 'planted');
    const { exports } = await run();
    expect(exports.answer).toBe(42);
    expect(cacheFiles()).toEqual(['math.cjs.v8']);
    expect(readFileSync(join(cache, 'math.cjs.v8'), 'utf8')).toBe('planted');
  });

  it("removes temp files left by a run killed while writing, once they are a minute old", async () => {
    await run();
    writeFileSync(join(cache, 'math.cjs.v8.999.tmp'), 'torn');
    writeFileSync(join(cache, 'late.cjs.v8.998.tmp'), 'being written');
    utimesSync(join(cache, 'math.cjs.v8.999.tmp'), 1_000, 1_000);
    rmSync(join(cache, 'cli.cjs.v8')); // so this run has something to save
    await run();
    expect(cacheFiles()).toEqual(['cli.cjs.v8', 'late.cjs.v8', 'late.cjs.v8.998.tmp', 'math.cjs.v8']);
  });

  it("names a failing chunk's own line and column in stack traces", () => {
    writeFileSync(join(code, 'chunks/math.cjs'), '  throw new Error("broken chunk");\n');
    const failure = (() => {
      try {
        new CachedChunkLoader(cache, join(code, 'cli.cjs')).load(join(code, 'cli.cjs'));
      } catch (error) {
        return error as Error;
      }
      return undefined;
    })();
    expect(failure?.stack).toContain(`${join(code, 'chunks/math.cjs')}:1:9`);
  });

  it('a missing chunk throws, so the bin can report a damaged install', () => {
    rmSync(join(code, 'chunks/math.cjs'));
    expect(() => new CachedChunkLoader(cache, join(code, 'cli.cjs')).load(join(code, 'cli.cjs'))).toThrow(/ENOENT.*math\.cjs/);
  });

  it("keeps the three newest other builds' folders when it starts a new one", async () => {
    const builds = join(cache, '..');
    for (const [i, name] of ['old-1', 'old-2', 'old-3', 'old-4', 'old-5'].entries()) {
      mkdirSync(join(builds, name), { recursive: true });
      utimesSync(join(builds, name), 1_000 + i, 1_000 + i);
    }
    await run();
    expect(readdirSync(builds).sort()).toEqual(['build-a', 'old-3', 'old-4', 'old-5']);
  });
});
