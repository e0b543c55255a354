/**
 * Gate 4c, XSS: a site built from data whose untrusted strings (registry conclusion, kernel,
 * manufacturer; DICOM manufacturer, model, kernel; quality-report column names) are script
 * payloads shows them as plain text, and nothing executes. The pages are opened with the CSP
 * bypassed, so this tests the escaping itself; csp.test.ts tests the policy.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium, serveStatic, type StaticSite } from '../support/browser.ts';
import { buildSiteFrom, ROOT, type BuildInto } from './support/build-site.ts';
import { HOSTILE_STRINGS, writeHostileSiteData } from './support/hostile-data.ts';
import { searchPageFor } from './support/page-states.ts';
import { LOCALES } from '../../src/domain/labels.ts';
import { representatives, sitePages, type SitePage } from './support/site-pages.ts';
import { inspectForXss, PAYLOAD_MARKER, type XssPageReport } from './support/xss-check.ts';

const WORK = join(ROOT, '.cache/gates-xss');
const siteDir = join(WORK, 'dist');

/**
 * Builds the hostile site. Today: fixture generated data with the strings planted, then Astro +
 * Pagefind. With the real pipeline, this is the one function to replace: write a sample
 * dataset whose registry cells and DICOM strings carry HOSTILE_STRINGS, and run the build.
 */
const buildHostileSite: BuildInto = async (outDir) => {
  const generated = join(WORK, 'generated');
  await writeHostileSiteData(generated);
  await buildSiteFrom(generated, outDir, join(WORK, 'astro-cache'));
};

let site: StaticSite;
let browser: Browser;
let context: BrowserContext;
let pagesToVisit: SitePage[];
beforeAll(async () => {
  await rm(WORK, { recursive: true, force: true });
  await buildHostileSite(siteDir);
  const pages = await sitePages(siteDir);
  // Every page that carries data from the hostile studies, plus one page of every type.
  const carrying: SitePage[] = [];
  for (const page of pages) {
    if ((await readFile(join(siteDir, page.file), 'utf8')).includes(PAYLOAD_MARKER))
      carrying.push(page);
  }
  pagesToVisit = [...new Set([...representatives(pages), ...carrying])];
  site = await serveStatic(siteDir);
  browser = await launchChromium();
  context = await browser.newContext({ bypassCSP: true });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('hostile strings in the data', () => {
  it('never execute and are shown as plain text', async () => {
    expect(pagesToVisit.length).toBeGreaterThan(0);
    const reports: XssPageReport[] = [];
    for (const page of pagesToVisit)
      reports.push(await inspectForXss(context, site.url + page.urlPath));

    const executed = reports.flatMap((r) => [
      ...r.dialogs.map((d) => `${r.url}: dialog ${d}`),
      ...r.injected.map((i) => `${r.url}: injected ${i}`),
    ]);
    expect(executed, executed.join('\n')).toEqual([]);
    const text = reports.map((r) => r.text).join('\n');
    for (const hostile of HOSTILE_STRINGS) expect(text).toContain(hostile);
  }, 600_000); // one visit per page type and per page carrying hostile data

  for (const locale of LOCALES) {
    it(`never execute in search results (${locale})`, async (ctx) => {
      const probe = await context.newPage();
      const target = await searchPageFor(probe, site.url, pagesToVisit, locale);
      await probe.close();
      if (!target) return ctx.skip('no page with a search box yet');
      const report = await inspectForXss(context, site.url + target.urlPath, 'alert');
      expect([...report.dialogs, ...report.injected]).toEqual([]);
    });
  }

  it('control: an unescaped payload is caught', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gates-xss-'));
    await writeFile(
      join(dir, 'index.html'),
      `<!doctype html><p>${HOSTILE_STRINGS[1]}</p><a href="${HOSTILE_STRINGS[2]}">x</a>`,
    );
    const control = await serveStatic(dir);
    try {
      const report = await inspectForXss(context, `${control.url}/`);
      expect(report.dialogs).toEqual(['alert: 1']);
      expect(report.injected).toContain('<img onerror="alert(1)">');
      expect(report.injected).toContain('<a href="javascript:alert(1)">');
    } finally {
      await control.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
