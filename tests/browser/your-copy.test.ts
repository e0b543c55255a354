/**
 * The "Your copy" page as a reader uses it: a 20-study sample site built with checksums (the
 * default) and one built with --no-checksums, served with the site's CSP as a header too (no
 * bypass); a copy of the sample with one study folder deleted, one file deleted, one byte of
 * another flipped and an extra file added is picked on /en/your-copy/ (the webkitdirectory
 * input), and the downloaded report lists exactly those. A partial copy and a sizes-only check
 * likewise. Every request the page (and its workers) make stays on the site's origin.
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile, appendFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CopyReport } from '../../src/domain/copy-check.ts';
import type { CopyIndex } from '../../src/domain/copy-lists.ts';
import { contentSecurityPolicyHeader } from '../../src/site/csp.ts';
import { createSiteHandler } from '../../scripts/lib/serve-site.ts';
import { sampleDir } from '../../scripts/lib/sample-cache.ts';
import { DEFAULT_SEED, SAMPLE_VERSION } from '../../src/sample/index.ts';
import { launchChromium } from '../support/browser.ts';
import { axeViolations, describeViolations } from '../support/gates/axe.ts';
import { ROOT, runBuild } from '../support/run-build.ts';

const WORK = join(ROOT, '.cache/test-your-copy');

interface Served {
  url: string;
  origin: string;
  dist: string;
  close: () => Promise<void>;
}

/** Builds the 20-study sample site (extra build options in `args`) and serves it with the CSP header. */
async function buildAndServe(name: string, args: string[]): Promise<Served & { dataset: string }> {
  const dist = join(WORK, name, 'dist');
  const build = await runBuild([
    '--studies',
    '20',
    '--out',
    dist,
    '--generated',
    join(WORK, name, 'generated'),
    ...args,
  ]);
  if (build.code !== 0) throw new Error(`build failed:\n${build.stderr.slice(-2000)}`);
  const dataset = sampleDir(join(ROOT, '.cache/sample'), SAMPLE_VERSION, DEFAULT_SEED, 20);
  const handler = createSiteHandler(dist, '/', { etag: false });
  const csp = contentSecurityPolicyHeader();
  const server: Server = createServer((req, res) => {
    res.setHeader('Content-Security-Policy', csp);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    origin,
    dist,
    dataset,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let browser: Browser;
let withSums: Served & { dataset: string };
let withoutSums: Served & { dataset: string };
let scratch: string;

beforeAll(async () => {
  withSums = await buildAndServe('checksums', []);
  withoutSums = await buildAndServe('no-checksums', ['--no-checksums']);
  scratch = await mkdtemp(join(tmpdir(), 'your-copy-'));
  browser = await launchChromium();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await withSums?.close();
  await withoutSums?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

async function index(site: Served): Promise<CopyIndex> {
  return JSON.parse(await readFile(join(site.dist, 'data/copy/index.json'), 'utf8')) as CopyIndex;
}

/** The files of one study folder of a copy, dataset-relative, sorted. */
async function filesOf(root: string, folder: string): Promise<string[]> {
  const entries = await readdir(join(root, 'studies', folder), {
    recursive: true,
    withFileTypes: true,
  });
  return entries
    .filter((e) => e.isFile())
    .map((e) => `${join(e.parentPath, e.name).slice(root.length + 1)}`)
    .sort();
}

/** Flips one byte in the middle of a file (same size, other content). */
async function flipByte(path: string): Promise<void> {
  const bytes = await readFile(path);
  const at = Math.floor(bytes.length / 2);
  bytes[at] = bytes[at]! ^ 0xff;
  await writeFile(path, bytes);
}

/** Opens the page, picks `folder`, downloads the report; records every request. */
async function check(site: Served, folder: string, path = '/en/your-copy/') {
  const context = await browser.newContext({ acceptDownloads: true });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const cspErrors: string[] = [];
  const page: Page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') cspErrors.push(m.text());
  });
  await page.goto(`${site.url}${path}`);
  const input = page.locator('input[type=file]');
  await expect.poll(() => input.evaluate((el: HTMLInputElement) => el.webkitdirectory)).toBe(true);
  await input.setInputFiles(folder);
  const link = page.locator('a[data-report]');
  await link.waitFor({ timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const report = JSON.parse(await readFile((await download.path())!, 'utf8')) as CopyReport;
  const offOrigin = requests.filter((url) => {
    const u = new URL(url);
    return !['blob:', 'data:'].includes(u.protocol) && u.origin !== site.origin;
  });
  return { page, context, report, requests, offOrigin, errors: cspErrors };
}

describe('Your copy, a build with checksums', () => {
  it('finds exactly the deleted study, the deleted file, the flipped byte and the extra file', async () => {
    const { studies } = await index(withSums);
    const copy = join(scratch, 'full-copy');
    await cp(withSums.dataset, copy, { recursive: true });
    const [gone, lessOne, flipped, extraIn] = studies.map((s) => s.folder);
    await rm(join(copy, 'studies', gone!), { recursive: true });
    const deleted = (await filesOf(copy, lessOne!))[0]!;
    await rm(join(copy, deleted));
    const damaged = (await filesOf(copy, flipped!)).at(-1)!;
    await flipByte(join(copy, damaged));
    const extra = `studies/${extraIn}/notes.txt`;
    await writeFile(join(copy, extra), 'my notes\n');

    const { page, report, offOrigin, requests } = await check(withSums, copy);
    expect(report.missing).toEqual([deleted]);
    expect(report.corrupt).toEqual([damaged]);
    expect(report.extra).toEqual([extra]);
    expect(report.studies.absent).toEqual([gone]);
    expect(report.studies.incomplete).toEqual([lessOne, flipped].sort());
    expect(report.studies.complete).toEqual(
      studies.map((s) => s.folder).filter((f) => ![gone, lessOne, flipped].includes(f)),
    );
    const expectedFiles = studies.filter((s) => s.folder !== gone).reduce((n, s) => n + s.files, 0);
    expect(report.checkedFiles).toBe(expectedFiles - 1);
    expect(report).toMatchObject({ version: expect.any(String), dataset: expect.any(String) });
    expect(Object.keys(report)).toEqual([
      'dataset',
      'version',
      'checkedFiles',
      'missing',
      'corrupt',
      'extra',
      'studies',
    ]);
    expect(offOrigin).toEqual([]);
    // Only the lists of the studies in the copy were fetched, never all of them.
    const lists = requests.filter((u) => /\/data\/copy\/\d+\.json$/.test(u));
    expect(lists).toHaveLength(studies.length - 1);

    // The page says it in words, links each study to its viewer, and offers the repair kit.
    await expect
      .poll(() => page.locator('[data-verdict]').getAttribute('data-verdict'))
      .toBe('problems');
    const viewerLink = page.locator('[data-list="incomplete"] a').first();
    expect(await viewerLink.getAttribute('href')).toMatch(/\/en\/studies\/[^/]+\/#viewer$/);
    const kit = page.locator('a[data-repair-kit="list"]');
    const [file] = await Promise.all([page.waitForEvent('download'), kit.click()]);
    expect((await readFile((await file.path())!, 'utf8')).split('\n').filter(Boolean)).toEqual(
      [deleted, damaged].sort(),
    );
    // What the copy holds: 19 of 20 studies.
    const total = page.locator('[data-holds] tbody tr').first().locator('td');
    await expect.poll(() => total.allTextContents()).toEqual(['19', '20']);
    // ...and the studies index and the statistics explorer showing just those 19.
    const explorer = await page
      .locator('[data-holds] a', { hasText: 'statistics explorer' })
      .getAttribute('href');
    await page.locator('[data-holds] a', { hasText: 'studies index' }).click();
    await expect
      .poll(() => page.locator('[data-filter-status]').textContent())
      .toContain('Showing 19 of 20 studies');
    await page.goto(new URL(explorer!, page.url()).href);
    await expect
      .poll(() => page.locator('[data-explorer-count]').textContent())
      .toBe('Studies selected: 19 of 20');
  });

  it.each([
    ['en', { width: 360, height: 740 }, 'light'],
    ['ru', { width: 1280, height: 900 }, 'dark'],
  ] as const)(
    'the result has no axe violation (%s, %o, %s)',
    async (locale, viewport, colorScheme) => {
      const { studies } = await index(withSums);
      const copy = join(scratch, `axe-${locale}`, 'studies');
      await cp(
        join(withSums.dataset, 'studies', studies[1]!.folder),
        join(copy, studies[1]!.folder),
        {
          recursive: true,
        },
      );
      await writeFile(join(copy, 'extra.txt'), 'x');
      // axe is injected as a script, which the site's CSP forbids: this context alone bypasses it.
      const context = await browser.newContext({ viewport, colorScheme, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${withSums.url}/${locale}/your-copy/`);
      const input = page.locator('input[type=file]');
      await expect
        .poll(() => input.evaluate((el: HTMLInputElement) => el.webkitdirectory))
        .toBe(true);
      await input.setInputFiles(copy);
      await page.locator('[data-holds] table').waitFor();
      const found = await axeViolations(page);
      expect(describeViolations(`your-copy ${locale}`, found)).toEqual([]);
      await context.close();
    },
  );

  it('checks a partial copy (some studies, picked as its studies/ folder): nothing missing', async () => {
    const { studies } = await index(withSums);
    const picked = studies.slice(2, 7).map((s) => s.folder);
    const partial = join(scratch, 'partial', 'studies');
    for (const folder of picked) {
      await cp(join(withSums.dataset, 'studies', folder), join(partial, folder), {
        recursive: true,
      });
    }
    const { report, offOrigin } = await check(withSums, partial);
    expect(report).toMatchObject({ missing: [], corrupt: [], extra: [] });
    expect(report.studies.complete).toEqual(picked);
    expect(report.studies.incomplete).toEqual([]);
    expect(report.studies.absent).toHaveLength(studies.length - picked.length);
    expect(offOrigin).toEqual([]);
  });

  it('after a reload, picking the copy again reads no file it already checked (IndexedDB)', async () => {
    const { studies } = await index(withSums);
    const copy = join(scratch, 'resume', 'studies');
    const folder = studies[3]!;
    await cp(join(withSums.dataset, 'studies', folder.folder), join(copy, folder.folder), {
      recursive: true,
    });
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const pick = async () => {
      await page.goto(`${withSums.url}/en/your-copy/`);
      const input = page.locator('input[type=file]');
      await expect
        .poll(() => input.evaluate((el: HTMLInputElement) => el.webkitdirectory))
        .toBe(true);
      await input.setInputFiles(copy);
      await page.locator('a[data-report]').waitFor();
    };
    await pick();
    expect(await page.locator('[data-status]').textContent()).not.toContain('checked before');
    await pick(); // a reload: the page is loaded anew, the hashes are remembered
    await expect
      .poll(() => page.locator('[data-resumed]').textContent())
      .toBe(`${folder.files} files were checked before and were not read again.`);
    expect(await page.locator('[data-verdict]').getAttribute('data-verdict')).toBe('ok');
    await context.close();
  });

  it('hashes with the WebAssembly fallback too (as over plain HTTP), under the CSP', async () => {
    const { studies } = await index(withSums);
    const copy = join(scratch, 'wasm', 'studies');
    const folder = studies[0]!.folder;
    await cp(join(withSums.dataset, 'studies', folder), join(copy, folder), { recursive: true });
    const damaged = (await filesOf(join(scratch, 'wasm'), folder))[0]!;
    await flipByte(join(scratch, 'wasm', damaged));
    const { report, errors } = await check(withSums, copy, '/en/your-copy/?wasm');
    expect(report.corrupt).toEqual([damaged]);
    expect(errors.filter((e) => /Content.Security.Policy/i.test(e))).toEqual([]);
  });
});

describe('Your copy, a build with --no-checksums (names and sizes only)', () => {
  it('finds the missing, resized and extra files, and says only sizes were checked', async () => {
    const { studies, checksums } = await index(withoutSums);
    expect(checksums).toBe(false);
    const copy = join(scratch, 'sizes-copy');
    await cp(withoutSums.dataset, copy, { recursive: true });
    const [lessOne, resized, flipped] = studies.map((s) => s.folder);
    const deleted = (await filesOf(copy, lessOne!))[0]!;
    await rm(join(copy, deleted));
    const grown = (await filesOf(copy, resized!))[0]!;
    await appendFile(join(copy, grown), 'x');
    await flipByte(join(copy, (await filesOf(copy, flipped!))[0]!));
    const extra = 'studies/stray.txt';
    await writeFile(join(copy, extra), 'stray\n');

    const { page, report, offOrigin } = await check(withoutSums, copy);
    expect(report.missing).toEqual([deleted]);
    expect(report.corrupt).toEqual([grown]); // the flipped byte keeps the size: not seen
    expect(report.extra).toEqual([extra]);
    expect(report.studies.incomplete).toEqual([lessOne, resized].sort());
    expect(offOrigin).toEqual([]);
    expect(await page.locator('[data-sizes-only]').textContent()).toContain(
      'Only names and sizes were checked',
    );
    expect(await page.locator('[data-method]').textContent()).toContain('only the names and sizes');
  });
});
