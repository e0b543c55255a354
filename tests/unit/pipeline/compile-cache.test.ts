import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileCacheDir } from '../../../scripts/lib/compile-cache.ts';

const MODULE = resolve(import.meta.dirname, '../../../scripts/lib/compile-cache.ts');

// What the build does first: turn the cache on, then start a worker thread (as the imaging pool
// does). Prints the folder each thread compiles into.
const SCRIPT = `
import { getCompileCacheDir } from 'node:module';
import { Worker } from 'node:worker_threads';
const { enableBuildCompileCache } = await import(${JSON.stringify(MODULE)});
enableBuildCompileCache(process.argv[1]);
const worker = new Worker(new URL('data:text/javascript,' + encodeURIComponent(
  "import { parentPort } from 'node:worker_threads';" +
  "import { getCompileCacheDir } from 'node:module';" +
  "parentPort.postMessage(getCompileCacheDir() ?? null);",
)));
const inWorker = await new Promise((done) => worker.once('message', done));
await worker.terminate();
console.log(JSON.stringify({ main: getCompileCacheDir() ?? null, worker: inWorker }));
`;

function run(root: string, env: NodeJS.ProcessEnv = {}) {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT, root], {
    env: { PATH: process.env['PATH'], ...env },
    encoding: 'utf8',
  });
  expect(child.stderr).toBe('');
  return JSON.parse(child.stdout) as { main: string | null; worker: string | null };
}

describe("the build's compile cache", () => {
  const roots: string[] = [];
  const newRoot = () => {
    const root = mkdtempSync(join(tmpdir(), 'compile-cache-'));
    roots.push(root);
    return root;
  };
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  it('is on for the build thread and for the worker threads started after it, inside .cache', () => {
    const root = newRoot();
    const dirs = run(root);
    expect(dirs.main?.startsWith(compileCacheDir(root))).toBe(true);
    expect(dirs.worker).toBe(dirs.main);
    // Written when the process exits: the next build reads it back.
    expect(readdirSync(dirs.main!).length).toBeGreaterThan(0);
  });

  it('uses the folder the user set, and stays off when they turned it off', () => {
    const root = newRoot();
    const own = join(root, 'own-cache');
    expect(run(root, { NODE_COMPILE_CACHE: own }).worker?.startsWith(own)).toBe(true);
    expect(run(root, { NODE_DISABLE_COMPILE_CACHE: '1' })).toEqual({ main: null, worker: null });
  });
});
