/**
 * The subset kit as a reader gets it, on the studies index and on the statistics explorer (one
 * component, one script): for the filter in the URL, the folder list names exactly the matching
 * studies' folders, the manifest has one row per study with its counts and the filter in words,
 * and the files change with the filter. Opening the index's kit without a filter offers every
 * study and leaves the list's first page as it was.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { matches } from '../../src/domain/facets.ts';
import { stateFromParams } from '../../src/domain/facet-url.ts';
import type { StudiesFile } from '../../src/domain/schemas.ts';
import { SUBSET_FILES } from '../../src/domain/subset-manifest.ts';
import { useBrowserSite } from './use-browser-site.ts';

const web = useBrowserSite();
let studies: StudiesFile['studies'];

beforeAll(async () => {
  const data = JSON.parse(
    readFileSync(join(inject('generatedDir'), 'data/studies.json'), 'utf8'),
  ) as StudiesFile;
  studies = data.studies;
});

const subsetOf = (query: string) => {
  const state = stateFromParams(new URLSearchParams(query));
  return studies.filter((s) => matches(s, state));
};

/** Downloads one of the kit's files as a reader does (a click), once the script has made it. */
async function kitFile(page: Page, kind: keyof typeof SUBSET_FILES): Promise<string> {
  const link = page.locator(`[data-subset-kit] a[data-kit="${kind}"]`);
  await expect.poll(() => link.getAttribute('href')).toMatch(/^blob:/);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe(SUBSET_FILES[kind]);
  return readFile((await download.path())!, 'utf8');
}

/** A page that accepts downloads. */
async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await web.browser.newContext({ acceptDownloads: true, ...options });
  return context.newPage();
}

const folders = (text: string) => text.split('\n').filter(Boolean).sort();
const manifestRows = (text: string) =>
  text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));

async function checkKit(page: Page, query: string): Promise<void> {
  const subset = subsetOf(query);
  await page.locator('[data-subset-kit] summary').click();
  await expect
    .poll(async () => folders(await kitFile(page, 'folders')))
    .toEqual(subset.map((s) => s.path).sort());
  const manifest = await kitFile(page, 'manifest');
  const rows = manifestRows(manifest);
  expect(rows[0]).toBe('study_id,folder,series_count,file_count,bytes,sha256');
  expect(
    rows
      .slice(1)
      .map((r) => r.split(',')[0])
      .sort(),
  ).toEqual(subset.map((s) => s.id).sort());
  const files = rows.slice(1).reduce((n, r) => n + Number(r.split(',')[3]), 0);
  expect(files).toBe(subset.reduce((n, s) => n + s.size.files, 0));
  expect(manifest).toContain(`# studies: ${subset.length}`);
  expect(await kitFile(page, 'bash')).toContain(`--files-from=${SUBSET_FILES.folders}`);
  expect(await kitFile(page, 'powershell')).toContain(
    `Get-Content -LiteralPath '${SUBSET_FILES.folders}'`,
  );
  await expect.poll(() => page.locator('[data-kit-bash-text]').textContent()).toContain('rsync');
}

describe('the subset kit', () => {
  it('on the studies index: the filter of the URL, then a changed filter', async () => {
    const page = await newPage();
    await page.goto(`${web.site.url}/en/studies/?finding=subdural`);
    await checkKit(page, 'finding=subdural');
    expect(await kitFile(page, 'manifest')).toContain('# filter: finding: subdural');
    // A changed filter changes the files.
    await page.locator('input[name="sex"][value="F"]').check();
    await expect.poll(() => page.url()).toContain('sex=F');
    await expect
      .poll(async () => folders(await kitFile(page, 'folders')))
      .toEqual(
        subsetOf('finding=subdural&sex=F')
          .map((s) => s.path)
          .sort(),
      );
    await page.context().close();
  });

  it('on the studies index without a filter: every study, and the first page stays', async () => {
    const page = await newPage();
    await page.goto(`${web.site.url}/en/studies/`);
    const rowsBefore = await page.locator('[data-study-row], tbody tr').count();
    await checkKit(page, '');
    expect(await page.locator('[data-study-row], tbody tr').count()).toBe(rowsBefore);
    await page.context().close();
  });

  it('on the statistics explorer, in Russian', async () => {
    const page = await newPage();
    await page.goto(`${web.site.url}/ru/statistics/?finding=fracture`);
    await checkKit(page, 'finding=fracture');
    await page.context().close();
  });

  it('is not offered without JavaScript (its files are made in the page)', async () => {
    const context = await web.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${web.site.url}/en/studies/`);
    expect(await page.locator('[data-subset-kit]').isVisible()).toBe(false);
    await context.close();
  });
});
