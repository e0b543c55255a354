/**
 * No glued words: on every page type, in both languages, with every disclosure open, the text a
 * reader sees (and copies: `innerText`) never runs two pieces of text from different elements
 * together ("studies listRegistry rows"), with the site's CSS and without it (reader modes,
 * text browsers, indexers: a flex gap or `display: block` separates words only on screen). A
 * piece of text that ends in a letter or digit (or in a word and `.`, `:`, `;` or `,`), followed
 * by one that starts with one, must be separated by something the layout renders.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserSite } from './use-browser-site.ts';
import { expandDisclosures } from '../support/gates/page-states.ts';
import { representatives, sitePages } from '../support/gates/site-pages.ts';

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

const web = useBrowserSite();

/**
 * Where the page's rendered text runs two text nodes of different elements together (the last
 * word of one and the first of the next): their nearest common ancestor's `innerText` has
 * nothing between them. Runs in the page.
 */
function gluedWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // A word, or a word and the punctuation that ends a sentence or a label ("several." then
    // "Computed", "metadata:" then "croissant.json"): the next word needs a space too.
    const edge = /[\p{L}\p{N}]+[.:;,]?$/u;
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
      if (!common) continue;
      // Marks the two ends, reads what the layout renders between them, and puts the text back.
      const [dataA, dataB] = [a.data, b.data];
      a.data = `${dataA}\uE000`;
      b.data = `\uE001${dataB}`;
      const glued = (common as HTMLElement).innerText.includes('\uE000\uE001');
      a.data = dataA;
      b.data = dataB;
      if (glued) {
        const where = b.parentElement!.closest<HTMLElement>('[id], [class]');
        const tags = `${a.parentElement!.localName}|${b.parentElement!.localName}`;
        found.push(`${tail}|${head} (${tags} in ${where?.id || where?.className || 'body'})`);
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
      const page = await web.browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(web.site.url + sitePage.urlPath);
      await page.waitForLoadState('networkidle');
      await expandDisclosures(page);
      const styled = await gluedWords(page);
      // The studies index's other view: the thumbnail cards its script renders.
      const grid = page.locator('button[data-view="grid"]');
      if (await grid.isVisible()) {
        await grid.click();
        await page.locator('[data-study-card]').first().waitFor();
        styled.push(...(await gluedWords(page)).map((spot) => `grid view: ${spot}`));
      }
      // Without the site's CSS, as reader modes, text browsers and indexers take the text: the
      // separation must be in the text, not only in a flex gap or a block display.
      await page.evaluate(() => {
        for (const sheet of document.querySelectorAll('link[rel="stylesheet"], style'))
          sheet.remove();
      });
      const plain = (await gluedWords(page)).map((spot) => `without CSS: ${spot}`);
      await page.close();
      const glued = [...styled, ...plain];
      expect(glued, glued.join('\n')).toEqual([]);
    });
  }

  it('control: text of two inline elements with nothing between them is caught', async () => {
    const page = await web.browser.newPage();
    await page.setContent(
      '<p><a href="#a">studies list</a><a href="#b">Registry rows</a></p>' +
        '<p><a href="#c">kept</a> <a href="#d">apart</a></p>' +
        '<p><span>several.</span><span>Computed</span></p>' +
        '<p>metadata:<a href="#e">croissant.json</a></p>',
    );
    expect(await gluedWords(page)).toEqual([
      'list|Registry (a|a in body)',
      'several.|Computed (span|span in body)',
      'metadata:|croissant (p|a in body)',
    ]);
    await page.close();
  });
});
