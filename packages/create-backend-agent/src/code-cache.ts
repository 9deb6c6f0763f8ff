/**
 * Loads the CLI's CommonJS chunks with V8's code cache, kept per user between runs.
 *
 * Why not Node's own compile cache: Node 20 has none, and Node 22+'s caches each module as compiled
 * before it runs, which leaves out every function V8 compiles lazily while the command runs: most
 * of a scaffold's compile time. Cached data taken from a script after the run holds those too, so a
 * second run compiles almost nothing (docs/performance.md has the figures).
 *
 * Trust: cached data is bytecode V8 runs without checking it against the source beyond its length,
 * so it lives only in a folder of the user's own (mode 0700, not writable by others), keyed by the
 * build's content hash, the Node version and the CPU architecture; anything else is not read.
 * NODE_DISABLE_COMPILE_CACHE, Node's own switch, turns it off; so does a missing home folder.
 * Every failure to read or write the cache only costs speed: the chunks load as they would anyway.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import vm from 'node:vm';

export interface CacheContext {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  home: string;
  /** The build's content hash (build.mjs), so two builds never share cached data. */
  buildId: string;
  nodeVersion: string;
  arch: string;
}

/** Node's CommonJS module wrapper. */
const WRAPPER = '(function (exports, require, module, __filename, __dirname) {';

/** Folders of other builds kept beside this one (another installed version, a rebuild): older ones go. */
const KEEP_OTHER_BUILDS = 3;

/** The folder this build's cached data lives in, or null when there is to be none. */
export function codeCacheDir(context: CacheContext): string | null {
  const { env } = context;
  if (env.NODE_DISABLE_COMPILE_CACHE) return null;
  // XDG: a relative XDG_CACHE_HOME is invalid and ignored.
  const xdg = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : undefined;
  const base = xdg ?? (context.platform === 'win32' ? env.LOCALAPPDATA : context.home ? join(context.home, '.cache') : undefined);
  if (!base) return null;
  return join(base, 'create-backend-agent', 'code-cache', `${context.buildId}-node${context.nodeVersion}-${context.arch}`);
}

/** Whether `dir` is the user's own and no one else can write to it (always, where there are no uids). */
function ownedByUser(dir: string): boolean {
  const stats = statSync(dir);
  if (!stats.isDirectory()) return false;
  if (typeof process.getuid !== 'function') return true;
  return stats.uid === process.getuid() && (stats.mode & 0o022) === 0;
}

interface LoadedModule {
  exports: unknown;
  id: string;
  filename: string;
  loaded: boolean;
}

/**
 * A CommonJS loader for the bundle's own chunks (relative specifiers); everything else (Node's
 * built-ins: the bundle has no dependencies) goes to Node's require. Same wrapper and semantics as
 * Node's loader, so a chunk runs the same with or without the cache. No import(): the build turns
 * every one into a require (vm's loader for it is experimental and warns on use).
 */
export class CachedChunkLoader {
  private readonly modules = new Map<string, LoadedModule>();
  private readonly uncached: Array<{ script: vm.Script; file: string }> = [];
  private readonly trusted: boolean;
  private readonly nodeRequire: NodeJS.Require;

  constructor(private readonly cacheDir: string, entry: string) {
    this.nodeRequire = createRequire(entry);
    this.trusted = (() => {
      try {
        return ownedByUser(cacheDir);
      } catch {
        return false; // Not there yet: written at exit.
      }
    })();
  }

  load(file: string): unknown {
    const known = this.modules.get(file);
    if (known) return known.exports;
    const module: LoadedModule = { exports: {}, id: file, filename: file, loaded: false };
    this.modules.set(file, module);
    let source = readFileSync(file, 'utf8');
    if (source.startsWith('#!')) source = `//${source.slice(2)}`; // As Node's loader does, keeping lines.
    const cachedData = this.trusted ? this.cached(file) : undefined;
    const script = new vm.Script(`${WRAPPER}${source}\n})`, {
      filename: file,
      // Stack traces point at the file's own columns on its first line, not the wrapper's.
      columnOffset: -WRAPPER.length,
      cachedData,
    });
    if (cachedData === undefined || script.cachedDataRejected) this.uncached.push({ script, file });
    const dir = dirname(file);
    const require = ((specifier: string) =>
      specifier.startsWith('./') || specifier.startsWith('../') ? this.load(resolve(dir, specifier)) : this.nodeRequire(specifier)) as NodeJS.Require;
    (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, require, module, file, dir);
    module.loaded = true;
    return module.exports;
  }

  /**
   * Writes cached data for each script that had none (or had it rejected: another Node flag), taken
   * now, at exit, so it holds every function this run compiled. Atomic per file; concurrent runs
   * write the same bytes.
   */
  saveAtExit(): void {
    if (this.uncached.length === 0) return;
    try {
      const fresh = mkdirSync(this.cacheDir, { recursive: true, mode: 0o700 }) !== undefined;
      if (!ownedByUser(this.cacheDir)) return;
      for (const { script, file } of this.uncached) {
        const target = this.cacheFile(file);
        const temp = `${target}.${process.pid}.tmp`;
        writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
        renameSync(temp, target);
      }
      if (fresh) this.pruneOtherBuilds();
      else this.removeStaleTemps();
    } catch {
      // Only speed is lost.
    }
  }

  private cached(file: string): Buffer | undefined {
    try {
      return readFileSync(this.cacheFile(file));
    } catch {
      return undefined;
    }
  }

  private cacheFile(file: string): string {
    return join(this.cacheDir, `${basename(file)}.v8`);
  }

  /** Temp files of runs killed while writing (a live run's are younger than a minute). */
  private removeStaleTemps(): void {
    const cutoff = Date.now() - 60_000;
    for (const name of readdirSync(this.cacheDir)) {
      const path = join(this.cacheDir, name);
      if (name.endsWith('.tmp') && statSync(path).mtimeMs < cutoff) rmSync(path, { force: true });
    }
  }

  private pruneOtherBuilds(): void {
    const root = dirname(this.cacheDir);
    const others = readdirSync(root)
      .map((name) => join(root, name))
      .filter((path) => path !== this.cacheDir)
      .map((path) => ({ path, mtime: statSync(path).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime);
    for (const { path } of others.slice(KEEP_OTHER_BUILDS)) rmSync(path, { recursive: true, force: true });
  }
}
