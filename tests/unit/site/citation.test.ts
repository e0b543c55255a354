import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { formatAll, formatCitation, unwrapRis } from '../../../src/domain/citation/format.ts';
import {
  datasetItem,
  paperItem,
  spacedInitials,
  type CslItem,
} from '../../../src/domain/citation/items.ts';
import { citationCff, citationCffText } from '../../../src/domain/citation/cff.ts';
import { FACTS, PAPER } from '../../../src/domain/facts.ts';

const ITEMS: [string, CslItem][] = [
  ['paper', paperItem()],
  ['dataset (ru)', datasetItem('ru')],
  ['dataset (en)', datasetItem('en')],
];

const families = (item: { author?: { family?: string }[] }) =>
  (item.author ?? []).map((a) => a.family);

describe.each(ITEMS)('citation formats of the %s', (_, item) => {
  const out = formatAll(item);

  it('BibTeX parses back to the same title, authors and identifiers', () => {
    const [back] = new Cite(out.bibtex).data as CslItem[];
    expect(back!.title).toBe(item.title);
    expect(families(back!)).toEqual(families(item));
    if (item.DOI) expect(back!.DOI).toBe(item.DOI);
    if (item.URL) expect(back!.URL).toBe(item.URL);
  });

  it('RIS parses back to the same title and authors, one line per tag', () => {
    for (const line of out.ris.split('\n')) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}-( |$)/);
    const [back] = new Cite(out.ris).data as CslItem[];
    expect(back!.title).toBe(item.title);
    expect(families(back!)).toEqual(families(item));
    if (item.DOI) expect(back!.DOI).toBe(item.DOI);
  });

  it('CSL-JSON is the item itself', () => {
    expect(JSON.parse(out['csl-json'])).toEqual([item]);
  });

  it('the styled references carry title, first author and year', () => {
    for (const format of ['gost', 'apa', 'vancouver'] as const) {
      expect(out[format], format).toContain(item.title);
      expect(out[format], format).toContain(item.author[0]!.family);
      expect(out[format], format).toContain(String(item.issued['date-parts'][0]![0]));
      expect(out[format], format).not.toMatch(/^1\./);
    }
  });
});

describe('style details', () => {
  it('APA 7 and Vancouver cite the paper as the journal does', () => {
    const paper = paperItem();
    expect(formatCitation(paper, 'apa')).toContain(
      '(2024). Expanded Brain CT Dataset for the Development of AI Systems for Intracranial Hemorrhage Detection and Classification. Data, 9(2), 30. https://doi.org/10.3390/data9020030',
    );
    expect(formatCitation(paper, 'apa')).toMatch(/^Khoruzhaya, A\. N\., Bobrovskaya, T\. M\./);
    expect(formatCitation(paper, 'vancouver')).toContain('Data. 2024;9(2):30');
    expect(formatCitation(paper, 'vancouver')).toMatch(/^Khoruzhaya AN, Bobrovskaya TM/);
  });

  it('GOST R 7.0.100-2018: title first, three authors and [et al.], areas split by ". – "', () => {
    // citeproc puts a no-break space before the colon in "Текст : электронный"
    const plain = (text: string) => text.replace(/[\u00a0\u202f\u2009]/g, ' ');
    const gost = plain(formatCitation(paperItem(), 'gost'));
    expect(gost).toBe(
      `${PAPER.title} / A. N. Khoruzhaya, T. M. Bobrovskaya, D. V. Kozlov [et al.]. – Text : electronic // Data. – 2024. – Vol. 9, No. 2. – Art. 30. – DOI 10.3390/data9020030.`,
    );
    const ru = plain(formatCitation(datasetItem('ru'), 'gost'));
    expect(ru).toContain('/ А. Н. Хоружая, Д. В. Козлов, Е. И. Кремнева [и др.] ;');
    expect(ru).toContain(
      '. – Версия 1.0.0. – Москва, 2023. – URL: https://mosmed.ai/datasets/. – Текст : электронный.',
    );
  });

  it('each entry keeps to one language: that of the item it describes', () => {
    const cyrillic = /[\u0400-\u04ff]/;
    // English items (the English dataset record, the paper): no Russian word in any style.
    for (const item of [datasetItem('en'), paperItem()]) {
      for (const style of ['gost', 'apa', 'vancouver'] as const) {
        expect(formatCitation(item, style), style).not.toMatch(cyrillic);
      }
    }
    // The Russian record: the Russian adaptations' words, none of the English ones.
    const ru = datasetItem('ru');
    const vancouver = formatCitation(ru, 'vancouver');
    expect(vancouver).toContain('[Электронный ресурс]');
    expect(vancouver).toContain('URL: https://mosmed.ai/datasets/');
    expect(vancouver).not.toMatch(/Internet|Available/);
    const apa = formatCitation(ru, 'apa');
    expect(apa).toContain('(Версия 1.0.0)');
    expect(apa).not.toContain('Version');
    expect(formatCitation(ru, 'gost')).toMatch(/Текст\s:\sэлектронный/);
  });

  it('unwraps RIS continuation lines', () => {
    expect(unwrapRis('TI  - Intrac\nranial\nER  -')).toBe('TI  - Intracranial\nER  -');
  });

  it('spaces initials', () => {
    expect(spacedInitials('А.Н.')).toBe('А. Н.');
  });
});

describe('CITATION.cff', () => {
  it('is YAML with the CFF 1.2.0 required keys and the facts', () => {
    const cff = parseYaml(citationCffText());
    expect(cff).toEqual(citationCff());
    for (const key of ['cff-version', 'message', 'title', 'authors'])
      expect(cff).toHaveProperty(key);
    expect(cff['cff-version']).toBe('1.2.0');
    expect(cff.version).toBe(FACTS.version);
    expect(cff['date-released']).toBe(FACTS.datePublished);
    expect(cff.license).toBe('CC-BY-NC-ND-3.0');
    expect(cff.authors.map((a: { 'family-names': string }) => a['family-names'])).toEqual(
      FACTS.authors.map((p) => p.family.en),
    );
    expect(cff.references[0].doi).toBe(PAPER.doi);
    expect(cff).not.toHaveProperty('identifiers');
  });

  it('lists the site as an identifier when the build knows its address', () => {
    const cff = parseYaml(citationCffText('https://example.net/datasets/hemorrhage/'));
    expect(cff.url).toBe(FACTS.permanentLink);
    expect(cff.identifiers).toEqual([
      expect.objectContaining({
        type: 'url',
        value: 'https://example.net/datasets/hemorrhage/en/',
      }),
    ]);
  });
});
