/**
 * Gate 4a/4b, Content-Security-Policy: every page carries a strict policy and nothing it would
 * block (checked in the files), and in Chromium no page type, nor a search, triggers a CSP
 * violation or requests anything from another origin.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { LOCALES } from '../../src/i18n/locales.ts';
import { serveStatic } from '../support/browser.ts';
import { useBrowserSite } from './use-browser-site.ts';
import { pageCspProblems } from '../support/gates/csp-check.ts';
import { elementsOf } from '../support/gates/html.ts';
import {
  expandDisclosures,
  knownWord,
  openStudyViewer,
  runSearch,
  searchPageFor,
} from '../support/gates/page-states.ts';
import { groupProblems } from '../support/gates/report.ts';
import { representatives, sitePages } from '../support/gates/site-pages.ts';

const siteDir = inject('siteDir');
const datasetDir = inject('datasetDir');
const allPages = await sitePages(siteDir);
const pages = representatives(allPages);

const web = useBrowserSite();
let context: BrowserContext;
beforeAll(async () => {
  context = await web.browser.newContext();
  // Collect what the CSP blocks from the first moment of every page.
  await context.addInitScript(() => {
    const log: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = log;
    document.addEventListener('securitypolicyviolation', (e) => {
      log.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`,
      );
    });
  });
});

/** Records CSP console errors and requests to other origins while a page is used. */
function watch(page: Page, origin: string): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content.Security.Policy/i.test(m.text())) problems.push(m.text());
  });
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) {
      problems.push(`request to another origin: ${r.url()}`);
    }
  });
  return problems;
}

async function violationsOf(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

describe('Content-Security-Policy in the files', () => {
  it('every page has a strict CSP meta and no inline handler, javascript: URL or unhashed inline code', async () => {
    const problems: Array<[string, string]> = [];
    for (const page of allPages) {
      const html = await readFile(join(siteDir, page.file), 'utf8');
      for (const problem of pageCspProblems(elementsOf(html))) problems.push([page.file, problem]);
    }
    const report = groupProblems(problems);
    expect(report, report.join('\n')).toEqual([]);
  });
});

describe('Content-Security-Policy in Chromium', () => {
  it('control: a page that breaks its CSP is caught by this watch', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gates-csp-'));
    await writeFile(
      join(dir, 'index.html'),
      `<!doctype html><html lang="en"><head><meta http-equiv="content-security-policy" content="default-src 'self'"><title>x</title></head>` +
        `<body><script>document.title = 'ran'</script><img src="https://example.org/x.png" alt=""></body></html>`,
    );
    // sirv indexes the folder when it starts, so the file must exist first.
    const control = await serveStatic(dir);
    try {
      const page = await context.newPage();
      const problems = watch(page, control.url);
      await page.goto(`${control.url}/`, { waitUntil: 'networkidle' });
      problems.push(...(await violationsOf(page)));
      expect(await page.title()).toBe('x');
      await page.close();
      expect(problems.join('\n')).toMatch(/script-src.*blocked inline/);
      expect(problems.join('\n')).toMatch(/img-src.*example\.org|example\.org.*img-src/);
    } finally {
      await control.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  for (const sitePage of pages) {
    it(`${sitePage.type} (${sitePage.locale ?? 'no locale'}) runs without a violation`, async () => {
      const page = await context.newPage();
      const problems = watch(page, web.site.origin);
      try {
        await page.goto(web.site.url + sitePage.urlPath, { waitUntil: 'networkidle' });
        await expandDisclosures(page);
        // A study page's full viewer, opened on the sample (loads its lazy chunk and codecs).
        await openStudyViewer(page, datasetDir);
        await page.waitForLoadState('networkidle');
        problems.push(...(await violationsOf(page)));
      } finally {
        await page.close();
      }
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }

  for (const locale of LOCALES) {
    it(`search works under the CSP (${locale})`, async (ctx) => {
      const page = await context.newPage();
      const problems = watch(page, web.site.origin);
      try {
        const query = await knownWord(page, web.site.url, locale);
        const searchPage = await searchPageFor(page, web.site.url, pages, locale);
        if (!searchPage) return ctx.skip('no page with a search box yet');
        await page.goto(web.site.url + searchPage.urlPath);
        expect(await runSearch(page, query), `search for "${query}" loaded no result`).toBe(true);
        problems.push(...(await violationsOf(page)));
      } finally {
        await page.close();
      }
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
});
