/**
 * Gate 5, reproducible builds: two builds from the same inputs are byte-identical, file by
 * file. Builds from fixture data (Astro + Pagefind) until the real build script can be passed
 * as the `BuildInto` callback.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFixtureSiteData } from '../fixtures/site-data.ts';
import { buildSiteFrom, ROOT } from './support/build-site.ts';
import { buildTwiceAndCompare } from './support/reproducible.ts';

const WORK = join(ROOT, '.cache/gates-reproducible');

describe('two builds from the same inputs', () => {
  it('give byte-identical output', async () => {
    await rm(WORK, { recursive: true, force: true });
    const generated = join(WORK, 'generated');
    await writeFixtureSiteData(generated, 6);
    const { files, differences } = await buildTwiceAndCompare(
      // Each build gets a fresh cache, as on a clean machine.
      (outDir) => buildSiteFrom(generated, outDir, `${outDir}-cache`),
      WORK,
    );
    expect(files).toBeGreaterThan(0);
    expect(differences, differences.join('\n')).toEqual([]);
  }, 300_000);
});
