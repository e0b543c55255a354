/**
 * The browser tests' one set-up: serve the shared test site (tests/setup/build-site.ts) on
 * loopback and start Chromium before the file's tests, close both after them. Call it at the
 * top of a test file, before the file's own hooks, so that they can already open pages:
 *
 *   const web = useBrowserSite();
 *   it('…', async () => { const page = await web.browser.newPage(); await page.goto(`${web.site.url}/en/`); });
 */
import { afterAll, beforeAll, inject } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, serveStatic, type StaticSite } from '../support/browser.ts';

export interface BrowserSite {
  /** The served test site (its URL, origin and base path). */
  readonly site: StaticSite;
  /** The one Chromium of the file. */
  readonly browser: Browser;
}

export function useBrowserSite(): BrowserSite {
  let site: StaticSite | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    site = await serveStatic(inject('siteDir'));
    browser = await launchChromium();
  });
  // vitest runs a file's afterAll hooks last-registered first: the file's own clean-up (pages,
  // contexts, checks of collected errors) runs before this closes the browser and the server.
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`useBrowserSite: the ${name} is not up yet`);
    return value;
  };
  return {
    get site() {
      return ready(site, 'site');
    },
    get browser() {
      return ready(browser, 'browser');
    },
  };
}
