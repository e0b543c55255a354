/**
 * The words a reader meets, checked as the UI strings and the pure views that make them: no build
 * option in reader-facing words (a reader cannot rebuild the site), one Russian word per concept,
 * the findings filter saying what it does, and one number format per language (Russian "2,5" in
 * charts, tables and key figures alike).
 */
import { describe, expect, it } from 'vitest';
import { USAGE } from '../../../scripts/lib/build-args.ts';
import { buildCharts } from '../../../src/site/charts/chart-specs.ts';
import { cellText } from '../../../src/site/charts/chart-kit.ts';
import { computeStats } from '../../../src/domain/compute-stats.ts';
import { DECLARED_OVERVIEW } from '../../../src/domain/overview.ts';
import { overviewRows } from '../../../src/domain/overview-model.ts';
import { CATALOG } from '../../../src/i18n/catalog.ts';
import { declaredLines, overviewLines } from '../../../src/site/overview-rows.ts';
import { makeStudy } from '../stats/make-study.ts';

/** Every UI string of a locale (the pages' words; findings.json is the publisher's report). */
const strings = (locale: 'ru' | 'en') =>
  Object.values(CATALOG).flatMap((area) => Object.entries(area[locale] as Record<string, string>));
const value = (locale: 'ru' | 'en', key: string) =>
  strings(locale).find(([k]) => k === key)?.[1] ?? `(missing ${key})`;

describe('reader-facing words', () => {
  it('name no build option: a reader cannot rebuild the site', () => {
    const options = [...USAGE.matchAll(/^\s+(--[a-z-]+)/gm)].map((m) => m[1]!);
    expect(options).toContain('--no-checksums');
    for (const locale of ['ru', 'en'] as const) {
      for (const [key, text] of strings(locale)) {
        for (const option of options) expect(text, `${locale} ${key}`).not.toContain(option);
      }
    }
  });

  it('say what a reader can do without checksums, in both languages', () => {
    expect(value('en', 'download.checksums.none')).toMatch(/files and bytes/);
    expect(value('ru', 'download.checksums.none')).toMatch(/файлов и байт/);
    expect(value('en', 'download.checksums.digestNone')).not.toMatch(/computed/);
    expect(value('ru', 'download.checksums.digestNone')).not.toMatch(/вычисл/);
  });

  it('use one Russian word per concept', () => {
    const concepts: [string, RegExp, RegExp, string[]][] = [
      // concept, the chosen word, the variants not to use, the keys that name it
      [
        'finding',
        /^Находк/,
        /Признак/,
        [
          'stats.section.findings',
          'stats.finding',
          'stats.chart.findings',
          'explorer.findings',
          'studies.filter.finding',
          'studies.col.findings',
          'search.filter.finding',
        ],
      ],
      ['kernel', /^Фильтр реконструкции$/, /Ядро/, ['field.kernel']],
      ['kV', /кВ$/, /кВп/, ['field.kvp', 'field.kvp.short']],
      [
        'sex not stated',
        /^Не указан$/,
        /Пол не указан/,
        ['stats.sex.unknown', 'studies.sex.unknown'],
      ],
      ['datasheet', /^Паспорт данных$/, /Паспорт набора/, ['nav.datasheet', 'datasheet.title']],
    ];
    for (const [concept, chosen, variant, keys] of concepts) {
      for (const key of keys) {
        expect(value('ru', key), `${concept}: ${key}`).toMatch(chosen);
      }
      for (const [key, text] of strings('ru')) {
        expect(text, `${concept}: ${key}`).not.toMatch(variant);
      }
    }
  });

  it('say that every ticked finding must be present, not "all selected"', () => {
    for (const key of ['explorer.findings', 'studies.filter.finding', 'search.filter.finding']) {
      expect(value('en', key)).toBe('Findings (every ticked one must be present)');
      expect(value('ru', key)).toBe('Находки (должны быть все отмеченные)');
    }
  });
});

describe('one number format per language', () => {
  const studies = [
    makeStudy({ with: ['subdural'], age: 30, sliceThickness: 2.5 }),
    makeStudy({ age: 45, sex: 'F', sliceThickness: 0.625 }),
    makeStudy({ age: 46, sex: 'F', sliceThickness: 5, images: [33, 40] }),
    makeStudy({ age: 70, sex: null }),
  ];
  const source = {
    synthetic: true,
    registryFile: 'dataset_registry.xlsx',
    registrySha256: null,
    registryLayout: null,
    builtAt: '2026-01-01T00:00:00.000Z',
  };
  const shown = (locale: 'ru' | 'en') =>
    buildCharts(computeStats(studies), { locale, source, datasetTotal: 4, width: 400 }).flatMap(
      (spec) => [
        spec.caption,
        ...spec.table.rows.flatMap((row) => row.map((cell) => cellText(cell, locale))),
      ],
    );

  it('charts write Russian decimals with a comma, in captions and tables', () => {
    const ru = shown('ru');
    expect(ru.join(' | ')).not.toMatch(/\d\.\d/);
    expect(ru).toContain('2,5');
    expect(ru).toContain('0,625');
    expect(ru.join(' ')).toMatch(/45,5/); // the median age
    const en = shown('en');
    expect(en).toContain('2.5');
    expect(en.join(' ')).toMatch(/45\.5/);
  });

  it('the key figures write the README and computed values in the page language', () => {
    const computed = { ...DECLARED_OVERVIEW, ageMedian: 45.75 };
    const rows = overviewRows(DECLARED_OVERVIEW, computed);
    const ru = overviewLines(rows, 'ru').map((l) => l.computed);
    expect(ru.join(' ')).toContain('45,75');
    expect(ru.join(' ')).not.toMatch(/\d\.\d/);
    expect(
      overviewLines(rows, 'en')
        .map((l) => l.computed)
        .join(' '),
    ).toContain('45.75');
    expect(
      declaredLines(rows, 'ru')
        .lines.map((l) => l.value)
        .join(' '),
    ).not.toMatch(/\d\.\d/);
  });
});
