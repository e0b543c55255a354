/**
 * Counted nouns through Intl.PluralRules: Russian one/few/many, English one/other, for the
 * counts whose Russian forms differ (1, 21, 101 one; 2, 22 few; 5, 11, 25 many).
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTranslations } from '../../src/i18n/index.ts';

const COUNTS = [1, 2, 5, 11, 21, 22, 25, 101] as const;
const ru = useTranslations('ru');
const en = useTranslations('en');
const slices = (t: typeof ru, count: number) =>
  t('gallery.sheetAlt', { series: 'S', preset: 'P', count }).replace(/^.*, (\d+ \S+) .*$/, '$1');

describe('plural forms', () => {
  it('slices, in the thumbnail sheet’s alt text', () => {
    expect(COUNTS.map((n) => slices(ru, n))).toEqual([
      '1 срез',
      '2 среза',
      '5 срезов',
      '11 срезов',
      '21 срез',
      '22 среза',
      '25 срезов',
      '101 срез',
    ]);
    expect(COUNTS.map((n) => slices(en, n))).toEqual([
      '1 slice',
      '2 slices',
      '5 slices',
      '11 slices',
      '21 slices',
      '22 slices',
      '25 slices',
      '101 slices',
    ]);
    expect(ru('gallery.sheetAlt', { series: 'Серия 1', preset: 'мозг', count: 21 })).toBe(
      'Серия 1: лист миниатюр в окне «мозг», 21 срез по порядку',
    );
  });

  it('studies, nominative (the size line) and genitive ("of N studies")', () => {
    const nb = (s: string) => s.replace(/\u00a0/g, ' ');
    const sizeStudies = (t: typeof ru, count: number) => nb(t('size.studies', { count, n: count }));
    expect(COUNTS.map((n) => sizeStudies(ru, n))).toEqual([
      '1 исследование',
      '2 исследования',
      '5 исследований',
      '11 исследований',
      '21 исследование',
      '22 исследования',
      '25 исследований',
      '101 исследование',
    ]);
    expect(COUNTS.map((n) => sizeStudies(en, n))).toEqual(
      COUNTS.map((n) => `${n} ${n === 1 ? 'study' : 'studies'}`),
    );
    expect(COUNTS.map((count) => ru('count.studies.genitive', { count }))).toEqual([
      '1 исследования',
      '2 исследований',
      '5 исследований',
      '11 исследований',
      '21 исследования',
      '22 исследований',
      '25 исследований',
      '101 исследования',
    ]);
  });

  it('files', () => {
    const files = (t: typeof ru, count: number) =>
      t('size.files', { count, n: count }).replace(/\u00a0/g, ' ');
    expect(COUNTS.map((n) => files(ru, n))).toEqual([
      '1 файл',
      '2 файла',
      '5 файлов',
      '11 файлов',
      '21 файл',
      '22 файла',
      '25 файлов',
      '101 файл',
    ]);
    expect(files(en, 1)).toBe('1 file');
    expect(files(en, 21)).toBe('21 files');
  });

  it('a sentence agrees with its count: the quality verdict, the age caption', () => {
    const mismatch = (t: typeof ru, count: number) => t('quality.status.mismatch', { count });
    expect(mismatch(ru, 1)).toContain('1 заявленный в README показатель не совпадает');
    expect(mismatch(ru, 3)).toContain('3 заявленных в README показателя не совпадают');
    expect(mismatch(ru, 5)).toContain('5 заявленных в README показателей не совпадают');
    expect(mismatch(en, 1)).toContain('1 figure declared in the README differs');
    expect(mismatch(en, 2)).toContain('2 figures declared in the README differ');
    const age = (max: number) =>
      ru('stats.chart.age.caption', { bin: 10, split: '', min: 1, median: 2, max, count: max });
    expect(age(91)).toContain('макс. 91 год;');
    expect(age(92)).toContain('макс. 92 года;');
    expect(age(100)).toContain('макс. 100 лет;');
  });

  it('a plural key without a count, or an unknown key, throws', () => {
    const loose = ru as (key: string, vars?: Record<string, string | number>) => string;
    expect(() => loose('size.files', { n: 3 })).toThrow(/needs a numeric count/);
    expect(() => loose('size.nothing')).toThrow(/Missing UI string "size.nothing" for ru/);
  });
});

describe('the translator outside Vite', () => {
  it('loads in plain Node (as the pipeline runs it), plurals included', () => {
    const script = `import { useTranslations } from ${JSON.stringify(resolve('src/i18n/index.ts'))};
      process.stdout.write(useTranslations('ru')('count.studies.genitive', { count: 22 }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(out).toBe('22 исследований');
  });
});
