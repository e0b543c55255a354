/**
 * Builds one small site before the test run, the way `npm run build -- --site https://example.net --base /datasets/hemorrhage/` does: a synthetic
 * sample of a few dozen studies (fixed seed, generated once into `.cache/sample/`), the real
 * pipeline, Astro and Pagefind. Every test file of the projects that declare this setup
 * (`site` and `browser`, see vitest.config.ts) gets `inject('siteDir')` (the site),
 * `inject('generatedDir')` (the data it was built from) and `inject('datasetDir')` (the sample).
 * The site is built once per run, however many projects ask for it.
 */
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../../scripts/lib/build-site.ts';
import { realDeps } from '../../scripts/lib/real-deps.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    generatedDir: string;
    /** The address the test site is built for (`--site`). */
    siteOrigin: string;
    /** The base path the test site is built for and served under (`--base`). */
    basePath: string;
    /** The dataset folder the site was built from. */
    datasetDir: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../..');
/** Small enough for CI, large enough for every label, sex and scanner to occur. */
const TEST_SAMPLE_STUDIES = 30;
/** Any fixed seed: the same sample every run. */
const TEST_SAMPLE_SEED = 1012;
/**
 * The test site is published under a base path, as the dataset's owner will likely do, so every
 * browser test and gate also checks that nothing escapes the prefix (one build serves both).
 */
export const TEST_SITE_ORIGIN = 'https://example.net';
export const TEST_BASE_PATH = '/datasets/hemorrhage/';

interface TestSite {
  siteDir: string;
  generatedDir: string;
  datasetDir: string;
}

/**
 * Each project evaluates this module on its own, but all in the one main process: the build's
 * promise is kept on globalThis so that the second project waits for the first one's build.
 */
const SHARED = Symbol.for('mosmeddata.test-site');
const shared = globalThis as { [SHARED]?: Promise<TestSite> };

async function buildTestSite(): Promise<TestSite> {
  const work = join(ROOT, '.cache/test-site');
  await rm(work, { recursive: true, force: true });
  const outDir = join(work, 'dist');
  const generated = join(work, 'generated');
  const result = await buildSite(
    {
      dataset: null,
      out: outDir,
      generated,
      root: ROOT,
      studies: TEST_SAMPLE_STUDIES,
      seed: TEST_SAMPLE_SEED,
      sourceDateEpoch: 0,
      site: TEST_SITE_ORIGIN,
      base: TEST_BASE_PATH,
    },
    realDeps,
  );
  return { siteDir: outDir, generatedDir: generated, datasetDir: result.datasetDir };
}

export default async function setup(project: TestProject) {
  const site = await (shared[SHARED] ??= buildTestSite());
  project.provide('siteDir', site.siteDir);
  project.provide('generatedDir', site.generatedDir);
  project.provide('siteOrigin', TEST_SITE_ORIGIN);
  project.provide('basePath', TEST_BASE_PATH);
  project.provide('datasetDir', site.datasetDir);
}
