/**
 * Builds one small site before the test run and hands its folder to every test file
 * (`inject('siteDir')`). Placeholder: builds from fixture data until the real build script
 * (sample → pipeline → Astro → Pagefind) is wired in by the pipeline work.
 */
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from 'astro';
import * as pagefind from 'pagefind';
import { writeFixtureSiteData } from '../fixtures/site-data.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../..');

export default async function setup(project: TestProject) {
  const work = join(ROOT, '.cache/test-site');
  await rm(work, { recursive: true, force: true });
  const generated = join(work, 'generated');
  const outDir = join(work, 'dist');
  await writeFixtureSiteData(generated, 24);
  await build({
    root: ROOT,
    outDir,
    logLevel: 'warn',
    vite: { resolve: { alias: { '@generated': generated } } },
  });
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  project.provide('siteDir', outDir);
}
