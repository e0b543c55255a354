/**
 * Page states the browser gates check besides "as loaded", found on whatever page has them so
 * that pages landing later are covered without changes: every disclosure open (explorer,
 * data tables, filters) and a search with results.
 */
import type { Page } from 'playwright-core';
import type { SitePage } from './site-pages.ts';

/** Search inputs we know: a search box in the header or on the search page, or Pagefind's UI. */
export const SEARCH_INPUT =
  'input[type="search"], [role="searchbox"], .pagefind-ui__search-input, input[name="q"]';

/**
 * Opens every closed `<details>` and presses every visible collapsed disclosure button
 * (`aria-expanded="false"`). Returns how many it opened (0: the page has no such state).
 */
export async function expandDisclosures(page: Page): Promise<number> {
  const opened = await page.evaluate(() => {
    const closed = [...document.querySelectorAll('details:not([open])')];
    closed.forEach((d) => d.setAttribute('open', ''));
    return closed.length;
  });
  let pressed = 0;
  const buttons = page.locator('button[aria-expanded="false"]:visible');
  for (const button of await buttons.all()) {
    // A button can disappear or become hidden when an earlier one opened its container.
    if (!(await button.isVisible())) continue;
    await button.click();
    pressed += 1;
  }
  return opened + pressed;
}

/**
 * The page a search should be checked on for one locale: the search page if the site has one
 * (its route mentions "search"), otherwise the first page with a search box, or null.
 */
export async function searchPageFor(
  page: Page,
  baseUrl: string,
  pages: SitePage[],
  locale: string,
): Promise<SitePage | null> {
  const candidates = pages
    .filter((p) => p.locale === locale)
    .sort((a, b) => Number(b.type.includes('search')) - Number(a.type.includes('search')));
  for (const candidate of candidates) {
    await page.goto(baseUrl + candidate.urlPath);
    if ((await page.locator(SEARCH_INPUT).count()) > 0) return candidate;
  }
  return null;
}

/**
 * A word that the search index surely holds: the longest word of the home page's heading
 * in that locale (every page's main content is indexed).
 */
export async function knownWord(page: Page, baseUrl: string, locale: string): Promise<string> {
  await page.goto(`${baseUrl}/${locale}/`);
  const heading = (await page.locator('h1').first().textContent()) ?? '';
  const words = heading.match(/[\p{L}\p{N}]{3,}/gu) ?? [];
  const longest = words.sort((a, b) => b.length - a.length)[0];
  if (!longest) throw new Error(`No word to search for in the heading of /${locale}/`);
  return longest;
}

/**
 * Types `query` into the page's search box and waits until the search has loaded a result
 * fragment from the Pagefind index (which proves the WebAssembly search ran). Returns whether
 * a result fragment arrived.
 */
export async function runSearch(page: Page, query: string): Promise<boolean> {
  const box = page.locator(SEARCH_INPUT).first();
  await box.waitFor({ state: 'visible' });
  const fragment = page
    .waitForResponse((r) => r.url().includes('/pagefind/') && r.url().includes('fragment'), {
      timeout: 15_000,
    })
    .then(() => true)
    .catch(() => false);
  await box.fill(query);
  await box.press('Enter');
  const found = await fragment;
  // Let the results render before the page is inspected.
  await page.waitForLoadState('networkidle');
  return found;
}

/**
 * Opens the study page's full viewer (if the page has one) on `datasetDir`, as a reader picks
 * their copy, and waits until a slice is on screen. Returns whether the page had a viewer.
 */
export async function openStudyViewer(page: Page, datasetDir: string): Promise<boolean> {
  const input = page.locator('section[data-viewer] input[type="file"]');
  if ((await input.count()) === 0) return false;
  await input.setInputFiles(datasetDir);
  await page.locator('section[data-viewer] [data-viewer-app]:not([hidden])').waitFor();
  await page.locator('section[data-viewer] canvas[aria-label*=" "]').waitFor();
  await page.waitForFunction(() =>
    /\d+ \S+ \d+ · /.test(
      document.querySelector('section[data-viewer] [role="status"]')?.textContent ?? '',
    ),
  );
  return true;
}
