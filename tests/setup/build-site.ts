/**
 * Builds one small site before the test run and hands its folder to every test file
 * (`inject('siteDir')`, plus `generatedDir`: the data it was built from). Until the sample
 * generator and the imaging stage are merged, the data is the schema-valid fixture; the site
 * is rendered and indexed by the same helpers `npm run build` uses.
 */
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { astroBuild, linkTree, pagefindIndex } from '../../scripts/lib/site-output.ts';
import { writeFixtureSiteData } from '../fixtures/site-data.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    generatedDir: string;
    /** The dataset the site was built from; empty while the setup builds from fixtures. */
    datasetDir: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../..');

export default async function setup(project: TestProject) {
  const work = join(ROOT, '.cache/test-site');
  await rm(work, { recursive: true, force: true });
  const generated = join(work, 'generated');
  const outDir = join(work, 'dist');
  await writeFixtureSiteData(generated, 24);
  await astroBuild(ROOT, outDir, generated);
  await linkTree(join(generated, 'data'), join(outDir, 'data'));
  await linkTree(join(generated, 'thumbs'), join(outDir, 'thumbs'));
  await pagefindIndex(outDir);
  project.provide('siteDir', outDir);
  project.provide('generatedDir', generated);
  project.provide('datasetDir', '');
}
