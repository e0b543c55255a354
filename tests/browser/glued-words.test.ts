/**
 * No glued words: on every page type, in both languages, with every disclosure open, the text a
 * reader sees (and copies: `innerText`) never runs two pieces of text from different elements
 * together ("studies listRegistry rows"). A piece of text that ends in a letter or digit,
 * followed by one that starts with one, must be separated by something the layout renders.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, serveStatic, type StaticSite } from '../support/browser.ts';
import { expandDisclosures } from '../gates/support/page-states.ts';
import { representatives, sitePages } from '../gates/support/site-pages.ts';

const siteDir = inject('siteDir');
const all = representatives(await sitePages(siteDir));
/** Redirect pages (the root, a handle's address) leave at once; their text is checked by eye. */
const pages = (
  await Promise.all(
    all.map(async (p) => ({
      page: p,
      refresh: /http-equiv="refresh"/.test(await readFile(join(siteDir, p.file), 'utf8')),
    })),
  )
)
  .filter((p) => !p.refresh)
  .map((p) => p.page);

let site: StaticSite;
let browser: Browser;
beforeAll(async () => {
  site = await serveStatic(siteDir);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/**
 * Where the page's rendered text runs two text nodes of different elements together: the last
 * word of one and the first of the next, as `innerText` of their nearest common ancestor shows
 * them glued. Runs in the page.
 */
function gluedWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const edge = /[\p{L}\p{N}]+$/u;
    const start = /^[\p{L}\p{N}]+/u;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const texts: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node as Text;
      const parent = text.parentElement;
      if (!text.data.trim() || !parent || parent.closest('script, style, noscript, template'))
        continue;
      if (!parent.checkVisibility({ visibilityProperty: true })) continue;
      texts.push(text);
    }
    const found: string[] = [];
    for (let i = 1; i < texts.length; i++) {
      const a = texts[i - 1]!;
      const b = texts[i]!;
      const tail = edge.exec(a.data)?.[0];
      const head = start.exec(b.data)?.[0];
      if (!tail || !head || a.parentElement === b.parentElement) continue;
      const range = document.createRange();
      range.setStartBefore(a);
      range.setEndAfter(b);
      let common: Node | null = range.commonAncestorContainer;
      while (common && !(common instanceof HTMLElement)) common = common.parentNode;
      const shown = (common as HTMLElement | null)?.innerText ?? '';
      if (shown.includes(tail + head)) {
        const where = (b.parentElement!.closest('[id], [class]') as HTMLElement | null) ?? null;
        found.push(`${tail}|${head} (in ${where?.id || where?.className || b.parentElement!.tagName})`);
      }
    }
    return found;
  });
}

describe('no glued words', () => {
  it('covers the page types, both languages', () => {
    expect(pages.filter((p) => p.locale === 'ru').length).toBeGreaterThan(8);
    expect(pages.filter((p) => p.locale === 'en').length).toBeGreaterThan(8);
  });

  for (const sitePage of pages) {
    it(`${sitePage.type} (${sitePage.locale ?? 'no locale'}): ${sitePage.urlPath}`, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(site.url + sitePage.urlPath);
      await page.waitForLoadState('networkidle');
      await expandDisclosures(page);
      const glued = await gluedWords(page);
      await page.close();
      expect(glued, glued.join('\n')).toEqual([]);
    });
  }

  it('control: text of two inline elements with nothing between them is caught', async () => {
    const page = await browser.newPage();
    await page.setContent(
      '<p><a href="#a">studies list</a><a href="#b">Registry rows</a></p>' +
        '<p><a href="#c">kept</a> <a href="#d">apart</a></p>',
    );
    expect(await gluedWords(page)).toEqual(['list|Registry (in P)']);
    await page.close();
  });
});
