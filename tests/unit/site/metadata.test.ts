import { describe, expect, it } from 'vitest';
import { datasetJsonLd, serializeJsonLd } from '../../../src/domain/json-ld.ts';
import {
  buildCroissant,
  CROISSANT_CONFORMS_TO,
  DICOM_FILESET_ID,
  LABEL_FIELDS,
  REGISTRY_DATA_TYPES,
  REGISTRY_FILE_ID,
  SHA256SUMS_ID,
  type CroissantOptions,
} from '../../../src/domain/croissant.ts';
import { REGISTRY_CSV_COLUMNS } from '../../../src/domain/field-table.ts';
import { computeStats } from '../../../src/domain/compute-stats.ts';
import { fixtureStudies } from '../../fixtures/fixture-studies.ts';
import { FACTS } from '../../../src/domain/facts.ts';
import { attributionText, escapeHtml } from '../../../src/domain/attribution.ts';
import { overviewRows } from '../../../src/domain/overview-model.ts';
import { overviewLines } from '../../../src/site/overview-rows.ts';
import { DECLARED_OVERVIEW } from '../../../src/domain/overview.ts';
import { pickLocale } from '../../../src/site/pick-locale.ts';
import { useTranslations } from '../../../src/i18n/index.ts';
import { alternates } from '../../../src/site/head.ts';
import { wrapWords } from '../../../src/site/og-image.ts';
import { formatDate } from '../../../src/site/format.ts';
import { isCurrent } from '../../../src/site/nav.ts';
import { CROISSANT_REQUIRED, JSON_LD_PROPERTIES } from '../../support/required-properties.ts';

const STATS = computeStats(fixtureStudies(12));
const croissantWith = (over: Partial<CroissantOptions>) =>
  buildCroissant({
    siteUrl: 'https://example.org/',
    registryCsv: null,
    registryXlsxSha256: null,
    builtAt: '2026-01-02T03:04:05.000Z',
    stats: STATS,
    ...over,
  });
const registryFile = (c: ReturnType<typeof buildCroissant>) =>
  c.distribution.find((d) => d['@id'] === REGISTRY_FILE_ID) as Record<string, unknown>;

describe('schema.org Dataset JSON-LD', () => {
  it.each(['ru', 'en'] as const)('carries every listed property (%s)', (locale) => {
    const ld = datasetJsonLd({ locale, siteUrl: 'https://example.org/' });
    for (const key of JSON_LD_PROPERTIES) expect(ld, key).toHaveProperty(key);
    expect(ld['@type']).toBe('Dataset');
    expect(ld.temporalCoverage).toBe('2020-05-05/2023-01-08');
    expect(ld.license).toBe(FACTS.license.url);
    expect(ld.url).toBe(`https://example.org/${locale}/`);
    expect(ld.creator).toHaveLength(FACTS.authors.length);
  });

  it('without a site address (no --site) names no site URL: the permanent link is its url', () => {
    const ld = datasetJsonLd({ locale: 'en', siteUrl: null });
    expect(ld.url).toBe(FACTS.permanentLink);
    expect(JSON.stringify(ld)).not.toMatch(/registry\.csv|croissant\.json/);
    const c = croissantWith({ siteUrl: null });
    expect(c.url).toBe(FACTS.permanentLink);
    // Relative to croissant.json, which sits at the site's root.
    expect(registryFile(c).contentUrl).toBe('data/registry.csv');
  });

  it('serialises so that data cannot close the script element', () => {
    const text = serializeJsonLd({ name: '</script><script>alert(1)</script>', amp: 'a&b' });
    expect(text).not.toContain('<');
    expect(text).not.toContain('>');
    expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script>', amp: 'a&b' });
  });
});

describe('Croissant 1.1 with RAI', () => {
  const c = croissantWith({ registryCsv: { sha256: 'ab'.repeat(32), bytes: 1234 } });

  it('has every required property and declares Croissant 1.1 and RAI 1.0', () => {
    for (const key of CROISSANT_REQUIRED) expect(c, key).toHaveProperty(key);
    expect(c['@type']).toBe('sc:Dataset');
    expect(c.conformsTo).toEqual([...CROISSANT_CONFORMS_TO]);
    expect(c.conformsTo).toContain('http://mlcommons.org/croissant/1.1');
    expect(c.conformsTo).toContain('http://mlcommons.org/croissant/RAI/1.0');
    expect(c['@context'].rai).toBe('http://mlcommons.org/croissant/RAI/');
    expect(c.version).toBe(FACTS.version);
    expect(c.sdDatePublished).toBe('2026-01-02');
  });

  it('describes every registry column, sourced from the registry.csv FileObject, labels marked', () => {
    const file = registryFile(c);
    expect(file.contentUrl).toBe('https://example.org/data/registry.csv');
    expect(file).toHaveProperty('sha256', 'ab'.repeat(32));
    expect(file).toHaveProperty('contentSize', '1234 B');
    const fields = c.recordSet[0]!.field;
    expect(fields.map((f) => f.name)).toEqual(REGISTRY_CSV_COLUMNS);
    for (const f of fields) {
      expect(f.source).toEqual({
        fileObject: { '@id': REGISTRY_FILE_ID },
        extract: { column: f.name },
      });
      // The handle is text; the folder size columns the site adds are integers.
      const type =
        REGISTRY_DATA_TYPES[f.name as keyof typeof REGISTRY_DATA_TYPES] ??
        (f.name.startsWith('study_') ? 'sc:Integer' : 'sc:Text');
      if (LABEL_FIELDS.has(f.name as never)) expect(f.dataType).toEqual([type, 'cr:Label']);
      else expect(f.dataType).toBe(type);
    }
    expect(fields.find((f) => f.name === 'subdural')!.dataType).toContain('cr:Label');
    expect(fields.find((f) => f.name === 'age')!.dataType).toBe('sc:Integer');
  });

  it('describes the dataset folder’s registry as a FileSet, with the checksum the build read', () => {
    const xlsx = croissantWith({ registryXlsxSha256: 'cd'.repeat(32) }).distribution.find(
      (d) => d.name === 'dataset_registry.xlsx',
    )!;
    expect(xlsx).toMatchObject({ '@type': 'cr:FileSet', includes: 'dataset_registry.xlsx' });
    expect(xlsx.description).toContain('cd'.repeat(32));
  });

  it('describes the DICOM files as a FileSet', () => {
    const set = c.distribution.find((d) => d['@id'] === DICOM_FILESET_ID)!;
    expect(set).toMatchObject({
      '@type': 'cr:FileSet',
      includes: 'studies/*/*/*.dcm',
      encodingFormat: 'application/dicom',
    });
  });

  it('answers the RAI fields from the README or says they are not stated', () => {
    expect(c['rai:dataCollectionTimeframe']).toEqual(['2020-05-05', '2023-01-08']);
    expect(c['rai:dataAnnotationProtocol']).toContain(FACTS.verification.ru);
    expect(c['rai:dataCollection']).toContain('Moscow');
    expect(c['rai:dataLimitations'].join(' ')).toMatch(/commercial/);
    expect(c['rai:personalSensitiveInformation'].join(' ')).toMatch(
      /Not stated in the dataset’s documentation/,
    );
    expect(c['rai:dataBiases'].join(' ')).toContain(`median ${STATS.age.summary.median}`);
  });

  it('leaves sha256 out when the build has no registry.csv', () => {
    expect(registryFile(croissantWith({}))).not.toHaveProperty('sha256');
  });

  it('describes SHA256SUMS with its size and checksum only when the build computed them', () => {
    const sums = (c: ReturnType<typeof buildCroissant>) =>
      c.distribution.find((d) => d['@id'] === SHA256SUMS_ID) as Record<string, unknown>;
    const without = croissantWith({});
    expect(sums(without)).toBeUndefined();
    expect(without.recordSet.map((r) => r['@id'])).not.toContain('checksums');
    const with_ = croissantWith({ sha256sums: { sha256: 'cd'.repeat(32), bytes: 987 } });
    expect(sums(with_)).toMatchObject({
      '@type': 'cr:FileObject',
      contentUrl: 'https://example.org/data/SHA256SUMS',
      contentSize: '987 B',
      sha256: 'cd'.repeat(32),
    });
    const record = with_.recordSet.find((r) => r['@id'] === 'checksums') as unknown as {
      field: { name: string; source: { transform: { regex: string } } }[];
    };
    const regex = (name: string) =>
      new RegExp(record.field.find((f) => f.name === name)!.source.transform.regex);
    const hash = 'ab'.repeat(32);
    expect(regex('sha256').exec(`${hash}  studies/a/1.dcm`)?.[1]).toBe(hash);
    expect(regex('path').exec(`${hash}  studies/a/1.dcm`)?.[1]).toBe('studies/a/1.dcm');
    // GNU sha256sum's escaped line: a leading backslash, the name with \\ and \n.
    expect(regex('sha256').exec(`\\${hash}  studies/a\\nb.dcm`)?.[1]).toBe(hash);
  });
});

describe('attribution', () => {
  it.each(['ru', 'en'] as const)('names authors, affiliation, copyright, links (%s)', (locale) => {
    for (const format of ['text', 'html', 'markdown'] as const) {
      const text = attributionText(locale, format);
      for (const p of FACTS.authors) expect(text).toContain(p.family[locale]);
      expect(text).toContain(
        format === 'html' ? escapeHtml(FACTS.affiliation[locale]) : FACTS.affiliation[locale],
      );
      expect(text).toContain(`© ${FACTS.copyright.year}`);
      expect(text).toContain(FACTS.permanentLink);
      expect(text).toContain(FACTS.license.url);
    }
    expect(attributionText(locale, 'html')).toContain(`<a href="${FACTS.license.url}">`);
  });

  it('escapes HTML', () => {
    expect(escapeHtml(`<a href="x">'&`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
  });
});

describe('home key figures', () => {
  it('explains the README sex split: 3 not specified', () => {
    const rows = overviewLines(overviewRows(DECLARED_OVERVIEW, DECLARED_OVERVIEW), 'en');
    const sex = rows.find((r) => r.id === 'sex')!;
    expect(sex.declared).toBe('459 / 338 (+3)');
    expect(sex.notes[0]).toEqual([
      'overview.note.sexUnstated',
      { male: 459, female: 338, sum: 797, unstated: 3, total: 800, count: 3 },
    ]);
    expect(rows.every((r) => r.match)).toBe(true);
  });

  it('counts the patients and studies of a note with the noun in its plural form', () => {
    const one = { ...DECLARED_OVERVIEW, patients: 800, male: 461, female: 338 };
    const noteText = (locale: 'ru' | 'en', id: 'sex' | 'classes', declared = one) =>
      overviewLines(overviewRows(declared, declared), locale)
        .find((r) => r.id === id)!
        .notes.map(([key, vars]) => useTranslations(locale)(key, vars as { count: number }));
    expect(noteText('ru', 'sex')).toEqual([
      'В README 461 + 338 = 799 из 800: у 1 пациента пол не указан.',
    ]);
    expect(noteText('en', 'sex')).toEqual([
      "In the README 461 + 338 = 799 of 800: 1 patient's sex is not specified.",
    ]);
    expect(noteText('ru', 'sex', DECLARED_OVERVIEW)).toEqual([
      'В README 459 + 338 = 797 из 800: у 3 пациентов пол не указан.',
    ]);
    const classOne = { ...DECLARED_OVERVIEW, studies: 801, patients: 801, female: 339 };
    expect(noteText('ru', 'classes', classOne)).toEqual([
      'В README у 1 из 801 исследования класс не указан.',
      'У 1 исследования класс не указан.',
    ]);
  });

  it('flags a computed figure that differs from the README', () => {
    const computed = {
      ...DECLARED_OVERVIEW,
      ageMedian: 58,
      withPathology: 399,
      withoutPathology: 400,
    };
    const rows = overviewLines(overviewRows(DECLARED_OVERVIEW, computed), 'en');
    expect(rows.find((r) => r.id === 'age')!.match).toBe(false);
    expect(rows.find((r) => r.id === 'age')!.notes.map((n) => n[0])).toContain(
      'overview.note.differs',
    );
    expect(rows.find((r) => r.id === 'classes')!.notes.map((n) => n[0])).toContain(
      'overview.note.classUnstated.computed',
    );
  });
});

describe('small site helpers', () => {
  it('picks the first supported browser language, else Russian', () => {
    expect(pickLocale(['de-DE', 'en-US', 'ru'])).toBe('en');
    expect(pickLocale(['ru-RU', 'en'])).toBe('ru');
    expect(pickLocale(['fr', 'de'])).toBe('ru');
    expect(pickLocale([])).toBe('ru');
  });

  it('gives hreflang alternates for both languages and x-default', () => {
    expect(alternates('/en/cite/', 'https://x.org/')).toEqual([
      { hreflang: 'ru', href: 'https://x.org/ru/cite/' },
      { hreflang: 'en', href: 'https://x.org/en/cite/' },
      { hreflang: 'x-default', href: 'https://x.org/ru/cite/' },
    ]);
    expect(alternates('/ru/', 'https://x.org/').at(-1)).toEqual({
      hreflang: 'x-default',
      href: 'https://x.org/',
    });
  });

  it('wraps words, formats dates, marks the current nav item', () => {
    expect(wrapWords('a bb ccc', 4)).toEqual(['a bb', 'ccc']);
    expect(formatDate('2023-10-12', 'ru')).toBe('12.10.2023');
    expect(formatDate('2023-10-12', 'en')).toBe('12 October 2023');
    expect(isCurrent('/ru/studies/x/', { key: 'nav.studies', path: 'studies' }, 'ru')).toBe(true);
    expect(isCurrent('/ru/studies/x/', { key: 'nav.home', path: '' }, 'ru')).toBe(false);
  });
});
