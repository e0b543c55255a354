/**
 * What a careful reader met with the keyboard, a screen reader and without JavaScript (issue
 * 24): ages that count as they are typed, sorting that keeps the list in pages, the enlarged
 * view's and the preset buttons' accessible names, sort buttons only where they work, a study
 * number that does not exist, and the home page's links named by where they go. Expected
 * values come from the site's own data.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LOCALES } from '../../src/i18n/locales.ts';
import type { IndexStudy } from '../../src/site/studies/index-study.ts';
import { INDEX_PAGE_SIZE } from '../../src/site/studies/index-pages.ts';
import { useBrowserSite } from './use-browser-site.ts';
import { builtStudySlugs, indexStudies, visibleRows } from '../support/site-studies.ts';

const siteDir = inject('siteDir');

const web = useBrowserSite();

async function open(path: string, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await web.browser.newContext({
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const response = await page.goto(`${web.site.url}${path}`);
  return { page, errors, status: response?.status(), close: () => context.close() };
}

/** The accessible names Chromium computes for the elements of a role (what a reader hears). */
async function accessibleNames(page: Page, role: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodes } = await cdp.send('Accessibility.queryAXTree', { nodeId: root.nodeId, role });
  await cdp.detach();
  return nodes.map((node) => String(node.name?.value ?? ''));
}

const studies = indexStudies(siteDir);
const over60 = studies.filter((s) => s.age !== null && s.age >= 60).length;

describe('age bounds', () => {
  it('update the studies count as the reader types, bounds included', async () => {
    const { page, errors, close } = await open('/en/studies/');
    await page
      .locator('[data-filter-details]')
      .evaluate((d: HTMLDetailsElement) => (d.open = true));
    await page.locator('input[name="ageMin"]').pressSequentially('60');
    // No Tab, no Enter: the list follows the digits.
    await expect.poll(() => visibleRows(page)).toBe(over60);
    expect(await page.locator('input[name="ageMin"]').inputValue()).toBe('60');
    expect(await page.locator('.study-filters__hint').innerText()).toContain('included');
    expect(errors).toEqual([]);
    await close();
  });

  it('update the explorer count as the reader types', async () => {
    const { page, errors, close } = await open('/en/statistics/');
    await page.locator('input[name="ageMin"]').pressSequentially('60');
    await expect
      .poll(() => page.locator('[data-explorer-count]').textContent())
      .toBe(`Studies selected: ${over60} of ${studies.length}`);
    expect(await page.locator('input[name="ageMin"]').inputValue()).toBe('60');
    expect(await page.locator('.explorer-age__hint').innerText()).toContain('included');
    expect(errors).toEqual([]);
    await close();
  });
});

describe('sorting the studies list', () => {
  it('sorts every study and keeps the list in pages, with a pager', async () => {
    const { page, errors, close } = await open('/en/studies/');
    // A dataset of several pages (the test site has one): the index's data, repeated.
    const many: IndexStudy[] = Array.from({ length: 5 }, (_, copy) =>
      studies.map((s) => ({ ...s, id: `${s.id}.${copy}`, slug: `${s.slug}-${copy}` })),
    ).flat();
    await page.route('**/data/studies-index.json', (route) =>
      route.fulfill({ json: { studies: many } }),
    );
    const pages = Math.ceil(many.length / INDEX_PAGE_SIZE);
    expect(pages).toBeGreaterThan(1);
    await page.locator('th[data-sort-key="age"] button').click();
    await expect.poll(() => visibleRows(page)).toBe(INDEX_PAGE_SIZE);
    const pager = page.locator('[data-index-pages]');
    expect(await pager.isVisible()).toBe(true);
    expect(await pager.locator('a').count()).toBe(pages);
    const ages = () =>
      page.$$eval('tr[data-study-row] td[data-value]:nth-of-type(3)', (cells) =>
        cells.map((c) => c.getAttribute('data-value')),
      );
    const firstPage = await ages();
    await pager.locator('a', { hasText: String(pages) }).click();
    await expect.poll(() => visibleRows(page)).toBe(many.length - (pages - 1) * INDEX_PAGE_SIZE);
    expect(new URL(page.url()).searchParams.get('page')).toBe(String(pages));
    expect(await pager.locator('a[aria-current="page"]').textContent()).toBe(String(pages));
    // The last page continues the order of the first (unknown ages last).
    const lastPage = await ages();
    const known = (values: (string | null)[]) => values.filter((v) => v).map(Number);
    if (known(lastPage).length) {
      expect(Math.min(...known(lastPage))).toBeGreaterThanOrEqual(Math.max(...known(firstPage)));
    }
    // Back goes to the first page of the sorted list.
    await page.goBack();
    await expect.poll(() => visibleRows(page)).toBe(INDEX_PAGE_SIZE);
    expect(errors).toEqual([]);
    await close();
  });

  it('offers sort buttons only when they work', async () => {
    const without = await open('/en/studies/', { javaScriptEnabled: false });
    expect(await without.page.locator('thead th[data-sort-key]').count()).toBeGreaterThan(0);
    expect(await without.page.locator('thead button').count()).toBe(0);
    await without.close();
    const withJs = await open('/en/studies/');
    const headers = await withJs.page.locator('thead th[data-sort-key]').count();
    await expect.poll(() => withJs.page.locator('thead th button').count()).toBe(headers);
    // Named by their column, arrows or not.
    await withJs.page.locator('th[data-sort-key="age"] button').click();
    await expect
      .poll(() => withJs.page.locator('th[data-sort-key="age"]').getAttribute('aria-sort'))
      .toBe('ascending');
    expect(await accessibleNames(withJs.page, 'button')).toContain('Age');
    await withJs.close();
  });
});

describe('the enlarged view and the window presets', () => {
  it('are named with spaces between the words and without the pressed mark', async () => {
    const slug = builtStudySlugs(siteDir, 'en').find((s) => {
      const study = studies.find((x) => x.slug === s);
      return study?.cover;
    })!;
    const { page, close } = await open(`/en/studies/${slug}/`);
    const gallery = page.locator('[data-gallery]').first();
    await gallery.locator('[data-enlarge]').click();
    const [dialog] = await accessibleNames(page, 'dialog');
    // "Series 1, 2.5 mm, STANDARD", not "Series 12.5 mm, STANDARD".
    expect(dialog).toMatch(/^Series 1(, |$)/);
    const buttons = await accessibleNames(page, 'button');
    expect(buttons.filter((name) => name.includes('●'))).toEqual([]);
    expect(buttons).toContain('Brain');
    await close();
  });
});

describe('a study number that does not exist', () => {
  const numbers = studies
    .map((s) => s.handle)
    .filter((h) => /^\d+$/.test(h))
    .map(Number)
    .sort((a, b) => a - b);

  for (const locale of LOCALES) {
    it(`says where study numbers start and links the nearest (${locale})`, async () => {
      const { page, status, errors, close } = await open(`/${locale}/studies/1/`);
      expect(status).toBe(404);
      const text = await page.locator('main').innerText();
      expect(text).toContain(`#${numbers[0]}`);
      expect(text).toContain(`#${numbers.at(-1)}`);
      const nearest = page.locator('[data-nearest] a').first();
      await nearest.waitFor({ state: 'visible' });
      expect(await nearest.textContent()).toContain(`#${numbers[0]}`);
      await nearest.click();
      // The number's short address leads to the study's page.
      await page.waitForURL(/\/studies\/2-[\d-]+\/$/);
      expect(errors).toEqual([]);
      await close();
    });
  }
});

describe('the home page', () => {
  for (const locale of LOCALES) {
    it(`names its links by where they go, not with whole sentences (${locale})`, async () => {
      const { page, close } = await open(`/${locale}/`);
      // Text links (an image link's text is its caption).
      const links = await page.$$eval('main a:not(:has(img))', (as) =>
        as.map((a) => a.textContent!.trim()),
      );
      const sentences = links.filter((text) => text.split(/\s+/).length > 8 || /\.$/.test(text));
      expect(sentences).toEqual([]);
      await close();
    });
  }
});
