/**
 * Node's on-disk compile cache for the build: the modules a build loads (Astro, Vite, exceljs,
 * sharp's bindings, our own TypeScript after type stripping) are parsed and compiled once, then
 * read back as V8 code cache by later builds. Node checks each entry against its source, so an
 * edited file is simply compiled again. A build starts about 0.4 s sooner (docs/benchmark.md).
 */
import * as nodeModule from 'node:module';
import { join } from 'node:path';

/** The cache folder inside the checkout (git-ignored, like every build cache). */
export function compileCacheDir(root: string): string {
  return join(root, '.cache', 'node-compile');
}

/**
 * Turns the cache on for this thread and for the worker threads started after it (a worker
 * reads NODE_COMPILE_CACHE from its environment; enableCompileCache covers only the caller).
 * A folder the user set in NODE_COMPILE_CACHE wins; NODE_DISABLE_COMPILE_CACHE=1 turns it off;
 * a Node without the API (before 22.8) builds as before.
 */
export function enableBuildCompileCache(root: string, env: NodeJS.ProcessEnv = process.env): void {
  if (env['NODE_DISABLE_COMPILE_CACHE'] || typeof nodeModule.enableCompileCache !== 'function')
    return;
  const dir = env['NODE_COMPILE_CACHE'] || compileCacheDir(root);
  nodeModule.enableCompileCache(dir);
  env['NODE_COMPILE_CACHE'] = dir;
}
