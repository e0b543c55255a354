/**
 * The explorer in Chromium: with no filter it shows the build's numbers; filtering to
 * subdural + fracture shows the count the data gives, recomputes the charts and tables,
 * lists the studies, offers their registry rows, and puts the state in the URL; reload and
 * back restore it.
 */
import { readFile } from 'node:fs/promises';
import { csvParse } from 'd3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSite } from './use-browser-site.ts';
import { loadRegistry, readChartTables, registryCsvText, type RegistryRow } from './site-truth.ts';

const web = useBrowserSite();
let registry: RegistryRow[];
let registryCsv: { csv: string; fromFile: boolean };

beforeAll(async () => {
  const siteDir = inject('siteDir');
  registry = loadRegistry(siteDir).rows;
  registryCsv = registryCsvText(siteDir);
});
afterAll(async () => {
  expect(errors, 'no script errors in the explorer').toEqual([]);
});

/**
 * A page under a strict Content-Security-Policy header (no eval, no inline script), whatever
 * the site's own policy, so code that needs 'unsafe-eval' fails here. When the build has no
 * registry.csv yet (fixture data), the test serves a stand-in so the subset download is the
 * filtered registry, as on a real build.
 */
async function strictPage(): Promise<Page> {
  const context = await web.browser.newContext({ acceptDownloads: true });
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === `${web.site.base}data/registry.csv` && !registryCsv.fromFile)
      return route.fulfill({ body: registryCsv.csv, contentType: 'text/csv; charset=utf-8' });
    const response = await route.fetch();
    const headers = { ...response.headers() };
    if ((headers['content-type'] ?? '').includes('text/html'))
      headers['content-security-policy'] =
        "script-src 'self'; connect-src 'self'; object-src 'none'";
    return route.fulfill({ response, headers });
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  return page;
}
const errors: string[] = [];

const countText = (n: number) => `Studies selected: ${n} of ${registry.length}`;
const subdural = () => registry.filter((r) => r.findings['subdural'] === true);
const subduralFracture = () => subdural().filter((r) => r.findings['fracture'] === true);

async function openExplorer(page: Page, query = ''): Promise<void> {
  await page.goto(`${web.site.url}/en/statistics/${query}`);
  await page.locator('[data-explorer]').waitFor({ state: 'visible' });
}
const count = (page: Page) => page.locator('[data-explorer-count]').textContent();
const tableCell = (page: Page, chart: string, row: string, col = 1) =>
  page
    .locator(`[data-chart="${chart}"] table tbody tr`)
    .filter({ has: page.locator('th', { hasText: row }) })
    .locator('th, td')
    .nth(col)
    .textContent();

describe('the statistics explorer', () => {
  it('shows the same numbers as the build when nothing is selected', async () => {
    const noJs = await (await web.browser.newContext({ javaScriptEnabled: false })).newPage();
    await noJs.goto(`${web.site.url}/en/statistics/`);
    const built = await readChartTables(noJs);
    const page = await strictPage();
    await openExplorer(page);
    expect(await count(page)).toBe(countText(registry.length));
    expect(await readChartTables(page)).toEqual(built);
  });

  it('filters to subdural + fracture, updates charts, list, CSV and URL; reload and back restore', async () => {
    const page = await strictPage();
    await openExplorer(page);
    const findingsSvgBefore = await page.locator('[data-chart="findings"] svg:visible').innerHTML();

    await page.getByRole('checkbox', { name: 'Subdural hemorrhage' }).check();
    await expect.poll(() => count(page)).toBe(countText(subdural().length));
    await page.getByRole('checkbox', { name: 'Skull fracture' }).check();
    const expected = subduralFracture();
    await expect.poll(() => count(page)).toBe(countText(expected.length));

    // The URL holds the state.
    const url = new URL(page.url());
    expect(url.searchParams.getAll('finding')).toEqual(['subdural', 'fracture']);
    // Charts and tables were recomputed for the subset.
    expect(await tableCell(page, 'findings', 'Subdural hemorrhage')).toBe(String(expected.length));
    expect(await tableCell(page, 'class-balance', 'With signs of hemorrhage')).toBe(
      String(expected.filter((r) => r.pathology === true).length),
    );
    expect(await page.locator('[data-chart="findings"] svg:visible').innerHTML()).not.toBe(
      findingsSvgBefore,
    );
    expect(
      await page.locator('[data-chart="class-balance"] [data-chart-scope]').textContent(),
    ).toContain(`${expected.length} of ${registry.length} studies`);
    // The matching studies, linked to their pages.
    const links = page.locator('[data-explorer-studies] a');
    expect(await links.count()).toBe(expected.length);
    if (expected.length > 0)
      expect(await links.first().getAttribute('href')).toMatch(
        new RegExp(`^${web.site.base}en/studies/[^/]+/$`),
      );
    // The same subset in the studies index: same query vocabulary.
    const studiesLink = await page.locator('[data-explorer-studies-link]').getAttribute('href');
    expect(studiesLink).toBe(`${web.site.base}en/studies/?${url.searchParams.toString()}`);
    // The subset's registry rows as CSV, downloaded as a reader would (a click).
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-explorer-csv]').click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    const rows = csvParse(csv);
    expect(rows.columns).toEqual(Object.keys(csvParse(registryCsv.csv)[0] ?? {}));
    expect(new Set(rows.map((r) => r['study_uid']))).toEqual(new Set(expected.map((r) => r.id)));

    // Reloading the URL restores the state.
    await page.reload();
    await page.locator('[data-explorer]').waitFor({ state: 'visible' });
    await expect.poll(() => count(page)).toBe(countText(expected.length));
    expect(await page.getByRole('checkbox', { name: 'Skull fracture' }).isChecked()).toBe(true);

    // Each option says how many studies choosing it would give: with subdural + fracture
    // selected, adding epidural leaves the studies that have all three.
    const withEpidural = expected.filter((r) => r.findings['epidural'] === true).length;
    expect(
      await page
        .getByRole('checkbox', { name: /^Epidural hemorrhage/ })
        .evaluate(
          (input) => input.closest('label')?.querySelector('[data-option-count]')?.textContent,
        ),
    ).toBe(`(${withEpidural})`);

    // Back goes to the previous state (subdural only), forward returns.
    await page.goBack();
    await expect.poll(() => count(page)).toBe(countText(subdural().length));
    expect(await page.getByRole('checkbox', { name: 'Skull fracture' }).isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: 'Subdural hemorrhage' }).isChecked()).toBe(
      true,
    );
    await page.goForward();
    await expect.poll(() => count(page)).toBe(countText(expected.length));
  });

  it('announces the count in a live region and labels every control', async () => {
    const page = await strictPage();
    await openExplorer(page, '?sex=F&ageMin=30&ageMax=60');
    const expected = registry.filter(
      (r) => r.sex === 'F' && r.age !== null && r.age >= 30 && r.age <= 60,
    );
    await expect.poll(() => count(page)).toBe(countText(expected.length));
    expect(await page.locator('[data-explorer-count]').getAttribute('role')).toBe('status');
    expect(await page.getByRole('spinbutton', { name: 'from' }).inputValue()).toBe('30');
    const unlabelled = await page.$$eval(
      '[data-explorer-form] input:not([type=hidden])',
      (inputs) => inputs.filter((i) => !(i as HTMLInputElement).labels?.length).length,
    );
    expect(unlabelled).toBe(0);
    // Keyboard: Space on a focused checkbox filters too.
    await page.getByRole('checkbox', { name: /^Male \(/ }).focus();
    await page.keyboard.press('Space');
    const both = registry.filter(
      (r) => r.sex !== null && r.age !== null && r.age >= 30 && r.age <= 60,
    );
    await expect.poll(() => count(page)).toBe(countText(both.length));
  });

  it('says what is wrong with an age range, next to the inputs, and filters with what it can', async () => {
    const page = await strictPage();
    await openExplorer(page, '?ageMin=60&ageMax=40');
    const problem = page.locator('[data-age-problem]');
    const between = registry.filter((r) => r.age !== null && r.age >= 40 && r.age <= 60);
    await expect.poll(() => count(page)).toBe(countText(between.length));
    expect(await problem.isVisible()).toBe(true);
    expect(await problem.textContent()).toContain('showing ages 40 to 60');
    // The message sits in the age group, next to the inputs.
    expect(
      await problem.evaluate((p) => p.closest('fieldset')?.querySelector('input[name="ageMin"]')),
    ).toBeTruthy();

    await page.getByRole('spinbutton', { name: 'from' }).fill('200');
    await page.getByRole('spinbutton', { name: 'to' }).fill('5');
    await page.getByRole('spinbutton', { name: 'to' }).press('Enter');
    await expect.poll(() => problem.textContent()).toContain('Age 200 is outside 0–120 years');
    const upTo5 = registry.filter((r) => r.age !== null && r.age <= 5);
    await expect.poll(() => count(page)).toBe(countText(upTo5.length));

    await page.getByRole('spinbutton', { name: 'from' }).fill('');
    await page.getByRole('spinbutton', { name: 'to' }).fill('');
    await page.getByRole('spinbutton', { name: 'to' }).press('Enter');
    await expect.poll(() => problem.isHidden()).toBe(true);
    await expect.poll(() => count(page)).toBe(countText(registry.length));
  });

  it('loads its script only when used, and keeps the state in the language link', async () => {
    const page = await strictPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script' || r.url().includes('/data/')) scripts.push(r.url());
    });
    await openExplorer(page);
    await page.waitForLoadState('networkidle');
    expect(scripts.filter((u) => /explorer\.json|registry\.csv/.test(u))).toEqual([]);
    const link = page.locator('header a[hreflang="ru"]');
    const linkTarget = async () => {
      // The path below the site's base path (the test site is built under one).
      const url = new URL((await link.getAttribute('href'))!, web.site.url);
      return `/${url.pathname.slice(web.site.base.length)}${url.search}`;
    };
    expect(await linkTarget()).toBe('/ru/statistics/');

    await page.getByRole('checkbox', { name: 'Subdural hemorrhage' }).check();
    await expect.poll(() => count(page)).toBe(countText(subdural().length));
    expect(scripts.some((u) => u.includes('/data/explorer.json'))).toBe(true);
    await expect.poll(linkTarget).toBe('/ru/statistics/?finding=subdural');
    // Opened as a new page (a new tab), the Russian page shows the same subset.
    const other = await strictPage();
    await other.goto(`${web.site.url}${await linkTarget()}`);
    await expect
      .poll(() => other.locator('[data-explorer-count]').textContent())
      .toMatch(new RegExp(`\\b${subdural().length}\\b.*\\b${registry.length}\\b`));
    await page.goBack();
    await expect.poll(linkTarget).toBe('/ru/statistics/');
  });

  it('keeps the count and the reset button in view on a phone while going through the groups', async () => {
    const page = await strictPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await openExplorer(page);
    const position = () =>
      page.locator('.explorer-bar').evaluate((bar) => getComputedStyle(bar).position);
    // Untouched, the bar stays in its place: it would cover the options of the first screen.
    expect(await position()).toBe('static');
    // Once the reader uses the form, it stays in view.
    await page.locator('[data-explorer-form] input[name="finding"]').first().check();
    expect(await position()).toBe('sticky');
    const bar = page.locator('[data-explorer-count]');
    for (const legend of ['Findings', 'Manufacturer', 'Tube voltage']) {
      await page
        .locator('[data-explorer-form] legend', { hasText: legend })
        .scrollIntoViewIfNeeded();
      const box = (await bar.boundingBox())!;
      expect(box.y, legend).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, legend).toBeLessThanOrEqual(844);
      expect(await page.locator('[data-explorer-reset]').isVisible()).toBe(true);
    }
  });
});
