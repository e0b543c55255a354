/**
 * Layout at the widths readers use (issue 24): study pages at every width from 320 to 1440 px
 * in 20 px steps in both languages (no sideways scroll, values with room), the home tiles'
 * finding names whole at every width, wide tables that say they scroll (or fit), chart text of
 * at least 12 CSS px on a phone, and a phone's first screen that is mostly page, not header.
 * One Chromium and one page per language: the viewport is resized, not reloaded.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LOCALES } from '../../src/i18n/locales.ts';
import { useBrowserSite } from './use-browser-site.ts';
import { builtStudySlugs } from '../support/site-studies.ts';

const siteDir = inject('siteDir');

const web = useBrowserSite();

/** 320, 340, …, 1440. */
const WIDTHS = Array.from({ length: (1440 - 320) / 20 + 1 }, (_, i) => 320 + i * 20);
const PHONE = { width: 390, height: 844 };

async function open(
  path: string,
  viewport = PHONE,
): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await web.browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${web.site.url}${path}`);
  return { page, close: () => context.close() };
}

/** How far the page scrolls sideways (0 when it fits its viewport). */
const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Words of the matched elements' text that the layout broke across lines. */
const brokenWords = (page: Page, selector: string) =>
  page.$$eval(selector, (elements) =>
    elements.flatMap((el) => {
      const broken: string[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (tops.size > 1) broken.push(match[0]);
        }
      }
      return broken;
    }),
  );

describe('study pages at every width', () => {
  const slug = builtStudySlugs(siteDir, 'en')[0]!;

  for (const locale of LOCALES) {
    it(`fit the screen with room for every value (${locale}, 320–1440 px)`, async () => {
      const { page, close } = await open(`/${locale}/studies/${slug}/`);
      const problems: string[] = [];
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        const scroll = await sidewaysScroll(page);
        if (scroll > 0) problems.push(`${width} px: scrolls sideways by ${scroll} px`);
        // A value narrower than this prints a few letters a line.
        const narrow = await page.$$eval('.study__facts dd', (dds) =>
          dds
            .map((dd) => ({ text: dd.textContent!.trim().slice(0, 30), width: dd.clientWidth }))
            .filter((dd) => dd.width < 160),
        );
        for (const dd of narrow) problems.push(`${width} px: "${dd.text}" is ${dd.width} px wide`);
      }
      expect(problems).toEqual([]);
      await close();
    });
  }
});

describe('home page tiles', () => {
  for (const locale of LOCALES) {
    it(`never break a finding's name inside a word (${locale}, 320–1440 px)`, async () => {
      const { page, close } = await open(`/${locale}/`);
      expect(await page.locator('.example-row .finding').count()).toBeGreaterThan(0);
      const problems: string[] = [];
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        const broken = await brokenWords(page, '.example-row .finding');
        problems.push(...broken.map((word) => `${width} px: ${word}`));
      }
      expect(problems).toEqual([]);
      await close();
    });
  }
});

describe('wide tables', () => {
  it("fit the study page's series table, or show that it scrolls", async () => {
    const slug = builtStudySlugs(siteDir, 'ru')[0]!;
    const { page, close } = await open(`/ru/studies/${slug}/`);
    const box = page.locator('.series-table');
    const overflow = () => box.evaluate((el) => el.scrollWidth - el.clientWidth);
    for (const width of [390, 600, 768, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      // Every parameter's name and the first series' values are in view (a 15-column table
      // showed only the folder on a phone, and cut "Matrix" on a desktop).
      const right = await page.$$eval('.series-table tr > :nth-child(-n + 2)', (cells) =>
        Math.max(...cells.map((c) => c.getBoundingClientRect().right)),
      );
      expect(right, `at ${width} px`).toBeLessThanOrEqual(width);
      // Names and values are whole words (a transfer syntax UID breaks only after a dot).
      const broken = await brokenWords(page, '.series-table th, .series-table td:not(:has(code))');
      expect(
        broken.filter((word) => !word.includes('.')),
        `at ${width} px`,
      ).toEqual([]);
      if ((await overflow()) > 0) {
        // More series than fit: shadows say the table scrolls, and keys can scroll it.
        expect(await box.evaluate((el) => getComputedStyle(el).backgroundImage)).toContain(
          'gradient',
        );
        expect(await box.getAttribute('tabindex')).toBe('0');
      }
    }
    expect(await overflow()).toBeLessThanOrEqual(0);
    await close();
  });

  it('show that the studies table scrolls sideways whenever it does', async () => {
    for (const locale of LOCALES) {
      const { page, close } = await open(`/${locale}/studies/`);
      const box = page.locator('[data-study-table]');
      const hint = page.locator('.studies-table__scroll-hint');
      for (const width of [320, 390, 600, 768, 1024, 1280, 1440]) {
        await page.setViewportSize({ width, height: 900 });
        const scrolls = await box.evaluate((el) => el.scrollWidth > el.clientWidth);
        if (width <= 768) expect(scrolls, `${locale} at ${width} px`).toBe(true);
        // Words in the caption when it scrolls, and none when it does not.
        expect(await hint.isVisible(), `${locale} at ${width} px`).toBe(scrolls);
        // A shadow at each side that has more to scroll to.
        expect(await box.evaluate((el) => getComputedStyle(el).backgroundImage)).toContain(
          'gradient',
        );
      }
      expect(await hint.innerText()).toMatch(/sideways|вбок/);
      await close();
    }
  });
});

describe('charts on a phone', () => {
  for (const path of ['/en/statistics/', '/ru/', '/ru/statistics/']) {
    it(`draw every label at 12 CSS px or more at 390 px (${path})`, async () => {
      const { page, close } = await open(path);
      const sizes = await page.$$eval('svg.chart', (svgs: SVGSVGElement[]) =>
        svgs.flatMap((svg) => {
          const box = svg.getBoundingClientRect();
          if (box.width === 0) return []; // the chart drawn for the other width
          const scale = box.width / svg.viewBox.baseVal.width;
          return [...svg.querySelectorAll('text')].map((text) => ({
            text: text.textContent!.slice(0, 20),
            px: parseFloat(getComputedStyle(text).fontSize) * scale,
          }));
        }),
      );
      expect(sizes.length).toBeGreaterThan(0);
      expect(sizes.filter((s) => s.px < 12)).toEqual([]);
      await close();
    });
  }
});

describe("a phone's first screen", () => {
  it('gives the header and the synthetic-sample notice at most a third of it', async () => {
    for (const locale of LOCALES) {
      const { page, close } = await open(`/${locale}/studies/`);
      const bottom = await page.locator('header.site-header').evaluate((el) => {
        return el.getBoundingClientRect().bottom;
      });
      expect(bottom, locale).toBeLessThanOrEqual(PHONE.height / 3);
      // Every navigation link is still reachable: the row scrolls, and shows that it does.
      const nav = page.locator('.site-nav ul');
      expect(await nav.evaluate((el) => getComputedStyle(el).overflowX)).toBe('auto');
      expect(await nav.evaluate((el) => getComputedStyle(el).backgroundImage)).toContain(
        'gradient',
      );
      expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
      await close();
    }
  });
});
