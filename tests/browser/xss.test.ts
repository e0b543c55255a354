/**
 * Gate 4c, XSS. The check itself runs on a site built by the real pipeline from a dataset
 * whose registry cells and DICOM strings carry HOSTILE_STRINGS: every page that carries them
 * and the search results, in tests/browser/adversarial-build.test.ts ("hostile strings through the
 * real build"). This file keeps the checker's self-test, so the gate cannot pass by checking
 * nothing.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium, serveStatic } from '../support/browser.ts';
import { HOSTILE_STRINGS } from '../support/gates/hostile-data.ts';
import { inspectForXss } from '../support/gates/xss-check.ts';

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ bypassCSP: true });
});
afterAll(async () => {
  await browser?.close();
});

describe('the XSS checker', () => {
  it('control: an unescaped payload is caught', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gates-xss-'));
    await writeFile(
      join(dir, 'index.html'),
      `<!doctype html><p>${HOSTILE_STRINGS[1]}</p><a href="${HOSTILE_STRINGS[2]}">x</a>` +
        `<script>${HOSTILE_STRINGS[0].slice('<script>'.length, -'</script>'.length)}</script>`,
    );
    const control = await serveStatic(dir);
    try {
      const report = await inspectForXss(context, `${control.url}/`);
      expect(report.dialogs).toContain('alert: 1');
      expect(report.injected).toContain('<img onerror="alert(1)">');
      expect(report.injected).toContain('<a href="javascript:alert(1)">');
      expect(report.injected.some((i) => i.startsWith('script:'))).toBe(true);
    } finally {
      await control.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('control: escaped payloads pass and are reported as text', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gates-xss-'));
    const escaped = HOSTILE_STRINGS.map((s) =>
      s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;'),
    );
    await writeFile(
      join(dir, 'index.html'),
      `<!doctype html>${escaped.map((s) => `<p>${s}</p>`).join('')}`,
    );
    const control = await serveStatic(dir);
    try {
      const report = await inspectForXss(context, `${control.url}/`);
      expect([...report.dialogs, ...report.injected]).toEqual([]);
      for (const hostile of HOSTILE_STRINGS) expect(report.text).toContain(hostile);
    } finally {
      await control.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
