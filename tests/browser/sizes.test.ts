/**
 * Sizes as a user reads them: the home page's total, a study page's size and the explorer's
 * live total for a filter all equal a recount of the files on disk with fs.stat.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { StudiesFile } from '../../src/domain/schemas.ts';
import { formatSize, formatSubsetTotal, type Size } from '../../src/domain/size.ts';
import { formatDuration, transferSeconds } from '../../src/domain/download-time.ts';
import { useBrowserSite } from './use-browser-site.ts';

/** Every file under `dir`, counted with fs.stat (independent of the build's own walk). */
function recount(dir: string): Size {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

const flat = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

const web = useBrowserSite();
let datasetDir: string;
let studies: StudiesFile['studies'];

beforeAll(async () => {
  datasetDir = inject('datasetDir');
  const data = JSON.parse(
    readFileSync(join(inject('generatedDir'), 'data/studies.json'), 'utf8'),
  ) as StudiesFile;
  studies = data.studies;
});

describe('sizes equal a recount of the files on disk', () => {
  it('on the home page, in both languages', async () => {
    const total = recount(join(datasetDir, 'studies'));
    expect(total.files).toBeGreaterThan(0);
    const page = await web.browser.newPage();
    for (const locale of ['en', 'ru'] as const) {
      await page.goto(`${web.site.url}/${locale}/`);
      const cell = page.locator('[data-dataset-size]');
      expect(await cell.getAttribute('data-dataset-size')).toBe(`${total.bytes} ${total.files}`);
      expect(nbsp(flat(await cell.textContent()))).toBe(nbsp(formatSize(total, locale)));
    }
    await page.close();
  });

  it('on a study page', async () => {
    const study = studies.find((s) => s.series.length > 1) ?? studies[0]!;
    const size = recount(join(datasetDir, study.path));
    const page = await web.browser.newPage();
    await page.goto(`${web.site.url}/ru/studies/${study.slug}/`);
    const cell = page.locator('[data-study-size]');
    expect(await cell.getAttribute('data-study-size')).toBe(`${size.bytes} ${size.files}`);
    expect(nbsp(flat(await cell.textContent()))).toBe(nbsp(formatSize(size, 'ru')));
    // Checksums are the build's default: the digest of the study's lines of SHA256SUMS.
    const lines = readFileSync(join(inject('siteDir'), 'data/SHA256SUMS'), 'utf8')
      .split('\n')
      .filter((line) => line.includes(`  ${study.path}/`));
    const digest = createHash('sha256')
      .update(lines.map((l) => `${l}\n`).join(''))
      .digest('hex');
    expect(flat(await page.locator('[data-study-sha256]').textContent())).toBe(digest);
    await page.close();
  });

  it('in the explorer and the studies index, for a filter', async () => {
    const subset = studies.filter((s) => s.findings.subdural === true);
    expect(subset.length).toBeGreaterThan(0);
    expect(subset.length).toBeLessThan(studies.length);
    const sizes = subset.map((s) => recount(join(datasetDir, s.path)));
    const expected = {
      files: sizes.reduce((n, s) => n + s.files, 0),
      bytes: sizes.reduce((n, s) => n + s.bytes, 0),
    };
    const text = nbsp(formatSubsetTotal(subset.length, expected, 'en'));
    const page = await web.browser.newPage();
    await page.goto(`${web.site.url}/en/statistics/`);
    await page.locator('[data-explorer]').waitFor({ state: 'visible' });
    await page.getByRole('checkbox', { name: 'Subdural hemorrhage' }).check();
    await expect
      .poll(async () => nbsp(flat(await page.locator('[data-explorer-size]').textContent())))
      .toBe(text);
    // The explorer's link to the studies index carries the filter; the index counts the same.
    const href = await page.locator('[data-explorer-studies-link]').getAttribute('href');
    await page.goto(new URL(href!, page.url()).href);
    await expect
      .poll(async () => nbsp(flat(await page.locator('[data-filter-size]').textContent())))
      .toBe(text);
    await page.close();
  });
});

describe('how big and how long, where the reader looks', () => {
  it('the Download section (where the nav and the hero lead) gives size, files and the time at 100 Mbit/s and 1 Gbit/s', async () => {
    const total = recount(join(datasetDir, 'studies'));
    const page = await web.browser.newPage({ viewport: { width: 390, height: 844 } });
    for (const [locale, speeds] of [
      ['en', ['100 Mbit/s', '1 Gbit/s']],
      ['ru', ['100 Мбит/с', '1 Гбит/с']],
    ] as const) {
      await page.goto(`${web.site.url}/${locale}/`);
      const line = page.locator('#downloads ~ p[data-download-size]').first();
      expect(await line.getAttribute('data-download-size')).toBe(`${total.bytes} ${total.files}`);
      const text = nbsp(flat(await line.innerText()));
      expect(text).toContain(nbsp(formatSize(total, locale)));
      const [slow, fast] = [100e6, 1e9].map((bps) => transferSeconds(total.bytes, bps));
      const at = (seconds: number, speed: string) =>
        nbsp(`${formatDuration(seconds, locale)} ${locale === 'en' ? 'at' : 'при'} ${speed}`);
      expect(text).toContain(at(slow!, speeds[0]));
      // The faster link is named too, unless the slower one already takes under a minute.
      if (slow! >= 60) expect(text).toContain(at(fast!, speeds[1]));
      else expect(text).not.toContain(speeds[1]);
      // The nav's "Download" and the hero's button land there.
      expect(await page.locator('header a[href$="#downloads"]').count()).toBeGreaterThan(0);
      expect(await page.locator('main .actions a.button').first().getAttribute('href')).toBe(
        '#downloads',
      );
    }
    await page.close();
  });

  it("the subset kit gives the subset's size and download time", async () => {
    const subset = studies.filter((s) => s.findings.subdural === true);
    const size = {
      files: subset.reduce((n, s) => n + s.size.files, 0),
      bytes: subset.reduce((n, s) => n + s.size.bytes, 0),
    };
    const page = await web.browser.newPage();
    for (const locale of ['en', 'ru'] as const) {
      await page.goto(`${web.site.url}/${locale}/studies/?finding=subdural`);
      await page.locator('[data-subset-kit] summary').click();
      const line = page.locator('[data-subset-kit] [data-kit-size]');
      const time = formatDuration(transferSeconds(size.bytes, 100e6), locale);
      await expect
        .poll(async () => nbsp(flat(await line.textContent())))
        .toContain(nbsp(formatSubsetTotal(subset.length, size, locale)));
      expect(nbsp(flat(await line.textContent()))).toContain(nbsp(time));
    }
    await page.close();
  });
});
