/**
 * Gate 1, accessibility: axe-core (WCAG 2.2 A and AA rules) in Chromium finds no violation on
 * any page type, in both languages, in light mode on a phone and dark mode on a desktop, as loaded and with every
 * disclosure open (the statistics explorer, data tables), and on the search results.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { useBrowserSite } from './use-browser-site.ts';
import { axeViolations, describeViolations } from '../support/gates/axe.ts';
import {
  expandDisclosures,
  knownWord,
  openStudyViewer,
  runSearch,
  searchPageFor,
} from '../support/gates/page-states.ts';
import { representatives, sitePages } from '../support/gates/site-pages.ts';
import { LOCALES } from '../../src/i18n/locales.ts';

const siteDir = inject('siteDir');
const datasetDir = inject('datasetDir');
const pages = representatives(await sitePages(siteDir));
const SCHEMES = ['light', 'dark'] as const;
/** A page with many charts and tables takes axe several seconds per run on a loaded 2-core CI. */
const AXE_TEST_TIMEOUT = 180_000;
/**
 * Light mode on a 360 px phone and dark mode on a desktop: two runs per page cover both colour
 * schemes and both layouts (touch-target size and contrast can differ between them).
 */
const VIEWPORTS = {
  light: { width: 360, height: 740 },
  dark: { width: 1280, height: 900 },
} as const;

const web = useBrowserSite();
const contexts = new Map<string, BrowserContext>();
beforeAll(async () => {
  for (const colorScheme of SCHEMES) {
    // The site's CSP would block the injected axe script; the page's own behaviour is checked
    // under the CSP in csp.test.ts.
    contexts.set(
      colorScheme,
      await web.browser.newContext({
        colorScheme,
        bypassCSP: true,
        viewport: VIEWPORTS[colorScheme],
      }),
    );
  }
});

/**
 * A page that redirects with `<meta http-equiv="refresh">` (the root language chooser) would
 * leave before axe has looked at it: serve it without that element, and check separately that
 * its delay is 0 (an instant redirect is what WCAG 2.2.1 and 3.2.5 allow).
 */
async function holdRefresh(page: Page, url: string): Promise<void> {
  await page.route(url, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(REFRESH_META, '');
    await route.fulfill({ response, body });
  });
}
const REFRESH_META = /<meta[^>]*http-equiv=["']?refresh["']?[^>]*>/gi;

describe('accessibility (axe-core, WCAG 2.2 A/AA)', () => {
  it('redirects only instantly (meta refresh delay 0)', async () => {
    const delayed: string[] = [];
    for (const sitePage of await sitePages(siteDir)) {
      const html = await readFile(join(siteDir, sitePage.file), 'utf8');
      for (const meta of html.match(REFRESH_META) ?? []) {
        if (!/content=["']?\s*0\s*[;,'"]/i.test(meta)) delayed.push(`${sitePage.file}: ${meta}`);
      }
    }
    expect(delayed, delayed.join('\n')).toEqual([]);
  });

  for (const sitePage of pages) {
    it(
      `${sitePage.type} (${sitePage.locale ?? 'no locale'}): ${sitePage.urlPath}`,
      async () => {
        const problems: string[] = [];
        for (const scheme of SCHEMES) {
          const page = await contexts.get(scheme)!.newPage();
          try {
            await holdRefresh(page, web.site.url + sitePage.urlPath);
            await page.goto(web.site.url + sitePage.urlPath);
            const where = `${sitePage.urlPath} [${scheme}, ${VIEWPORTS[scheme].width} px]`;
            // axe takes 1-2 s a run: the page as loaded once (light), then with everything
            // expanded in both schemes (the expanded page still holds every collapsed control).
            if (scheme === 'light') {
              problems.push(...describeViolations(where, await axeViolations(page)));
            }
            const expanded = (await expandDisclosures(page)) > 0;
            if (expanded || scheme !== 'light') {
              const state = expanded ? `${where} expanded` : where;
              problems.push(...describeViolations(state, await axeViolations(page)));
            }
            // A study page's full viewer, opened on the sample as a reader opens their copy.
            if (await openStudyViewer(page, datasetDir)) {
              problems.push(
                ...describeViolations(`${where} viewer open`, await axeViolations(page)),
              );
            }
          } finally {
            await page.close();
          }
        }
        expect(problems, problems.join('\n')).toEqual([]);
      },
      AXE_TEST_TIMEOUT,
    );
  }

  for (const locale of LOCALES) {
    it(
      `search results (${locale})`,
      async (ctx) => {
        const page = await contexts.get('light')!.newPage();
        try {
          const query = await knownWord(page, web.site.url, locale);
          const searchPage = await searchPageFor(page, web.site.url, pages, locale);
          if (!searchPage) return ctx.skip('no page with a search box yet');
          await page.goto(web.site.url + searchPage.urlPath);
          expect(await runSearch(page, query), `search for "${query}" loaded no result`).toBe(true);
          const problems: string[] = [];
          for (const scheme of SCHEMES) {
            await page.emulateMedia({ colorScheme: scheme });
            problems.push(
              ...describeViolations(
                `search "${query}" on ${searchPage.urlPath} [${scheme}]`,
                await axeViolations(page),
              ),
            );
          }
          expect(problems, problems.join('\n')).toEqual([]);
        } finally {
          await page.close();
        }
      },
      AXE_TEST_TIMEOUT,
    );
  }
});
