/**
 * A study's handle as an address, in Chromium, on the test site (built under a base path):
 * `/<lang>/studies/<handle>/` leads to the study's page in both languages, with and without
 * JavaScript; the redirect page is not a page of its own (noindex, canonical to the study, not
 * in the sitemap, not in the search index). The expected studies come from the site's own
 * `data/studies.json`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { LOCALES, type Locale } from '../../src/i18n/locales.ts';
import { useTranslations } from '../../src/i18n/index.ts';
import { useBrowserSite } from './use-browser-site.ts';
import { readSiteStudies } from '../support/site-studies.ts';

const siteDir = inject('siteDir');
const siteOrigin = inject('siteOrigin');
const basePath = inject('basePath');
const studies = readSiteStudies(siteDir)!;
/** The first, a middle and the last study: handles of one, two and more digits. */
const picked = [studies[0]!, studies[Math.floor(studies.length / 2)]!, studies.at(-1)!];

const web = useBrowserSite();

const cases = LOCALES.flatMap((locale) => [
  [locale, true],
  [locale, false],
]) as Array<[string, boolean]>;

describe('a study handle in the address', () => {
  it('the test site is built under a base path, and its handles are distinct', () => {
    expect(web.site.base).toBe(basePath);
    expect(basePath).not.toBe('/');
    expect(new Set(studies.map((s) => s.handle)).size).toBe(studies.length);
  });

  it.each(cases)('/%s/studies/<handle>/ opens the study (JavaScript %s)', async (locale, js) => {
    const context = await web.browser.newContext({ javaScriptEnabled: js });
    const page = await context.newPage();
    for (const study of picked) {
      await page.goto(`${web.site.url}/${locale}/studies/${study.handle}/`);
      await page.waitForURL(`${web.site.url}/${locale}/studies/${study.slug}/`);
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      const heading = await page.locator('main h1').innerText();
      expect(heading).toContain(`#${study.handle}`);
      expect(heading).toContain(study.id);
      // The study page shows its short address, which leads back to it.
      const short = page.locator(`main a[href="${basePath}${locale}/studies/${study.handle}/"]`);
      expect(await short.innerText()).toBe(
        `${siteOrigin}${basePath}${locale}/studies/${study.handle}/`,
      );
    }
    await context.close();
  });

  it.each(LOCALES)(
    'the redirect page (%s) says where it leads, for readers and crawlers',
    async (locale) => {
      for (const study of picked) {
        const target = `${basePath}${locale}/studies/${study.slug}/`;
        const html = readFileSync(
          join(siteDir, locale, 'studies', study.handle, 'index.html'),
          'utf8',
        );
        expect(html).toContain(`<html lang="${locale}"`);
        expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${target}"`);
        expect(html).toContain(`<link rel="canonical" href="${siteOrigin}${target}"`);
        expect(html).toContain('<meta name="robots" content="noindex"');
        // Not a page of the search index.
        expect(html).not.toContain('data-pagefind-body');
      }
      // Seen as a reader whose browser does not follow refreshes: a visible link to the study.
      const context = await web.browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      const study = picked[0]!;
      const url = `${web.site.url}/${locale}/studies/${study.handle}/`;
      await page.route(url, async (route) => {
        const response = await route.fetch();
        const body = (await response.text()).replace(/<meta http-equiv="refresh"[^>]*>/, '');
        await route.fulfill({ response, body });
      });
      await page.goto(url);
      await page.getByRole('link', { name: study.id }).click();
      await page.waitForURL(`${web.site.url}/${locale}/studies/${study.slug}/`);
      await context.close();
    },
  );

  it('the sitemap lists every study page and no handle address', () => {
    const sitemap = readFileSync(join(siteDir, 'sitemap-0.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    for (const locale of LOCALES) {
      for (const study of studies) {
        expect(locs).toContain(`${siteOrigin}${basePath}${locale}/studies/${study.slug}/`);
        expect(locs).not.toContain(`${siteOrigin}${basePath}${locale}/studies/${study.handle}/`);
      }
    }
  });

  it.each([
    ['en', 'short address'],
    ['ru', 'короткий адрес'],
  ])('search (%s) never lists a handle address (%s)', async (locale, words) => {
    const page = await web.browser.newPage();
    await page.goto(`${web.site.url}/${locale}/search/?q=${encodeURIComponent(words)}`);
    const status = page.locator('#search-status');
    const loading = useTranslations(locale as Locale)('search.loading');
    await expect
      .poll(() => status.innerText(), { timeout: 20_000 })
      .toSatisfy((text: string) => text !== '' && text !== loading);
    const hrefs = await page
      .locator('#search-results a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    const handles = new Set(studies.map((s) => s.handle));
    expect(hrefs.filter((h) => handles.has(h.split('/').at(-2) ?? ''))).toEqual([]);
    await page.close();
  });
});
