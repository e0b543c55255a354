/**
 * A home page example opens its study at the slice and window it shows: the reader clicks the
 * tile and the study page's gallery shows that slice ("Slice n of N") in that window, with the
 * preset pressed. Expected values come from the example's own alt text and the site's data.
 */
import { expect, it } from 'vitest';
import { WINDOW_PRESETS } from '../../src/domain/window-presets.ts';
import type { Sprite } from '../../src/domain/schemas.ts';
import { useBrowserSite } from './use-browser-site.ts';

const web = useBrowserSite();

it('each home example opens its study at that slice and window', async () => {
  const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${web.site.url}/en/`);
  const examples = page.locator('.examples li');
  const count = await examples.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    await page.goto(`${web.site.url}/en/`);
    const example = page.locator('.examples li').nth(i);
    // "Subdural window (75/200 HU)": the window the tile is shown in.
    const caption = (await example.locator('figcaption').textContent()) ?? '';
    const preset = (Object.keys(WINDOW_PRESETS) as (keyof typeof WINDOW_PRESETS)[]).find((id) =>
      caption.includes(`(${WINDOW_PRESETS[id].center}/${WINDOW_PRESETS[id].width} HU)`),
    )!;
    expect(preset, caption).toBeDefined();
    await example.locator('a').click();
    await page.waitForLoadState('load');
    const target = new URL(page.url());
    const series = Number(target.searchParams.get('series'));
    const slice = Number(target.searchParams.get('slice'));
    const gallery = page.locator(`[data-gallery][data-series-number="${series}"]`);
    await expect.poll(() => gallery.isVisible()).toBe(true);
    // That gallery's heading is where the link lands.
    expect(target.hash).toBe(`#series-${series}-heading`);
    expect(
      await gallery.locator(`button[data-preset="${preset}"]`).first().getAttribute('aria-pressed'),
    ).toBe('true');
    const sprites = JSON.parse((await gallery.getAttribute('data-sprites'))!) as Sprite[];
    const sprite = sprites.find((s) => s.preset === preset)!;
    const tile = Number(
      await gallery.locator('[data-tile-viewer]').first().getAttribute('data-tile'),
    );
    expect(sprite.slices[tile]! + 1).toBe(slice);
    expect(await gallery.locator('[data-position]').first().textContent()).toContain(
      `Slice ${slice} of`,
    );
  }
  await context.close();
});
