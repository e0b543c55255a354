/**
 * Builds one small site before the test run, the way `npm run build` does: a synthetic
 * sample of a few dozen studies (fixed seed, generated once into `.cache/sample/`), the real
 * pipeline, Astro and Pagefind. Every test file gets `inject('siteDir')` (the site),
 * `inject('generatedDir')` (the data it was built from) and `inject('datasetDir')` (the sample).
 *
 * Until the sample generator and the imaging stage are both in the tree, the site is built
 * from the schema-valid fixture data instead (and `datasetDir` is empty).
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../../scripts/lib/build-site.ts';
import { astroBuild, linkTree, pagefindIndex } from '../../scripts/lib/site-output.ts';
import { writeFixtureSiteData } from '../fixtures/site-data.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    generatedDir: string;
    /** The dataset folder the site was built from; empty for the fixture build. */
    datasetDir: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../..');
/** Small enough for CI, large enough for every label, sex and scanner to occur. */
const TEST_SAMPLE_STUDIES = 30;
/** Any fixed seed: the same sample every run. */
const TEST_SAMPLE_SEED = 1012;

const REAL_STAGES = ['src/sample/index.ts', 'src/pipeline/imaging/index.ts'];

export default async function setup(project: TestProject) {
  const work = join(ROOT, '.cache/test-site');
  await rm(work, { recursive: true, force: true });
  const outDir = join(work, 'dist');
  const generated = join(work, 'generated');
  let datasetDir = '';
  if (REAL_STAGES.every((file) => existsSync(join(ROOT, file)))) {
    const { realDeps } = await import('../../scripts/lib/real-deps.ts');
    const result = await buildSite(
      {
        dataset: null,
        out: outDir,
        generated,
        root: ROOT,
        studies: TEST_SAMPLE_STUDIES,
        seed: TEST_SAMPLE_SEED,
        sourceDateEpoch: 0,
      },
      realDeps,
    );
    datasetDir = result.datasetDir;
  } else {
    await writeFixtureSiteData(generated, 24);
    await astroBuild(ROOT, outDir, generated);
    await linkTree(join(generated, 'data'), join(outDir, 'data'));
    await linkTree(join(generated, 'thumbs'), join(outDir, 'thumbs'));
    await pagefindIndex(outDir);
  }
  project.provide('siteDir', outDir);
  project.provide('generatedDir', generated);
  project.provide('datasetDir', datasetDir);
}
