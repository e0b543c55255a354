/**
 * The shell in Chromium: search finds a page in each language, the language switch keeps the
 * page, the copy button copies the BibTeX, the about page has every README section.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { useBrowserSite } from './use-browser-site.ts';
import { normalizeSpace, seedHeadings, SEED_README } from './seed-readme.ts';

const web = useBrowserSite();
let context: BrowserContext;
beforeAll(async () => {
  context = await web.browser.newContext();
});
afterAll(async () => {
  await context?.close();
});

describe('the site shell in Chromium', () => {
  it.each(['ru', 'en'])(
    'search (%s) finds the about page by a word from its text',
    async (locale) => {
      const page = await context.newPage();
      await page.goto(`${web.site.url}/${locale}/about/`);
      // A word of the page's own text: the first section heading's longest word.
      const heading = await page.locator('main h2').first().innerText();
      const word = heading.split(/\s+/).sort((a, b) => b.length - a.length)[0]!;
      await page.locator('header input[name="q"]').fill(word);
      await page.locator('header input[name="q"]').press('Enter');
      await page.waitForURL(`**/${locale}/search/?q=*`);
      const result = page.locator(`#search-results a[href="${web.site.base}${locale}/about/"]`);
      await result.waitFor({ timeout: 15_000 });
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      // Results are keyboard-reachable links.
      await result.focus();
      expect(await result.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.close();
    },
  );

  it('the header search shows results as you type; arrow keys reach them', async () => {
    const page = await context.newPage();
    await page.goto(`${web.site.url}/en/license/`);
    const word = (await page.locator('main h1').innerText()).split(/\s+/)[0]!;
    const input = page.locator('header input[name="q"]');
    await input.fill(word);
    const panel = page.locator('header .search-box__panel');
    const hit = panel.locator(`a[href="${web.site.base}en/license/"]`);
    await hit.waitFor({ timeout: 15_000 });
    expect(await panel.isVisible()).toBe(true);
    await input.press('ArrowDown');
    expect(
      await page.evaluate(() => document.activeElement?.closest('.search-box__panel') !== null),
    ).toBe(true);
    await page.keyboard.press('Escape');
    expect(await panel.isVisible()).toBe(false);
    await page.close();
  });

  it.each([
    ['ru', 'en', 'cite/'],
    ['en', 'ru', 'license/'],
    ['ru', 'en', 'about/'],
  ])('the language switch takes /%s/%s to the same page in %s', async (from, to, path) => {
    const page = await context.newPage();
    await page.goto(`${web.site.url}/${from}/${path}`);
    await page.locator(`header a[hreflang="${to}"]`).click();
    await page.waitForURL(`${web.site.url}/${to}/${path}`);
    expect(await page.getAttribute('html', 'lang')).toBe(to);
    await page.close();
  });

  it('the language switch keeps the query string and fragment', async () => {
    const page = await context.newPage();
    await page.goto(`${web.site.url}/ru/about/?x=1#лицензия`);
    await page.locator('header a[hreflang="en"]').click();
    await page.waitForURL(/\/en\/about\/\?x=1#/);
    await page.close();
  });

  it('the copy button copies the BibTeX of the paper', async () => {
    const clip = await web.browser.newContext({
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await clip.newPage();
    await page.goto(`${web.site.url}/en/cite/`);
    const shown = await page.locator('#paper-bibtex').innerText();
    const button = page.locator('button[data-copy-target="paper-bibtex"]');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(shown.trim());
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const [entry] = new Cite(copied).data as { DOI: string; title: string }[];
    expect(entry!.DOI).toBe('10.3390/data9020030');
    await clip.close();
  });

  it('the copy buttons stay hidden without JavaScript, the text stays visible', async () => {
    const noJs = await web.browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${web.site.url}/ru/cite/`);
    expect(await page.locator('button.copy-button').first().isVisible()).toBe(false);
    expect(await page.locator('#paper-bibtex').isVisible()).toBe(true);
    await page.goto(`${web.site.url}/ru/search/?q=test`);
    expect(await page.locator('noscript').count()).toBeGreaterThan(0);
    await noJs.close();
  });

  it('pages send no request off-site', async () => {
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    for (const path of [
      '/',
      '/ru/',
      '/en/about/',
      '/ru/cite/',
      '/en/license/',
      '/en/search/?q=CT',
    ]) {
      await page.goto(`${web.site.url}${path}`);
      await page.waitForLoadState('networkidle');
    }
    const offSite = requested.filter(
      (url) => !url.startsWith(web.site.url) && !url.startsWith('data:'),
    );
    expect(offSite).toEqual([]);
    await page.close();
  });

  it('/ru/about/ has every section heading of the seed README; /en/about/ as many sections', async () => {
    const page = await context.newPage();
    await page.goto(`${web.site.url}/ru/about/`);
    const headingsOf = () =>
      page.$$eval('main article :is(h1,h2,h3)', (els) => els.map((e) => e.textContent ?? ''));
    const ru = (await headingsOf()).map(normalizeSpace);
    const seed = seedHeadings();
    expect(seed.length, SEED_README).toBeGreaterThan(10);
    for (const h of seed) expect(ru, h.text).toContain(h.text);
    await page.goto(`${web.site.url}/en/about/`);
    const en = await headingsOf();
    expect(en.length).toBe(ru.length);
    expect(readFileSync(SEED_README, 'utf8')).toContain(ru[0]);
    await page.close();
  });
});
