/**
 * Gate 5, reproducible builds: two REAL builds (`scripts/build.ts`: registry, DICOM, thumbnails,
 * Astro, Pagefind) of the same small sample dataset into different folders, each with its own
 * generated data and a cold imaging cache, are byte-identical, file by file.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSample } from '../../src/sample/index.ts';
import { imagingCacheDir } from '../../scripts/lib/build-site.ts';
import { runBuild } from '../support/run-build.ts';
import { ROOT } from '../support/gates/build-site.ts';
import { buildTwiceAndCompare } from '../support/gates/reproducible.ts';

const WORK = join(ROOT, '.cache/gates-reproducible');

describe('two real builds from the same dataset', () => {
  it('give byte-identical output', async () => {
    await rm(WORK, { recursive: true, force: true });
    const dataset = join(WORK, 'dataset');
    await generateSample({ outDir: dataset, studies: 3, seed: 5, workers: 0 });
    const { files, differences } = await buildTwiceAndCompare(async (outDir) => {
      // Nothing reused: a cold imaging cache and a generated folder of its own.
      await rm(imagingCacheDir(ROOT, dataset), { recursive: true, force: true });
      const run = await runBuild([
        '--dataset',
        dataset,
        '--out',
        outDir,
        '--generated',
        `${outDir}-generated`,
      ]);
      expect(run.code, run.stderr).toBe(0);
    }, WORK);
    expect(files).toBeGreaterThan(0);
    expect(differences, differences.join('\n')).toEqual([]);
  }, 1_200_000);
});
