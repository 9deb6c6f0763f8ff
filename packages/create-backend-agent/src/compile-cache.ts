/**
 * Node's on-disk compile cache (Node 22.1+): later runs skip compiling the chunks they load, which is
 * most of a short run's start-up. Imported first by cli.ts, so it is on before any chunk loads; a
 * no-op where Node has none (Node 20) or when NODE_DISABLE_COMPILE_CACHE is set (Node reads it).
 */
import * as nodeModule from 'node:module';

const enable = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache;
try {
  enable?.();
} catch {
  // A cache folder that cannot be created only costs speed.
}
