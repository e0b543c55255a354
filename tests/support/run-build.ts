/**
 * Runs the real build command (`scripts/build.ts`, as `npm run build` does) as a child
 * process, and reads what it leaves behind: exit code, output, per-stage times, file hashes.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const NODE = join(ROOT, 'node_modules/.bin/node');

export interface BuildRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Wall time of the whole command, ms (reported, never asserted). */
  ms: number;
}

/**
 * `node scripts/build.ts <args>` with SOURCE_DATE_EPOCH=0 (so the build date does not depend
 * on when the dataset was written) and CI=1 (plain progress lines).
 * @example await runBuild(['--dataset', dir, '--out', out, '--generated', gen])
 */
export function runBuild(args: readonly string[]): Promise<BuildRun> {
  const started = performance.now();
  return new Promise((done) => {
    execFile(
      NODE,
      [join(ROOT, 'scripts/build.ts'), ...args],
      {
        cwd: ROOT,
        env: { ...process.env, SOURCE_DATE_EPOCH: '0', CI: '1' },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        done({ code, stdout, stderr, ms: performance.now() - started });
      },
    );
  });
}

/**
 * The stage times of the build's closing summary ("Time per stage:" lines), in ms.
 * @example stageTimes('Time per stage:\n  imaging  9.2 s\n  astro  2 min 5 s') // {imaging: 9200, astro: 125000}
 */
export function stageTimes(stdout: string): Record<string, number> {
  const times: Record<string, number> = {};
  const section = stdout.split('Time per stage:')[1] ?? '';
  for (const match of section.matchAll(/^\s+(\S+)\s+(?:(\d+) min\s*)?([\d.]+) (ms|s)$/gm)) {
    const minutes = Number(match[2] ?? 0);
    times[match[1]!] = minutes * 60_000 + Number(match[3]) * (match[4] === 's' ? 1000 : 1);
  }
  return times;
}

/** Every file under `dir`, as paths relative to it (forward slashes), sorted. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

/** sha256 of every file under `dir`, by relative path. */
export async function hashTree(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const file of await filesUnder(dir)) {
    const bytes = await readFile(join(dir, file));
    hashes.set(file, createHash('sha256').update(bytes).digest('hex'));
  }
  return hashes;
}

/** Modification time (ms) of every file under `dir`, by relative path. */
export async function mtimeTree(dir: string): Promise<Map<string, number>> {
  const times = new Map<string, number>();
  for (const file of await filesUnder(dir)) times.set(file, (await stat(join(dir, file))).mtimeMs);
  return times;
}
