/**
 * The built site, read as files: JSON-LD on the home pages, /croissant.json, downloads,
 * hreflang, the synthetic notice. Works on the fixture build and on the real sample build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { parse as parseYaml } from 'yaml';
import { CROISSANT_REQUIRED, JSON_LD_PROPERTIES } from '../support/required-properties.ts';
import { REGISTRY_CSV_COLUMNS } from '../../src/domain/field-table.ts';
import { PAPER } from '../../src/domain/facts.ts';
import { builtStudySlugs } from '../support/site-studies.ts';

const siteDir = inject('siteDir');
const siteOrigin = inject('siteOrigin');
const read = (path: string) => readFileSync(join(siteDir, path), 'utf8');
const MY_PAGES = ['', 'about/', 'cite/', 'license/', 'search/', '404/'];

/** The data the site was built from: copied to <site>/data, or beside the fixture build. */
function builtFrom(): { source: { synthetic: boolean } } {
  for (const candidate of [
    join(siteDir, 'data/studies.json'),
    join(siteDir, '../generated/data/studies.json'),
  ]) {
    if (existsSync(candidate)) return JSON.parse(readFileSync(candidate, 'utf8'));
  }
  throw new Error('studies.json not found next to the built site');
}

describe.each(['ru', 'en'])('home page JSON-LD (%s)', (locale) => {
  it('parses and carries the listed properties', () => {
    const html = read(`${locale}/index.html`);
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    expect(blocks).toHaveLength(1);
    const ld = JSON.parse(blocks[0]![1]!);
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@type']).toBe('Dataset');
    for (const key of JSON_LD_PROPERTIES) expect(ld, key).toHaveProperty(key);
  });
});

describe('/croissant.json', () => {
  const croissant = JSON.parse(read('croissant.json'));

  it('has every property Croissant 1.1 requires', () => {
    for (const key of CROISSANT_REQUIRED) expect(croissant, key).toHaveProperty(key);
    expect(croissant.conformsTo).toContain('http://mlcommons.org/croissant/1.1');
  });

  it('has a RecordSet of the registry fields with a source in data/registry.csv', () => {
    const ids = new Set(croissant.distribution.map((d: { '@id': string }) => d['@id']));
    const registry = croissant.distribution.find((d: { contentUrl?: string }) =>
      d.contentUrl?.endsWith('/data/registry.csv'),
    );
    expect(registry.encodingFormat).toBe('text/csv');
    const fields = croissant.recordSet[0].field;
    expect(fields.map((f: { name: string }) => f.name)).toEqual(REGISTRY_CSV_COLUMNS);
    for (const f of fields) expect(ids.has(f.source.fileObject['@id'])).toBe(true);
    if (existsSync(join(siteDir, 'data/registry.csv')))
      expect(registry.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('citation downloads', () => {
  it.each(['ru', 'en'])('.bib and .ris (%s) hold the dataset and the paper', (locale) => {
    for (const file of [`citation-${locale}.bib`, `citation-${locale}.ris`]) {
      const items = new Cite(read(file)).data as { DOI?: string; URL?: string }[];
      expect(items, file).toHaveLength(2);
      expect(items.map((i) => i.DOI)).toContain(PAPER.doi);
    }
  });

  it('CITATION.cff is valid YAML for CFF 1.2.0', () => {
    const cff = parseYaml(read('CITATION.cff'));
    expect(cff['cff-version']).toBe('1.2.0');
    expect(cff.authors.length).toBeGreaterThan(0);
  });
});

describe('every page of the shell', () => {
  const { source } = builtFrom();
  it.each(['ru', 'en'].flatMap((l) => MY_PAGES.map((p) => `${l}/${p}`)))(
    '%s: lang, hreflang partner, notice, indexed main',
    (page) => {
      const html = read(`${page}index.html`);
      const locale = page.slice(0, 2);
      expect(html).toContain(`<html lang="${locale}"`);
      const partner = page.replace(/^(ru|en)/, locale === 'ru' ? 'en' : 'ru');
      expect(existsSync(join(siteDir, partner, 'index.html'))).toBe(true);
      for (const hreflang of ['ru', 'en', 'x-default']) {
        expect(html).toMatch(
          new RegExp(`<link rel="alternate" hreflang="${hreflang}" href="https?://[^"]+"`),
        );
      }
      expect(html.includes('class="synthetic-notice"')).toBe(source.synthetic);
      // The notice is inside the banner landmark, outside the indexed <main>.
      if (source.synthetic)
        expect(html.indexOf('synthetic-notice')).toBeLessThan(html.indexOf('</header>'));
      // Only <main> is indexed, never the navigation or the footer.
      expect(html.match(/data-pagefind-body/g)?.length ?? 0).toBe(/search|404/.test(page) ? 0 : 1);
      // Nothing from another origin: absolute URLs (canonical, alternates) name the site's own.
      const otherOrigin = /<(script|link)[^>]+(src|href)="((?:https?:)?\/\/[^/"]+)/g;
      for (const [, , , origin] of html.matchAll(otherOrigin)) expect(origin).toBe(siteOrigin);
    },
  );

  it.each(['index.html', '404.html'])('%s carries the notice too (both languages)', (file) => {
    const notices = read(file).match(/class="synthetic-notice"/g)?.length ?? 0;
    expect(notices).toBe(source.synthetic ? 2 : 0);
  });

  it('has robots.txt, sitemap and the social image', () => {
    expect(read('robots.txt')).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap-index\.xml$/m);
    const sitemap = read('sitemap-0.xml');
    expect(sitemap).toContain('/ru/about/');
    expect(sitemap).toMatch(/hreflang="en" href="[^"]+\/en\/about\/"/);
    const png = readFileSync(join(siteDir, 'og-image.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1200);
    expect(png.readUInt32BE(20)).toBe(630);
  });
});

describe('counted nouns agree with their numbers (Intl.PluralRules)', () => {
  type Forms = Partial<Record<Intl.LDMLPluralRule, string>>;
  /** Each `pattern` captures a number and the word after it; `forms` are the right words. */
  const CASES: { page: string; pattern: RegExp; forms: Forms }[] = [
    {
      page: 'ru/statistics/index.html',
      pattern: /Рассчитано по \d+ из (\d+) (\S+?);/g,
      forms: { one: 'исследования', few: 'исследований', many: 'исследований' },
    },
    {
      page: 'ru/statistics/index.html',
      pattern: /макс\. (\d+) (\S+?);/g,
      forms: { one: 'год', few: 'года', many: 'лет' },
    },
    {
      page: 'ru/datasheet/index.html',
      pattern: /Компьютерные томографы (\d+) (\S+) в этой сборке/g,
      forms: { one: 'производителя', few: 'производителей', many: 'производителей' },
    },
    {
      page: 'ru/datasheet/index.html',
      pattern: /Вычислено по (\d+) (\S+) этой сборки/g,
      forms: { one: 'исследованию', few: 'исследованиям', many: 'исследованиям' },
    },
    {
      page: 'en/statistics/index.html',
      pattern: /Computed from \d+ of (\d+) (\S+?);/g,
      forms: { one: 'study', other: 'studies' },
    },
  ];
  // Every study page's thumbnail sheets say how many slices they hold ("12 срезов по порядку").
  const studyPages = (locale: string) =>
    builtStudySlugs(siteDir, locale).map((slug) => `${locale}/studies/${slug}/index.html`);
  for (const page of studyPages('ru'))
    CASES.push({
      page,
      pattern: /, (\d+) (\S+) по порядку"/g,
      forms: { one: 'срез', few: 'среза', many: 'срезов' },
    });
  for (const page of studyPages('en'))
    CASES.push({
      page,
      pattern: /, (\d+) (\S+) in order"/g,
      forms: { one: 'slice', other: 'slices' },
    });

  it('on the statistics, datasheet and study pages, in both languages', () => {
    let checked = 0;
    for (const { page, pattern, forms } of CASES) {
      const rules = new Intl.PluralRules(page.slice(0, 2));
      const found = [...read(page).matchAll(pattern)];
      expect(found.length, `${page}: ${pattern}`).toBeGreaterThan(0);
      for (const [, n, word] of found) {
        expect(word, `${page}: ${n}`).toBe(forms[rules.select(Number(n))]);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(CASES.length);
  });
});
