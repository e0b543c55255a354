/**
 * Study pages in Chromium, on the site the test setup built: the gallery (presets, scrubbing by
 * keys, wheel, drag, touch; without JavaScript), labels, navigation, unrendered series, and
 * search for a study. Expected values come from the site's own data (data/studies.json, or the
 * pages' HTML). The studies index: studies-browser.test.ts.
 * Longer than 300 lines on purpose: each file starts its own Chromium and server, and these
 * scenarios share one of each.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FINDING_IDS } from '../../src/domain/field-values.ts';
import type { Sprite } from '../../src/domain/schemas.ts';
import { useBrowserSite } from './use-browser-site.ts';
import {
  builtStudySlugs,
  expectedStudies,
  pageConclusion,
  rarestConclusionWord,
  readSiteStudies,
  visibleRows,
} from '../support/site-studies.ts';

const siteDir = inject('siteDir');
const siteStudies = readSiteStudies(siteDir);

const web = useBrowserSite();

async function openPage(path: string, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await web.browser.newContext({
    viewport: { width: 390, height: 844 },
    ...options,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${web.site.url}${path}`);
  return { page, errors, close: () => context.close() };
}

/** Study pages (en) with a series that could not be rendered, and the reason the data gives. */
function unrenderedSeries(): { slug: string; reason: string | null }[] {
  if (siteStudies) {
    return siteStudies.flatMap((s) =>
      s.series
        .filter((x) => x.status !== 'ok' || x.sprites.length === 0)
        .map((x) => ({ slug: s.slug, reason: x.reason?.en ?? null })),
    );
  }
  return builtStudySlugs(siteDir, 'en')
    .filter((slug) =>
      readFileSync(join(siteDir, 'en', 'studies', slug, 'index.html'), 'utf8').includes(
        'data-gallery-unavailable',
      ),
    )
    .map((slug) => ({ slug, reason: null }));
}

/** A built study page whose first gallery has at least two presets and two tiles. */
function galleryStudySlug(): string {
  if (siteStudies) {
    const study = siteStudies.find((s) => {
      const first = s.series.find((x) => x.status === 'ok' && x.sprites.length > 0);
      return first && first.sprites.length >= 2 && first.sprites[0]!.count >= 2;
    });
    if (!study) throw new Error('The site data has no study with a multi-preset gallery');
    return study.slug;
  }
  const slug = builtStudySlugs(siteDir, 'en').find((s) =>
    readFileSync(join(siteDir, 'en', 'studies', s, 'index.html'), 'utf8').includes('data-gallery'),
  );
  if (!slug) throw new Error('No built study page has a gallery');
  return slug;
}

describe('study page gallery', () => {
  const slug = galleryStudySlug();

  async function gallery(page: Page) {
    const root = page.locator('[data-gallery]').first();
    const sprites = JSON.parse((await root.getAttribute('data-sprites')) ?? '[]') as Sprite[];
    const total = Number(await root.getAttribute('data-total'));
    const viewer = root.locator('[data-tile-viewer]').first();
    const position = root.locator('[data-position]').first();
    const style = () =>
      viewer.evaluate((el) => {
        const css = getComputedStyle(el);
        return { image: css.backgroundImage, position: css.backgroundPosition };
      });
    const positionText = (tile: number, sprite = sprites[0]!) =>
      `${(sprite.slices[tile] ?? tile) + 1} of ${Math.max(total, sprite.count)}`;
    return { root, sprites, viewer, position, style, positionText };
  }

  it('switches window presets without reloading and scrubs with keys, wheel and drag', async () => {
    const { page, errors, close } = await openPage(`/en/studies/${slug}/`);
    const g = await gallery(page);
    const [first, second] = g.sprites;
    expect(await g.root.isVisible()).toBe(true);
    expect(await page.locator('[data-gallery-static]').first().isHidden()).toBe(true);
    expect(await g.viewer.getAttribute('role')).toBe('img');
    expect(await g.position.getAttribute('aria-live')).toBe('polite');

    const before = await g.style();
    expect(before.image).toContain(first!.url);
    // The inline group (the dialog has its own, with the same buttons).
    const inlineButton = (preset: string) =>
      g.root.locator(`button[data-preset="${preset}"]`).first();
    await inlineButton(second!.preset).click();
    const after = await g.style();
    expect(after.image).toContain(second!.url);
    expect(after.image).not.toBe(before.image);
    expect(await inlineButton(second!.preset).getAttribute('aria-pressed')).toBe('true');

    await g.viewer.focus();
    expect(await g.position.textContent()).toContain(g.positionText(0, second));
    await page.keyboard.press('ArrowRight');
    expect(await g.position.textContent()).toContain(g.positionText(1, second));
    expect((await g.style()).position).not.toBe(after.position);
    expect(await g.viewer.getAttribute('aria-label')).toContain(g.positionText(1, second));
    await page.keyboard.press('End');
    expect(await g.position.textContent()).toContain(g.positionText(second!.count - 1, second));
    await page.keyboard.press('Home');
    expect(await g.position.textContent()).toContain(g.positionText(0, second));

    const box = (await g.viewer.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 400);
    await page.waitForFunction(
      (el) => Number(el?.getAttribute('data-tile')) > 0,
      await g.viewer.elementHandle(),
    );
    await page.keyboard.press('Home');
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    expect(Number(await g.viewer.getAttribute('data-tile'))).toBe(second!.count - 1);

    // Every slice came from the sheets: one request per sheet (and the cover), none per slice.
    const thumbRequests = await page.evaluate(
      (thumbs) =>
        new Set(
          performance
            .getEntriesByType('resource')
            .map((e) => new URL(e.name).pathname)
            .filter((path) => path.startsWith(thumbs)),
        ).size,
      `${web.site.base}thumbs/`,
    );
    expect(thumbRequests).toBeLessThanOrEqual(g.sprites.length + 1);
    expect(errors).toEqual([]);
    await close();
  });

  it('scrubs with a horizontal touch swipe', async () => {
    const context = await web.browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    await page.goto(`${web.site.url}/en/studies/${slug}/`);
    const g = await gallery(page);
    await g.viewer.scrollIntoViewIfNeeded();
    const box = (await g.viewer.boundingBox())!;
    const y = box.y + box.height / 2;
    const cdp = await context.newCDPSession(page);
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchStart',
      touchPoints: [{ x: box.x + 4, y }],
    });
    for (let step = 1; step <= 10; step++) {
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: [{ x: box.x + 4 + ((box.width - 8) * step) / 10, y }],
      });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    expect(Number(await g.viewer.getAttribute('data-tile'))).toBe(g.sprites[0]!.count - 1);
    expect(await g.position.textContent()).toContain(
      g.positionText(g.sprites[0]!.count - 1, g.sprites[0]),
    );
    await context.close();
  });

  it('works from the keyboard alone: Tab to the presets, Enter and Space, arrows, enlarge', async () => {
    const { page, close } = await openPage(`/en/studies/${slug}/`);
    const g = await gallery(page);
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return { preset: el?.dataset['preset'] ?? null, role: el?.getAttribute('role') ?? null };
      });
    let presses = 0;
    while ((await focused()).preset === null) {
      await page.keyboard.press('Tab');
      if (++presses > 80) throw new Error('Tab never reached the gallery presets');
    }
    expect((await focused()).preset).toBe(g.sprites[0]!.preset);
    await page.keyboard.press('Tab');
    expect((await focused()).preset).toBe(g.sprites[1]!.preset);
    await page.keyboard.press('Enter');
    expect((await g.style()).image).toContain(g.sprites[1]!.url);
    const last = g.sprites.at(-1)!;
    if (g.sprites.length > 2) {
      await page.keyboard.press('Tab');
      await page.keyboard.press(' ');
      expect((await g.style()).image).toContain(last.url);
    }
    while ((await focused()).role !== 'img') {
      await page.keyboard.press('Tab');
      if (++presses > 100) throw new Error('Tab never reached the slice viewer');
    }
    await page.keyboard.press('ArrowRight');
    expect(await g.position.textContent()).toContain(g.positionText(1, last));

    const onEnlarge = () =>
      page.evaluate(() => document.activeElement?.hasAttribute('data-enlarge'));
    for (let i = 0; i < 5 && !(await onEnlarge()); i++) await page.keyboard.press('Tab');
    expect(await onEnlarge()).toBe(true);
    await page.keyboard.press('Enter');
    const dialog = g.root.locator('dialog[data-dialog]');
    expect(await dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await dialog.locator('[data-position]').textContent()).toContain(
      g.positionText(2, last),
    );
    await page.keyboard.press('Escape');
    expect(await dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    expect(await g.position.textContent()).toContain(g.positionText(2, last));
    await close();
  });

  it('without JavaScript shows every preset sheet as an image', async () => {
    const { page, close } = await openPage(`/en/studies/${slug}/`, { javaScriptEnabled: false });
    const sprites = JSON.parse(
      (await page.locator('[data-gallery]').first().getAttribute('data-sprites')) ?? '[]',
    ) as Sprite[];
    const sheets = page.locator('[data-gallery-static]').first().locator('img');
    expect(await sheets.evaluateAll((imgs) => imgs.map((img) => img.getAttribute('src')))).toEqual(
      sprites.map((s) => s.url),
    );
    for (const sheet of await sheets.all()) expect(await sheet.isVisible()).toBe(true);
    expect(await page.locator('[data-gallery]').first().isHidden()).toBe(true);
    await close();
  });

  it('labels findings and the untranslated Russian conclusion, and goes back to the filtered list', async () => {
    const { page, close } = await openPage('/en/studies/');
    const studies = expectedStudies(siteDir);
    const frequency = (id: string) => studies.filter((s) => s.findings.includes(id)).length;
    const finding = [...FINDING_IDS].sort((a, b) => frequency(b) - frequency(a))[0]!;
    if (frequency(finding) === 0) throw new Error('No study of the site has a finding');
    await page.goto(`${web.site.url}/en/studies/?finding=${finding}`);
    await expect.poll(() => visibleRows(page)).toBe(frequency(finding));
    await page.locator('tr[data-study-row]:not([hidden]) a').first().click();
    await page.waitForURL(/\/en\/studies\/[^/]+\/$/);
    const states = await page.$$eval('[data-finding]', (items) =>
      items.map((li) => ({ state: li.getAttribute('data-state'), text: li.textContent ?? '' })),
    );
    expect(states).toHaveLength(FINDING_IDS.length);
    const words = { present: 'present', absent: 'absent', unknown: 'not stated' } as const;
    for (const { state, text } of states) {
      expect(text).toContain(words[state as keyof typeof words]);
    }
    expect(states.find((s) => s.state === 'present')).toBeTruthy();
    const conclusion = page.locator('[data-conclusion]');
    if (await conclusion.count()) {
      expect(await conclusion.getAttribute('lang')).toBe('ru');
      expect(await page.locator('#conclusion-heading').textContent()).toMatch(/original Russian/);
    }
    const back = page.locator('a[data-back-to-list]');
    expect(await back.getAttribute('href')).toBe(`${web.site.base}en/studies/?finding=${finding}`);
    await back.click();
    await page.waitForURL(new RegExp(`\\?finding=${finding}$`));
    expect(await page.locator(`input[name="finding"][value="${finding}"]`).isChecked()).toBe(true);
    await close();
  });
});

describe('study page navigation', () => {
  it('links previous and next studies in list order and copies the study folder', async () => {
    const context = await web.browser.newContext({
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    await page.goto(`${web.site.url}/en/studies/`);
    const hrefs = await page.$$eval('tr[data-study-row] a', (links) =>
      links.map((a) => a.getAttribute('href')),
    );
    expect(hrefs.length).toBeGreaterThanOrEqual(2);
    await page.goto(`${web.site.origin}${hrefs[0]}`);
    expect(await page.locator('a[rel="prev"]').count()).toBe(0);
    expect(await page.locator('a[rel="next"]').getAttribute('href')).toBe(hrefs[1]);
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(`**${hrefs[1]}`);
    expect(await page.locator('a[rel="prev"]').getAttribute('href')).toBe(hrefs[0]);

    const folder = (await page.locator('[data-copy-source]').textContent())!;
    if (siteStudies) {
      const slug = hrefs[1]!.split('/').at(-2);
      expect(folder).toBe(siteStudies.find((s) => s.slug === slug)!.path);
    }
    await page.locator('[data-copy] button').click();
    await expect.poll(() => page.locator('[data-copy-status]').textContent()).toBe('Path copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(folder);
    await context.close();
  });
});

describe('series without images', () => {
  const unrendered = unrenderedSeries();
  it.skipIf(unrendered.length === 0)('show a note that says why instead of a gallery', async () => {
    const { slug, reason } = unrendered[0]!;
    const { page, close } = await openPage(`/en/studies/${slug}/`);
    const note = page.locator('[data-gallery-unavailable]').first();
    expect(await note.isVisible()).toBe(true);
    const text = (await note.textContent()) ?? '';
    expect(text).toMatch(/not available/);
    if (reason) expect(text).toContain(reason);
    await close();
  });
});

describe('search', () => {
  it('a word of one conclusion finds that study through Pagefind, with a filter applied', async () => {
    const conclusions = new Map<string, string>();
    if (siteStudies) {
      for (const s of siteStudies) if (s.conclusion) conclusions.set(s.slug, s.conclusion);
    } else {
      for (const slug of builtStudySlugs(siteDir, 'ru')) {
        const text = pageConclusion(siteDir, 'ru', slug);
        if (text) conclusions.set(slug, text);
      }
    }
    const probe = rarestConclusionWord(conclusions);
    if (!probe) throw new Error('No study of the site has a conclusion to search for');

    const { page, close } = await openPage(`/ru/studies/${probe.slug}/`);
    const classLabel = (await page.locator('[data-pagefind-filter="class"]').textContent())!.trim();
    const cover = await page.locator('img[data-pagefind-meta]').getAttribute('src');
    // The Pagefind browser API, imported by the page itself (a string, so the test runner's
    // transform leaves the dynamic import alone).
    const search = (filters: Record<string, string>) =>
      page.evaluate(`(async () => {
        const pagefind = await import(${JSON.stringify(`${web.site.base}pagefind/pagefind.js`)});
        await pagefind.options({ baseUrl: ${JSON.stringify(web.site.base)} });
        const found = await pagefind.search(${JSON.stringify(probe.word)}, { filters: ${JSON.stringify(filters)} });
        const data = await Promise.all(found.results.map((r) => r.data()));
        const all = await pagefind.filters();
        return { data, classes: Object.keys(all.class ?? {}) };
      })()`) as Promise<{
        data: { url: string; meta: Record<string, string>; filters: Record<string, string[]> }[];
        classes: string[];
      }>;

    const hit = await search({ class: classLabel });
    const own = hit.data.find((d) => d.url === `${web.site.base}ru/studies/${probe.slug}/`);
    expect(own, `"${probe.word}" with class "${classLabel}"`).toBeTruthy();
    for (const d of hit.data) expect(d.filters['class']).toContain(classLabel);
    if (cover) expect(own!.meta['image']).toBe(cover);

    const other = hit.classes.find((c) => c !== classLabel);
    if (other) {
      const miss = await search({ class: other });
      expect(miss.data.map((d) => d.url)).not.toContain(
        `${web.site.base}ru/studies/${probe.slug}/`,
      );
    }
    await close();
  });
});
