/**
 * The enlarged slice view on a site built from a real-scale (512×512) sample: the dialog shows
 * tiles of at least 256 px, loaded only when it opens, has the series label and working preset
 * buttons, and is clearly larger than the inline viewer on every screen; the inline viewer
 * itself turns to the detail sheets once the reader turns to it.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sprite, Study } from '../../src/domain/schemas.ts';
import { generateSample, readSampleManifest, SAMPLE_VERSION } from '../../src/sample/index.ts';
import { ROOT, runBuild } from '../support/run-build.ts';
import { launchChromium, serveStatic, type StaticSite } from '../support/browser.ts';

const WORK = join(ROOT, '.cache/test-real-scale');
const DATASET = join(WORK, 'sample');
let site: StaticSite;
let browser: Browser;
let study: Study;

beforeAll(async () => {
  await mkdir(WORK, { recursive: true });
  const manifest = await readSampleManifest(DATASET);
  if (manifest?.version !== SAMPLE_VERSION || manifest.matrix !== 512 || manifest.studies !== 1) {
    await generateSample({ outDir: DATASET, studies: 1, matrix: 512, seed: 7 });
  }
  const out = join(WORK, 'dist');
  const build = await runBuild([
    '--dataset',
    DATASET,
    '--out',
    out,
    '--generated',
    join(WORK, 'generated'),
  ]);
  if (build.code !== 0) throw new Error(`build failed:\n${build.stderr.slice(-2000)}`);
  const data = JSON.parse(readFileSync(join(WORK, 'generated/data/studies.json'), 'utf8')) as {
    studies: Study[];
  };
  study = data.studies[0]!;
  site = await serveStatic(out);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${site.url}/en/studies/${study.slug}/`);
  await page.waitForLoadState('load');
  const root = page.locator('[data-gallery]').first();
  const sprites = JSON.parse((await root.getAttribute('data-sprites')) ?? '[]') as Sprite[];
  const dialog = root.locator('dialog[data-dialog]');
  const large = dialog.locator('[data-tile-viewer]');
  const image = () => large.evaluate((el) => getComputedStyle(el).backgroundImage);
  return { page, root, sprites, dialog, large, image, requests, close: () => context.close() };
}

describe('enlarged slice of a 512×512 series', () => {
  it('shows tiles of at least 256 px, fetched only when the dialog opens', async () => {
    expect(study.series[0]!.columns).toBe(512);
    const g = await open({ width: 1280, height: 900 });
    expect(g.requests.some((url) => url.includes('-detail.webp'))).toBe(false);
    await g.root.locator('[data-enlarge]').click();
    expect(await g.dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    const detail = g.sprites[0]!.detail!;
    expect(await g.image()).toContain(detail.url);
    // The image the browser shows: its natural width per tile.
    const tileWidth = await g.page.evaluate(async (sprite) => {
      const img = new Image();
      img.src = sprite.detail!.url;
      await img.decode();
      return img.naturalWidth / Math.min(sprite.columns, sprite.count);
    }, g.sprites[0]!);
    expect(tileWidth).toBeGreaterThanOrEqual(256);
    expect(g.requests.some((url) => url.includes('-detail.webp'))).toBe(true);
    // And the viewer is drawn at least that big on a desktop.
    expect((await g.large.boundingBox())!.width).toBeGreaterThanOrEqual(256);
    await g.close();
  });

  it('names the series and switches presets inside the dialog', async () => {
    const g = await open({ width: 1280, height: 900 });
    await g.root.locator('[data-enlarge]').click();
    expect(await g.dialog.textContent()).toContain('Series 1');
    const bone = g.sprites.find((s) => s.preset === 'bone')!;
    const button = g.dialog.locator('button[data-preset="bone"]');
    await button.click();
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    expect(await g.image()).toContain(bone.detail!.url);
    await g.large.focus();
    await g.page.keyboard.press('End');
    expect(await g.dialog.locator('[data-position]').textContent()).toContain(
      `${bone.slices.at(-1)! + 1} of`,
    );
    await g.close();
  });

  it('is clearly larger than the inline view on every screen: phones upright and sideways, tablet, desktop', async () => {
    const screens = [
      { width: 390, height: 844 },
      { width: 360, height: 740 },
      { width: 844, height: 390 },
      { width: 768, height: 1024 },
      { width: 1280, height: 900 },
    ];
    for (const screen of screens) {
      const g = await open(screen);
      const inline = (await g.root.locator('[data-tile-viewer]').first().boundingBox())!;
      await g.root.locator('[data-enlarge]').click();
      const enlarged = (await g.large.boundingBox())!;
      const where = `${screen.width}×${screen.height}: ${enlarged.width} vs ${inline.width}`;
      expect(enlarged.width, where).toBeGreaterThanOrEqual(inline.width * 1.25);
      expect(enlarged.x, where).toBeGreaterThanOrEqual(0);
      expect(enlarged.x + enlarged.width, where).toBeLessThanOrEqual(screen.width);
      await g.close();
    }
  });

  it('inline, shows the detail sheet once the reader turns to the gallery (not on load)', async () => {
    const g = await open({ width: 1280, height: 900 });
    const inline = g.root.locator('[data-tile-viewer]').first();
    const inlineImage = () => inline.evaluate((el) => getComputedStyle(el).backgroundImage);
    // Drawn at 416 px from 128 px tiles, but nothing larger is fetched as the page loads.
    expect((await inline.boundingBox())!.width).toBeGreaterThan(g.sprites[0]!.tileWidth * 1.5);
    expect(g.requests.some((url) => url.includes('-detail.webp'))).toBe(false);
    expect(await inlineImage()).not.toContain('-detail.webp');
    await inline.hover();
    await expect.poll(inlineImage).toContain(g.sprites[0]!.detail!.url);
    await g.close();
  });
});
