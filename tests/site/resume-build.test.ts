/**
 * A build killed in the middle of its imaging stage resumes where it stopped: the real build
 * (`scripts/build.ts` as a child process) on a small sample is killed with SIGKILL once the
 * imaging cache holds some, not all, of the rendered series; the previous site is untouched;
 * the next build renders only the series that were not finished and publishes a site that is
 * byte-identical to an uninterrupted build's.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { imagingCacheDir } from '../../scripts/lib/build-site.ts';
import { storedSeriesKeys } from '../../src/pipeline/imaging/cache/cache.ts';
import { spritesCacheDir } from '../../src/pipeline/imaging/cache/sprites.ts';
import { generateSample } from '../../src/sample/index.ts';
import { hashTree, NODE, ROOT, runBuild, type BuildRun } from '../support/run-build.ts';

const WORK = join(ROOT, '.cache/e2e-resume');
const dataset = join(WORK, 'dataset');
const cacheDir = imagingCacheDir(ROOT, dataset);
const sprites = spritesCacheDir(cacheDir);
const out = (name: string) => ({ dist: join(WORK, name, 'dist'), gen: join(WORK, name, 'gen') });
// One worker: series finish one by one, so "some but not all" lasts long enough to be seen
// whatever the machine (with a worker per core, a many-core machine renders them all at once).
const args = (name: string) => [
  '--dataset',
  dataset,
  '--out',
  out(name).dist,
  '--generated',
  out(name).gen,
  '--concurrency',
  '1',
];

/** Identity of a file on disk: a rewrite (atomic rename of a new file) changes both. */
type FileId = { ino: number; mtimeMs: number };

async function spriteIds(keys: readonly string[]): Promise<Map<string, FileId>> {
  const ids = new Map<string, FileId>();
  const names = await readdir(sprites);
  for (const key of keys) {
    for (const name of names.filter((n) => n.startsWith(`${key}-`) && n.endsWith('.webp'))) {
      const info = await stat(join(sprites, name));
      ids.set(name, { ino: info.ino, mtimeMs: info.mtimeMs });
    }
  }
  return ids;
}

/** Starts the build and kills it (SIGKILL) once the cache holds `atLeast` rendered series. */
async function buildKilledMidway(atLeast: number): Promise<{ finished: string[] }> {
  const child = spawn(NODE, [join(ROOT, 'scripts/build.ts'), ...args('run')], {
    cwd: ROOT,
    env: { ...process.env, SOURCE_DATE_EPOCH: '0', CI: '1' },
    stdio: 'ignore',
  });
  const exited = new Promise<NodeJS.Signals | number | null>((done) =>
    child.on('exit', (code, signal) => done(signal ?? code)),
  );
  let running = true;
  void exited.then(() => (running = false));
  while (running && storedSeriesKeys(cacheDir).length < atLeast) await sleep(10);
  expect(running, 'the build ended before it could be interrupted').toBe(true);
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  return { finished: storedSeriesKeys(cacheDir) };
}

describe('a build killed with SIGKILL during imaging, then run again', () => {
  let finished: string[];
  let before: Map<string, FileId>;
  let previousSite: Map<string, string>;
  let siteAfterKill: Map<string, string>;
  let resumed: BuildRun;
  let all: string[];

  beforeAll(async () => {
    await rm(WORK, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
    await generateSample({ outDir: dataset, studies: 10, seed: 31, workers: 0 });
    // The site of an earlier build, which the killed build must leave as it was.
    await mkdir(out('run').dist, { recursive: true });
    await writeFile(join(out('run').dist, 'index.html'), '<!doctype html><title>earlier</title>');
    previousSite = await hashTree(out('run').dist);

    ({ finished } = await buildKilledMidway(2));
    before = await spriteIds(finished);
    siteAfterKill = await hashTree(out('run').dist);

    resumed = await runBuild(args('run'));
    all = storedSeriesKeys(cacheDir);
  }, 600_000);

  it('was killed in the middle: some series finished, not all', () => {
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(finished.length).toBeGreaterThanOrEqual(2);
    expect(finished.length).toBeLessThan(all.length);
    expect(all).toEqual(expect.arrayContaining(finished));
  });

  it('left the previous site intact', () => {
    expect(siteAfterKill).toEqual(previousSite);
  });

  it('does not render again the series finished before the kill', async () => {
    expect(before.size).toBe(finished.length * 4); // three window presets and the cover
    expect(await spriteIds(finished)).toEqual(before);
    // ...and rendered the others, leaving no temporary file of the killed build behind.
    const rest = all.filter((key) => !finished.includes(key));
    expect((await spriteIds(rest)).size).toBe(rest.length * 4);
    expect((await readdir(sprites)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('publishes the same bytes as an uninterrupted build', async () => {
    // The reference: the same dataset built from a cold cache, without interruption.
    const resumedSite = await hashTree(out('run').dist);
    const resumedData = await hashTree(out('run').gen);
    await rm(cacheDir, { recursive: true, force: true });
    const reference = await runBuild(args('reference'));
    expect(reference.code, reference.stderr).toBe(0);
    expect(resumedData).toEqual(await hashTree(out('reference').gen));
    expect(resumedSite).toEqual(await hashTree(out('reference').dist));
    expect(resumedSite.size).toBeGreaterThan(10);
    await rm(cacheDir, { recursive: true, force: true });
  }, 600_000);
});
