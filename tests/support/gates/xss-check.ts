/**
 * What an XSS reviewer checks in a browser, on a site built from hostile data: no dialog opens,
 * the page holds no element, handler, script or `javascript:` URL that came from the data, and
 * the hostile strings are shown as plain text.
 */
import type { BrowserContext } from 'playwright-core';
import { expandDisclosures, runSearch } from './page-states.ts';

/** Every hostile string calls this; its presence in code (not text) means it was injected. */
export const PAYLOAD_MARKER = 'alert(1)';

export interface XssPageReport {
  url: string;
  /** Messages of dialogs (alert/confirm/prompt) that opened: each one is an executed payload. */
  dialogs: string[];
  /** Elements the data managed to create: `<img src=x>`, `on*` handlers, scripts, JS URLs. */
  injected: string[];
  /** The page's visible text, to confirm the strings are displayed. */
  text: string;
}

/**
 * Opens `url`, opens its disclosures (and runs `searchFor` in its search box if given), and
 * reports dialogs and injected DOM. Use a context with `bypassCSP: true` to test the escaping
 * itself rather than the CSP that would also stop most payloads.
 */
export async function inspectForXss(
  context: BrowserContext,
  url: string,
  searchFor?: string,
): Promise<XssPageReport> {
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  try {
    await page.goto(url, { waitUntil: 'networkidle' });
    await expandDisclosures(page);
    if (searchFor) await runSearch(page, searchFor);
    await page.waitForLoadState('networkidle');
    const injected = await page.evaluate((marker) => {
      // Only what carries the payloads' marker counts: the site's own scripts may legitimately
      // create handlers or `javascript:` form actions (Pagefind's UI does).
      const found: string[] = [];
      const executable = (s: HTMLScriptElement) =>
        ['', 'module', 'text/javascript', 'application/javascript'].includes(s.type.trim());
      for (const el of document.querySelectorAll('*')) {
        for (const attr of el.getAttributeNames()) {
          const value = el.getAttribute(attr) ?? '';
          // A `javascript:` value only runs where the browser navigates to it; in data-* or an
          // input's value it is inert text.
          const isUrl = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster'];
          const isCode =
            attr.startsWith('on') || (isUrl.includes(attr) && /^\s*javascript:/i.test(value));
          if (isCode && value.includes(marker)) found.push(`<${el.localName} ${attr}="${value}">`);
        }
      }
      for (const img of document.querySelectorAll('img[src="x"]')) found.push(img.outerHTML);
      for (const s of document.querySelectorAll('script')) {
        if (executable(s) && s.textContent?.includes(marker)) {
          found.push(`script: ${s.outerHTML.slice(0, 120)}`);
        }
      }
      return found;
    }, PAYLOAD_MARKER);
    return { url, dialogs, injected, text: await page.evaluate(() => document.body.innerText) };
  } finally {
    await page.close();
  }
}
