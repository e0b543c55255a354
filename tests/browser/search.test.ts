/**
 * Search relevance in Chromium, both languages: a finding's name (in every Russian word form)
 * returns exactly the studies whose registry row has that finding, before the text pages; the
 * filters come from the index; every result is reachable; excerpts keep their spaces; titles
 * are distinct; a study's handle finds it and nothing else. The expected studies come from the site's own
 * `data/registry.csv`, never from the search code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSite } from './use-browser-site.ts';
import { readSiteStudies } from '../support/site-studies.ts';
import { useTranslations } from '../../src/i18n/index.ts';

const siteDir = inject('siteDir');

const web = useBrowserSite();

const registry = csvParse(readFileSync(join(siteDir, 'data/registry.csv'), 'utf8'));
const studies = readSiteStudies(siteDir)!;
const slugOf = new Map(studies.map((s) => [s.id, s.slug]));

/** Study page paths (in `locale`) of the registry rows where `column` is 1. */
function studiesWith(column: string, locale: string): string[] {
  return registry
    .filter((row) => row[column] === '1')
    .map((row) => `/${locale}/studies/${slugOf.get(row['study_uid']!)}/`)
    .sort();
}

interface Listed {
  hrefs: string[];
  titles: string[];
  excerpts: string[];
  status: string;
}

/** Opens the search page at `query` and shows every result ("Show more" until it is gone). */
async function listAll(page: Page, path: string): Promise<Listed> {
  await page.goto(`${web.site.url}${path}`);
  const status = page.locator('#search-status');
  await expect.poll(() => status.innerText(), { timeout: 20_000 }).toMatch(/\d/);
  const more = page.locator('#search-more');
  for (let i = 0; i < 100 && (await more.isVisible()); i++) {
    const before = await page.locator('#search-results li').count();
    await more.click();
    await expect
      .poll(() => page.locator('#search-results li').count(), { timeout: 20_000 })
      .toBeGreaterThan(before);
  }
  const links = page.locator('#search-results li > a');
  return {
    hrefs: (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).map(
      // Paths under the base the site is served from: `/en/about/`.
      (h) => `/${new URL(h, web.site.url).pathname.slice(web.site.base.length)}`,
    ),
    titles: await links.allInnerTexts(),
    excerpts: await page.locator('#search-results li > p').allInnerTexts(),
    status: await status.innerText(),
  };
}

const isStudy = (href: string) => /\/studies\/[^/]+\/$/.test(href);

/** The studies found, and that no text page comes before a study. */
function studiesFound(listed: Listed): string[] {
  const studyHrefs = listed.hrefs.filter(isStudy);
  const firstPage = listed.hrefs.findIndex((h) => !isStudy(h));
  if (firstPage >= 0) expect(listed.hrefs.slice(firstPage).some(isStudy)).toBe(false);
  return [...studyHrefs].sort();
}

const SUBDURAL_RU = [
  'субдуральная',
  'субдуральной',
  'субдуральное',
  'субдуральный',
  'субдуральных',
  'субдуральную',
  'субдуральным',
  'субдурального',
  'субдуральном',
  'субдуральными',
  'Субдуральное кровоизлияние',
];
const EPIDURAL_RU = [
  'эпидуральная',
  'эпидуральной',
  'эпидуральное',
  'эпидуральных',
  'эпидуральную',
];

describe('search finds the studies with a finding, in both languages', () => {
  it('the test site has studies with and without each finding searched for', () => {
    for (const column of ['subdural', 'epidural']) {
      const n = studiesWith(column, 'en').length;
      expect(n, column).toBeGreaterThan(0);
      expect(n, column).toBeLessThan(studies.length);
    }
  });

  it.each([
    ['en', 'subdural', 'subdural'],
    ['en', 'Subdural hemorrhage', 'subdural'],
    ['en', 'epidural', 'epidural'],
    ...SUBDURAL_RU.map((q) => ['ru', q, 'subdural']),
    ...EPIDURAL_RU.map((q) => ['ru', q, 'epidural']),
  ])('/%s/search/?q=%s lists exactly the %s studies, then text pages', async (locale, q, col) => {
    const page = await web.browser.newPage();
    const listed = await listAll(page, `/${locale}/search/?q=${encodeURIComponent(q)}`);
    expect(studiesFound(listed)).toEqual(studiesWith(col, locale));
    // Excerpts keep the spaces the page has; a study's excerpt says nothing of absent findings.
    const t = useTranslations(locale as 'en' | 'ru');
    const states = (['absent', 'unknown', 'present'] as const).map((s) =>
      t(`studies.finding.${s}`),
    );
    listed.excerpts.forEach((excerpt, i) => {
      for (const state of states) {
        expect(excerpt).not.toMatch(new RegExp(`\\p{L}${state}`, 'iu'));
        if (isStudy(listed.hrefs[i]!)) expect(excerpt).not.toContain(` ${state}`);
      }
    });
    await page.close();
  });

  it.each([
    ['en', 'subdural', '/en/about/'],
    ['ru', 'субдуральная', '/ru/about/'],
  ])('/%s/search/?q=%s lists the about page after the studies', async (locale, q, about) => {
    const page = await web.browser.newPage();
    const listed = await listAll(page, `/${locale}/search/?q=${encodeURIComponent(q)}`);
    expect(listed.hrefs).toContain(about);
    await page.close();
  });

  it('an English page offers the Russian search for a Russian word', async () => {
    const page = await web.browser.newPage();
    await listAll(page, `/en/search/?q=${encodeURIComponent('субдуральная')}`);
    const link = page.locator(`a[href^="${web.site.base}ru/search/?q="]`);
    expect(decodeURIComponent((await link.getAttribute('href'))!)).toBe(
      `${web.site.base}ru/search/?q=субдуральная`,
    );
    await page.close();
  });
});

describe('search page: filters, paging, titles, handles', () => {
  it.each(['en', 'ru'] as const)(
    'filters (%s) come from the index and narrow to the registry',
    async (locale) => {
      const page = await web.browser.newPage();
      const finding = useTranslations(locale)('finding.subdural');
      const listed = await listAll(
        page,
        `/${locale}/search/?finding=${encodeURIComponent(finding)}`,
      );
      // A filter alone lists exactly the studies with the finding, and no text page.
      expect(listed.hrefs.sort()).toEqual(studiesWith('subdural', locale));
      const filters = page.locator('#search-filters fieldset');
      expect(await filters.count()).toBe(5);
      expect(await page.locator(`#search-filters input[value="${finding}"]`).isChecked()).toBe(
        true,
      );
      // Ticking "female" narrows to the registry rows with both.
      const female = useTranslations(locale)('studies.sex.F');
      await page.locator(`#search-filters input[name="sex"][value="${female}"]`).check();
      const expected = registry
        .filter((r) => r['subdural'] === '1' && r['sex'] === 'F')
        .map((r) => `/${locale}/studies/${slugOf.get(r['study_uid']!)}/`)
        .sort();
      await expect
        .poll(
          async () =>
            (
              await page
                .locator('#search-results li > a')
                .evaluateAll((as) => as.map((a) => a.getAttribute('href')))
            ).sort(),
          { timeout: 20_000 },
        )
        .toEqual(expected);
      expect(new URL(page.url()).searchParams.getAll('sex')).toEqual([female]);
      await page.close();
    },
  );

  it('every result is reachable with "Show more", and the count says how many', async () => {
    const page = await web.browser.newPage();
    // Every conclusion has "КТ": all studies, more than one screenful.
    const listed = await listAll(page, `/ru/search/?q=${encodeURIComponent('КТ')}`);
    expect(listed.hrefs.length).toBeGreaterThan(20);
    expect(new Set(listed.hrefs).size).toBe(listed.hrefs.length);
    expect(listed.status).toContain(String(listed.hrefs.length));
    await page.close();
  });

  it.each([
    ['en', 'dataset'],
    ['ru', 'набор'],
  ])('results (%s, %s) have one distinct title per page', async (locale, q) => {
    const page = await web.browser.newPage();
    const listed = await listAll(page, `/${locale}/search/?q=${q}`);
    expect(listed.hrefs).toContain(`/${locale}/`);
    expect(listed.hrefs).toContain(`/${locale}/about/`);
    expect(new Set(listed.titles).size).toBe(listed.titles.length);
    await page.close();
  });

  it.each(['en', 'ru'])('a study handle (%s) finds exactly its study', async (locale) => {
    const page = await web.browser.newPage();
    // The shortest handles are prefixes of many others ("#2" of #20-#29) and of numbers in UIDs.
    for (const study of [studies[0]!, studies[1]!, studies[studies.length - 1]!]) {
      for (const typed of [`#${study.handle}`, study.handle, ` # ${study.handle} `]) {
        const listed = await listAll(page, `/${locale}/search/?q=${encodeURIComponent(typed)}`);
        expect(listed.hrefs, typed).toEqual([`/${locale}/studies/${study.slug}/`]);
        expect(listed.titles[0]).toContain(`#${study.handle}`);
        expect(listed.titles[0]).toContain(study.id);
        expect(listed.status).toContain(`#${study.handle}`);
      }
      // A pasted UID finds the study too.
      const byUid = await listAll(page, `/${locale}/search/?q=${encodeURIComponent(study.id)}`);
      expect(byUid.hrefs).toEqual([`/${locale}/studies/${study.slug}/`]);
    }
    // A handle that no study has finds nothing, and says so.
    const missing = `#${Math.max(...studies.map((s) => Number(s.handle) || 0)) + 1000}`;
    const none = await listAll(page, `/${locale}/search/?q=${encodeURIComponent(missing)}`);
    expect(none.hrefs).toEqual([]);
    expect(none.status).toContain(missing);
    await page.close();
  });

  it.each(['en', 'ru'])(
    'the header box (%s) lists only the study of a handle, and Enter opens it',
    async (locale) => {
      const page = await web.browser.newPage();
      const study = studies[1]!;
      await page.goto(`${web.site.url}/${locale}/about/`);
      const input = page.locator('header input[name="q"]');
      await input.fill(`#${study.handle}`);
      const links = page.locator('header .search-box__panel li > a');
      await expect.poll(() => links.count(), { timeout: 20_000 }).toBe(1);
      expect(await links.getAttribute('href')).toBe(
        `${web.site.base}${locale}/studies/${study.slug}/`,
      );
      await input.press('Enter');
      await page.waitForURL(`${web.site.url}/${locale}/studies/${study.slug}/`);
      expect(await page.locator('main h1').innerText()).toContain(`#${study.handle}`);
      await page.close();
    },
  );
});

describe('what a search says', () => {
  it.each(['en', 'ru'] as const)(
    'a pasted UID (%s): one result, counted in the singular, its excerpt without the UID word',
    async (locale) => {
      const page = await web.browser.newPage();
      const study = studies[0]!;
      const listed = await listAll(page, `/${locale}/search/?q=${encodeURIComponent(study.id)}`);
      expect(listed.hrefs).toEqual([`/${locale}/studies/${study.slug}/`]);
      expect(listed.status).toBe(
        locale === 'en'
          ? '1 result: 1 study, then 0 text pages.'
          : 'Найдено: 1 результат — 1 исследование, затем 0 текстовых страниц.',
      );
      for (const excerpt of listed.excerpts) expect(excerpt).not.toMatch(/\buid\d/);
      await page.close();
    },
  );

  it('no excerpt shows a UID word', async () => {
    const page = await web.browser.newPage();
    for (const [locale, q] of [
      ['en', 'several'],
      ['en', 'subdural'],
      ['ru', 'несколько'],
    ] as const) {
      const listed = await listAll(page, `/${locale}/search/?q=${encodeURIComponent(q)}`);
      expect(listed.excerpts.length, q).toBeGreaterThan(0);
      for (const excerpt of listed.excerpts) {
        expect(excerpt).not.toMatch(/\buid\d/);
      }
    }
    await page.close();
  });
});
