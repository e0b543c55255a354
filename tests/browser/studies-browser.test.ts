/**
 * The studies index in Chromium, on the site the test setup built: filters, sorting, the grid,
 * links, the pages without JavaScript. Expected values come from the site's own data
 * (data/studies.json, or the pages' HTML). Study pages: study-page.test.ts.
 * Longer than 300 lines on purpose: each file starts its own Chromium and server, and these
 * scenarios share one of each.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSite } from './use-browser-site.ts';
import {
  builtStudySlugs,
  expectedStudies,
  indexStudies,
  readSiteStudies,
  visibleRows,
  type ExpectedStudy,
} from '../support/site-studies.ts';

const siteDir = inject('siteDir');
const siteStudies = readSiteStudies(siteDir);

const web = useBrowserSite();

async function openPage(path: string, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await web.browser.newContext({
    viewport: { width: 390, height: 844 },
    ...options,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${web.site.url}${path}`);
  return { page, errors, close: () => context.close() };
}

/** Unfolds the filters (folded on a phone-sized viewport) and checks that they were folded. */
async function openFilters(page: Page) {
  const details = page.locator('[data-filter-details]');
  expect(await details.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
  await details.locator('summary').click();
  expect(await details.evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
}

describe('studies index', () => {
  it('filters give the counts the data gives, live in the URL, and survive back and reload', async () => {
    const { page, errors, close } = await openPage('/en/studies/');
    const studies = expectedStudies(siteDir);
    const total = studies.length;
    await expect.poll(() => visibleRows(page)).toBe(total);
    const count = (test: (s: ExpectedStudy) => boolean) => studies.filter(test).length;
    const status = page.locator('[data-filter-status]');
    await openFilters(page);

    await page.locator('input[name="finding"][value="subdural"]').check();
    const subdural = count((s) => s.findings.includes('subdural'));
    await expect.poll(() => visibleRows(page)).toBe(subdural);
    expect(await status.textContent()).toContain(`${subdural} of ${total}`);

    await page.locator('input[name="finding"][value="fracture"]').check();
    const both = count((s) => s.findings.includes('subdural') && s.findings.includes('fracture'));
    await expect.poll(() => visibleRows(page)).toBe(both);

    await page.locator('input[name="class"][value="pathology"]').check();
    await page.locator('input[name="sex"][value="M"]').check();
    const narrow = count(
      (s) =>
        s.findings.includes('subdural') &&
        s.findings.includes('fracture') &&
        s.class === 'pathology' &&
        s.sex === 'M',
    );
    await expect.poll(() => visibleRows(page)).toBe(narrow);
    expect(await page.locator('[data-filter-empty]').isHidden()).toBe(narrow > 0);
    const url = new URL(page.url());
    expect(url.searchParams.getAll('finding')).toEqual(['subdural', 'fracture']);
    expect(url.searchParams.get('sex')).toBe('M');

    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('sex='));
    expect(await page.locator('input[name="sex"][value="M"]').isChecked()).toBe(false);
    await expect
      .poll(() => visibleRows(page))
      .toBe(
        count(
          (s) =>
            s.findings.includes('subdural') &&
            s.findings.includes('fracture') &&
            s.class === 'pathology',
        ),
      );

    await page.goto(`${web.site.url}/en/studies/?sex=F&sex=unknown`);
    await expect
      .poll(() => page.locator('[data-filter-active]').textContent())
      .toBe('(2 selected)');
    await openFilters(page);
    expect(await page.locator('input[name="sex"][value="F"]').isChecked()).toBe(true);
    await expect
      .poll(() => visibleRows(page))
      .toBe(count((s) => s.sex === 'F' || s.sex === 'unknown'));

    await page.locator('[data-filter-reset]').click();
    await expect.poll(() => visibleRows(page)).toBe(total);
    expect(errors).toEqual([]);
    await close();
  });

  it('sorts by a column and shows the same subset as a grid of lazily loaded covers', async () => {
    const { page, close } = await openPage('/en/studies/?class=pathology');
    const expected = expectedStudies(siteDir).filter((s) => s.class === 'pathology').length;

    const ageHeader = page.locator('th[data-sort-key="age"]');
    await ageHeader.locator('button').click();
    await expect.poll(() => ageHeader.getAttribute('aria-sort')).toBe('ascending');
    const ages = (
      await page.$$eval('tr[data-study-row]:not([hidden])', (rows) =>
        rows.map((r) => (r as HTMLTableRowElement).cells[3]!.dataset['value'] ?? ''),
      )
    )
      .filter((v) => v !== '')
      .map(Number);
    expect(ages).toEqual([...ages].sort((a, b) => a - b));
    await ageHeader.locator('button').click();
    await expect.poll(() => ageHeader.getAttribute('aria-sort')).toBe('descending');
    expect(new URL(page.url()).searchParams.get('dir')).toBe('desc');

    await page.locator('button[data-view="grid"]').click();
    await expect.poll(() => page.locator('[data-study-table]').isHidden()).toBe(true);
    const cards = page.locator('[data-study-card]:not([hidden])');
    await expect.poll(() => cards.count()).toBe(expected);
    const images = await page.$$eval('[data-study-card] img', (imgs) =>
      imgs.map((img) => ({
        loading: img.getAttribute('loading'),
        decoding: img.getAttribute('decoding'),
        width: Number(img.getAttribute('width')),
        height: Number(img.getAttribute('height')),
      })),
    );
    for (const img of images) {
      expect(img).toMatchObject({ loading: 'lazy', decoding: 'async' });
      expect(img.width).toBeGreaterThan(0);
      expect(img.height).toBeGreaterThan(0);
    }
    await close();
  });

  it('links every study page, in both languages, to a file that exists', async () => {
    for (const locale of ['ru', 'en']) {
      const { page, close } = await openPage(`/${locale}/studies/`);
      const hrefs = await page.$$eval('tr[data-study-row] a', (links) =>
        links.map((a) => a.getAttribute('href') ?? ''),
      );
      for (const href of hrefs) {
        expect(href).toMatch(new RegExp(`^${web.site.base}${locale}/studies/[^/]+/$`));
        const file = join(siteDir, href.slice(web.site.base.length), 'index.html');
        expect(existsSync(file), href).toBe(true);
      }
      const linked = hrefs.map((h) => h.split('/').at(-2)).sort();
      expect(linked).toEqual(builtStudySlugs(siteDir, locale));
      if (siteStudies) expect(linked).toEqual(siteStudies.map((s) => s.slug).sort());
      await close();
    }
  });

  it('without JavaScript lists every study over the pages, honestly, with no inert controls', async () => {
    for (const locale of ['ru', 'en']) {
      const { page, close } = await openPage(`/${locale}/studies/?sex=F&view=grid`, {
        javaScriptEnabled: false,
      });
      const listed: string[] = [];
      const visited = new Set<string>();
      for (let path: string | null = `/${locale}/studies/`; path && !visited.has(path);) {
        visited.add(path);
        await page.goto(`${web.site.url}${path}`);
        listed.push(
          ...(await page
            .locator('tr[data-study-row]:visible th a')
            .evaluateAll(
              (links, base) =>
                links.map((a) => a.getAttribute('href')!.slice(base.length).split('/')[2]!),
              web.site.base,
            )),
        );
        expect(await page.locator('form[data-study-filters]').isHidden()).toBe(true);
        expect(await page.locator('[data-view-switch]').isHidden()).toBe(true);
        expect(await page.locator('.studies-table__sort-hint').isHidden()).toBe(true);
        expect(await page.locator('caption').innerText()).not.toMatch(/sort|сортир/i);
        // The page says what it can do without JavaScript (no grid, no filters).
        expect(await page.locator('noscript').first().textContent()).toMatch(/JavaScript/);
        const current = page.locator('[data-index-pages] a[aria-current="page"]');
        path = (await current.count())
          ? await page
              .locator('[data-index-pages] li')
              .filter({ has: current })
              .locator('+ li a')
              .getAttribute('href')
              .then((href) => href && `/${href.slice(web.site.base.length)}`)
              .catch(() => null)
          : null;
      }
      expect(listed.sort()).toEqual(builtStudySlugs(siteDir, locale));
      await close();
    }
  });

  it('says what is wrong with an age range, and uses the bounds it can', async () => {
    const { page, errors, close } = await openPage('/en/studies/?ageMin=60&ageMax=40');
    const studies = indexStudies(siteDir);
    const problem = page.locator('[data-age-problem]');
    await expect.poll(() => problem.textContent()).toContain('greater than');
    expect(await problem.textContent()).toContain('showing ages 40 to 60');
    const between = studies.filter((s) => s.age !== null && s.age >= 40 && s.age <= 60).length;
    await expect.poll(() => visibleRows(page)).toBe(between);
    await openFilters(page);
    expect(await problem.isVisible()).toBe(true);

    await page.locator('input[name="ageMin"]').fill('200');
    await page.locator('input[name="ageMax"]').fill('');
    await page.locator('input[name="ageMin"]').press('Enter');
    await expect.poll(() => problem.textContent()).toContain('Age 200 is outside 0–120 years');
    await expect.poll(() => visibleRows(page)).toBe(studies.length);

    await page.locator('input[name="ageMin"]').fill('30');
    await page.locator('input[name="ageMin"]').press('Enter');
    await expect.poll(() => problem.isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });

  it('updates each option count as other filters change, and shows every option whole', async () => {
    const { page, errors, close } = await openPage('/en/studies/');
    const studies = expectedStudies(siteDir);
    const optionCount = (name: string, value: string) =>
      page
        .locator(`input[name="${name}"][value="${value}"]`)
        .evaluate(
          (input) => input.closest('label')?.querySelector('[data-option-count]')?.textContent,
        );
    await openFilters(page);
    expect(await optionCount('sex', 'M')).toBe(`(${studies.filter((s) => s.sex === 'M').length})`);
    await page.locator('input[name="class"][value="pathology"]').check();
    const pathologyMale = studies.filter((s) => s.class === 'pathology' && s.sex === 'M').length;
    await expect.poll(() => optionCount('sex', 'M')).toBe(`(${pathologyMale})`);
    // A finding's count adds it to the selection: pathology studies that have it.
    const subdural = studies.filter(
      (s) => s.class === 'pathology' && s.findings.includes('subdural'),
    );
    expect(await optionCount('finding', 'subdural')).toBe(`(${subdural.length})`);
    // Within the class facet, its own options keep counting over the other facets only.
    expect(await optionCount('class', 'normal')).toBe(
      `(${studies.filter((s) => s.class === 'normal').length})`,
    );

    // No option is cut: no group scrolls, and a one-word value stays on one line.
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      const cut = await page.$$eval('form[data-study-filters] label', (labels) =>
        labels.flatMap((label) => {
          const fieldset = label.closest('fieldset')!;
          const text = label.querySelector('span')?.firstChild;
          const problems: string[] = [];
          if (fieldset.scrollHeight > fieldset.clientHeight + 1) problems.push('scrolls');
          if (text && !/\s/.test(text.textContent!.trim())) {
            const range = document.createRange();
            range.selectNodeContents(text);
            const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
            if (tops.size > 1) problems.push('breaks');
          }
          const box = label.getBoundingClientRect();
          const frame = fieldset.getBoundingClientRect();
          if (box.right > frame.right + 1) problems.push('overflows');
          return problems.map((p) => `${label.textContent!.trim()}: ${p}`);
        }),
      );
      expect(cut, `at ${width} px`).toEqual([]);
    }
    expect(errors).toEqual([]);
    await close();
  });

  it('keeps the filters in the language link, ready to open in a new tab', async () => {
    const { page, close } = await openPage('/en/studies/');
    const link = page.locator('header a[hreflang="ru"]');
    expect(new URL((await link.getAttribute('href'))!, web.site.url).search).toBe('');
    await openFilters(page);
    await page.locator('input[name="sex"][value="F"]').check();
    await page.locator('th[data-sort-key="age"] button').click();
    await expect.poll(() => link.getAttribute('href')).toContain('sex=F');
    const href = new URL((await link.getAttribute('href'))!, web.site.url);
    expect(href.pathname).toBe(`${web.site.base}ru/studies/`);
    expect(href.searchParams.get('sort')).toBe('age');
    // Opened as a new page (what a new tab does), the other language shows the same subset.
    const other = await openPage(`/${href.pathname.slice(web.site.base.length)}${href.search}`);
    const numbers = (text: string | null) => (text ?? '').match(/\d+/g)?.join(' ');
    const shown = numbers(await page.locator('[data-filter-status]').textContent());
    await expect
      .poll(async () => numbers(await other.page.locator('[data-filter-status]').textContent()))
      .toBe(shown);
    expect(await other.page.locator('input[name="sex"][value="F"]').isChecked()).toBe(true);
    await page.goBack();
    await expect.poll(() => link.getAttribute('href')).not.toContain('sort=');
    await other.close();
    await close();
  });
});
