/**
 * The whole-build figures: `scripts/build.ts` run as a child process on the embedded sample of a
 * given size, under GNU time for peak memory. Cold = no sample, no imaging cache, no output (a
 * fresh clone); warm = the same command again with nothing changed.
 */
import { spawn } from 'node:child_process';
import { access, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { imagingCacheDir } from '../lib/build-site.ts';
import { sampleDir } from '../lib/sample-cache.ts';
import { DEFAULT_SEED, SAMPLE_VERSION } from '../../src/sample/index.ts';
import { parseCpuMs, parsePeakRss, parseStageTimes, type StageTime } from './build-summary.ts';
import type { Trash } from './trash.ts';

export const GNU_TIME = '/usr/bin/time';

export interface BuildRun {
  wallMs: number;
  /** User + system CPU of the build and its children (GNU time), when measured. */
  cpuMs?: number;
  stages: StageTime[];
  peakRssBytes: number;
}

export interface BuildPlace {
  root: string;
  studies: number;
  /** Work folder for this size: dist/, generated/ and GNU time's output live here. */
  work: string;
  concurrency: number;
  /** A dataset folder to build (`--dataset`) instead of the embedded sample of `studies`. */
  dataset?: string;
  /** Extra environment of the build (e.g. the render profile's folder). */
  env?: Record<string, string>;
}

/** The embedded sample's folder for this size (where the build generates it). */
export function sampleFolder(place: BuildPlace): string {
  return sampleDir(join(place.root, '.cache/sample'), SAMPLE_VERSION, DEFAULT_SEED, place.studies);
}

/**
 * Sets aside what a fresh clone would not have for this size: sample, imaging cache, outputs
 * (renamed into `trash`, deleted after the timed builds: trash.ts says why).
 */
export async function makeCold(place: BuildPlace, trash: Trash): Promise<void> {
  const sample = sampleFolder(place);
  const sampleRoot = join(place.root, '.cache/sample');
  const leftovers = (await readdir(sampleRoot).catch(() => [] as string[]))
    .filter((name) => name.startsWith(`${SAMPLE_VERSION}-${DEFAULT_SEED}-${place.studies}.tmp-`))
    .map((name) => join(sampleRoot, name));
  await trash.setAside([
    sample,
    ...leftovers,
    imagingCacheDir(place.root, sample),
    join(place.work, 'dist'),
    join(place.work, 'generated'),
  ]);
}

/** Whether GNU time is installed (apt package `time`). */
export async function hasGnuTime(): Promise<boolean> {
  return access(GNU_TIME).then(
    () => true,
    () => false,
  );
}

/** Runs one build and returns its wall time, stage times and peak memory. */
export async function runBuild(place: BuildPlace): Promise<BuildRun> {
  const timeFile = join(place.work, 'gnu-time.txt');
  const args = [
    '-f',
    '%U %S\n%M', // CPU seconds, then peak memory on the last line
    '-o',
    timeFile,
    process.execPath,
    'scripts/build.ts',
    ...(place.dataset ? ['--dataset', place.dataset] : ['--studies', String(place.studies)]),
    '--out',
    join(place.work, 'dist'),
    '--generated',
    join(place.work, 'generated'),
    '--concurrency',
    String(place.concurrency),
    // Checksums are a build's default now; the bench keeps its build figures comparable with
    // earlier results and with the peer (which hashes nothing): the pass has its own figure.
    '--no-checksums',
  ];
  const start = performance.now();
  const { code, stdout, stderr } = await new Promise<{
    code: number | null;
    stdout: string;
    stderr: string;
  }>((resolve, reject) => {
    const child = spawn(GNU_TIME, args, {
      cwd: place.root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...place.env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err = (err + chunk.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('close', (exit) => resolve({ code: exit, stdout: out, stderr: err }));
  });
  const wallMs = performance.now() - start;
  if (code !== 0) {
    throw new Error(
      `build of ${place.studies} studies exited with ${code}:\n${stderr.slice(-2000)}`,
    );
  }
  const timeOutput = await readFile(timeFile, 'utf8');
  return {
    wallMs,
    cpuMs: parseCpuMs(timeOutput),
    stages: parseStageTimes(stdout),
    peakRssBytes: parsePeakRss(timeOutput),
  };
}
