/**
 * Gate 3, links: a crawl of the built site finds no broken internal link, anchor or asset, no
 * resource from another origin, and every page exists in both languages.
 */
import { describe, expect, inject, it } from 'vitest';
import astroConfig from '../../astro.config.ts';
import { checkLinks, missingLanguagePartners } from './support/link-check.ts';
import { groupProblems } from './support/report.ts';
import { sitePages } from './support/site-pages.ts';

const siteDir = inject('siteDir');
const siteOrigin = new URL(astroConfig.site ?? 'http://localhost').origin;

describe('links in the built site', () => {
  it('resolve to files of the output, with their #anchors, and load nothing from elsewhere', async () => {
    const problems = await checkLinks(siteDir, siteOrigin);
    const report = groupProblems(
      problems.map((p) => [`${p.file}:${p.line}`, `${p.url}: ${p.problem}`]),
    );
    expect(report, report.join('\n')).toEqual([]);
  });

  it('exist in both languages (hreflang partners and the language switch never 404)', async () => {
    const pages = await sitePages(siteDir);
    expect(pages.some((p) => p.locale === 'ru') && pages.some((p) => p.locale === 'en')).toBe(true);
    const missing = missingLanguagePartners(pages);
    expect(missing, missing.join('\n')).toEqual([]);
  });
});
