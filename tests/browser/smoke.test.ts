import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, serveStatic, type StaticSite } from '../support/browser.ts';

let site: StaticSite;
let browser: Browser;
beforeAll(async () => {
  site = await serveStatic(inject('siteDir'));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('the built site in Chromium', () => {
  it('opens the Russian home, follows a study link, and switches to the same page in English', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/ru/`);
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    await page.locator('main a[href*="/studies/"]').first().click();
    await page.waitForURL(/\/ru\/studies\/[^/]+\/$/);
    const studyPath = new URL(page.url()).pathname;
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`**${studyPath.replace('/ru/', '/en/')}`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
  });
});
