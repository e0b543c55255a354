import { describe, expect, it } from 'vitest';
import { useBrowserSite } from './use-browser-site.ts';

const web = useBrowserSite();

describe('the built site in Chromium', () => {
  it('opens the Russian home, follows a study link, and switches to the same page in English', async () => {
    const page = await web.browser.newPage();
    await page.goto(`${web.site.url}/ru/`);
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    await page.locator('main a[href*="/studies/"]').first().click();
    await page.waitForURL(/\/ru\/studies\/[^/]+\/$/);
    const studyPath = new URL(page.url()).pathname;
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`**${studyPath.replace('/ru/', '/en/')}`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
  });
});
