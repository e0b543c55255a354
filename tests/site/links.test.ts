/**
 * Gate 3, links: a crawl of the built site finds no broken internal link, anchor or asset, no
 * resource from another origin, nothing that leaves the base path, and every page exists in both
 * languages. The test site is built as the publisher would publish it, under a prefix
 * (`--site https://example.net --base /datasets/hemorrhage/`, tests/setup/build-site.ts): every
 * link the crawl finds is then requested from the site served under that prefix.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  crawlSite,
  missingLanguagePartners,
  type CrawlResult,
} from '../support/gates/link-check.ts';
import { groupProblems } from '../support/gates/report.ts';
import { listFiles, sitePages } from '../support/gates/site-pages.ts';
import { serveStatic, type StaticSite } from '../support/browser.ts';

const siteDir = inject('siteDir');
const siteOrigin = inject('siteOrigin');
const basePath = inject('basePath');

let crawl: CrawlResult;
let site: StaticSite;
beforeAll(async () => {
  crawl = await crawlSite(siteDir, siteOrigin, basePath);
  site = await serveStatic(siteDir, basePath);
});
afterAll(async () => {
  await site?.close();
});

/** Files that are text (everything but images, fonts and Pagefind's binary index). */
const TEXT_FILE = /\.(html|css|js|mjs|json|xml|txt|csv|cff|bib|ris|svg|webmanifest)$/;

describe('links in the built site', () => {
  it('resolve to files of the output, with their #anchors, stay under the base path and load nothing from elsewhere', () => {
    const report = groupProblems(
      crawl.problems.map((p) => [`${p.file}:${p.line}`, `${p.url}: ${p.problem}`]),
    );
    expect(report, report.join('\n')).toEqual([]);
  });

  it('every page type in both languages is crawled, and every link found is served under the prefix', async () => {
    const pages = await sitePages(siteDir);
    const types = new Set(pages.filter((p) => p.locale).map((p) => `${p.type} ${p.locale}`));
    for (const type of [
      '[lang]',
      '[lang]/studies',
      '[lang]/studies/[slug]',
      '[lang]/studies/[handle]',
      '[lang]/statistics',
      '[lang]/datasheet',
      '[lang]/your-copy',
      '[lang]/changes',
    ])
      for (const locale of ['ru', 'en']) expect(types).toContain(`${type} ${locale}`);
    // The crawl followed thumbnails, data downloads, script data URLs and the Pagefind bundle.
    const followed = [...crawl.internal];
    for (const kind of ['thumbs/', 'data/', '_astro/', 'en/studies/', 'home-examples/'])
      expect(
        followed.some((u) => u.startsWith(`${basePath}${kind}`)),
        kind,
      ).toBe(true);
    const failed: string[] = [];
    for (const path of followed) {
      const response = await fetch(`${site.origin}${path}`, { redirect: 'manual' });
      if (response.status !== 200) failed.push(`${path}: HTTP ${response.status}`);
      await response.arrayBuffer();
    }
    expect(failed, failed.join('\n')).toEqual([]);
  });

  it('exist in both languages (hreflang partners and the language switch never 404)', async () => {
    const pages = await sitePages(siteDir);
    expect(pages.some((p) => p.locale === 'ru') && pages.some((p) => p.locale === 'en')).toBe(true);
    const missing = missingLanguagePartners(pages);
    expect(missing, missing.join('\n')).toEqual([]);
  });

  it('name no made-up domain: no output file contains example.org', async () => {
    const offenders: string[] = [];
    for (const file of (await listFiles(siteDir)).filter((f) => TEXT_FILE.test(f))) {
      if ((await readFile(join(siteDir, file), 'utf8')).includes('example.org'))
        offenders.push(file);
    }
    expect(offenders).toEqual([]);
    // The address the site was built for is the one it names.
    const robots = await readFile(join(siteDir, 'robots.txt'), 'utf8');
    expect(robots).toContain(`Sitemap: ${siteOrigin}${basePath}sitemap-index.xml`);
  });
});
