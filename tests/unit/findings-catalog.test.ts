/**
 * The finding catalog is the one list of codes: every code a builder emits is in it (the
 * builder's type and quality.json's schema accept nothing else), every code in it is emitted by
 * some builder in src/, and each has its title, message and action in both languages, with
 * exactly the placeholders the catalog names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FINDING_CATALOG,
  FINDING_CODES,
  FINDINGS_WORDS,
  findingWord,
} from '../../src/domain/findings-catalog.ts';
import { LOCALES } from '../../src/i18n/locales.ts';
import { qualityFindingSchema } from '../../src/domain/schemas.ts';
import { finding, sortFindings } from '../../src/pipeline/quality/finding.ts';

const SRC = join(import.meta.dirname, '../../src');
const CATALOG_FILE = 'domain/findings-catalog.ts';

function sources(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sources(path);
    return /\.(ts|astro)$/.test(d.name) ? [{ path, text: readFileSync(path, 'utf8') }] : [];
  });
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

describe('the finding catalog', () => {
  it('names every code that src/ emits, and src/ emits every code it names', () => {
    const used = new Set<string>();
    for (const { path, text } of sources(SRC)) {
      if (relative(SRC, path) === CATALOG_FILE) continue;
      for (const m of text.matchAll(/['"`]([a-z]+(?:-[a-z]+)+)['"`]/g)) {
        if (m[1]! in FINDING_CATALOG) used.add(m[1]!);
      }
    }
    // Compared in full, so a code left unused (or a source scan that finds nothing) fails.
    expect([...used].sort()).toEqual([...FINDING_CODES].sort());
    expect(FINDING_CODES.length).toBeGreaterThan(40);
  });

  it('rejects a code outside the catalog, in the builder and in quality.json', () => {
    // @ts-expect-error -- a misspelt code is a type error (npm run check)
    expect(() => finding('registry-unknwon-column', {})).toThrow();
    const parsed = qualityFindingSchema.safeParse({
      severity: 'warning',
      code: 'registry-unknwon-column',
      message: { ru: 'x', en: 'x' },
    });
    expect(parsed.success).toBe(false);
  });

  it.each(FINDING_CODES)('%s has a title, message and action in both languages', (code) => {
    for (const locale of LOCALES) {
      for (const part of ['title', 'message', 'action'] as const) {
        expect(findingWord(code, part, locale).trim(), `${locale} ${part}`).not.toBe('');
      }
      const message = findingWord(code, 'message', locale);
      expect(new Set(placeholders(message)), locale).toEqual(new Set(FINDING_CATALOG[code].params));
      expect(placeholders(findingWord(code, 'title', locale)), locale).toEqual([]);
      expect(placeholders(findingWord(code, 'action', locale)), locale).toEqual([]);
    }
  });

  it('keeps no words for codes it does not have', () => {
    for (const locale of LOCALES) {
      const coded = Object.keys(FINDINGS_WORDS[locale])
        .map((key) => /^findings\.(.+)\.(title|message|action)$/.exec(key)?.[1])
        .filter((code) => code !== undefined);
      expect(new Set(coded)).toEqual(new Set(FINDING_CODES));
    }
  });
});

describe('finding', () => {
  it("takes the catalog's severity and fills the message in both languages", () => {
    const f = finding(
      'registry-unknown-column',
      { header: 'Комментарий', sheet: 'Лист1' },
      { file: 'r.xlsx', row: 2, column: 'Комментарий' },
    );
    expect(f).toEqual({
      severity: 'warning',
      code: 'registry-unknown-column',
      message: {
        ru: 'Неизвестный столбец «Комментарий» (лист «Лист1»): его значения не используются',
        en: 'Unknown column "Комментарий" (sheet "Лист1"): its values are not used',
      },
      file: 'r.xlsx',
      row: 2,
      column: 'Комментарий',
    });
  });

  it('takes values per language, and never fills a placeholder inside a value', () => {
    // A registry value is untrusted text: "{expected}" in it stays as written.
    const f = finding('registry-unreadable-value', {
      raw: '{expected}',
      expected: { ru: 'число', en: 'a number' },
    });
    expect(f.message.en).toBe(
      'Cannot read the value "{expected}" (expected a number); the field is left empty',
    );
    expect(f.message.ru).toContain('(ожидается: число)');
  });
});

describe('sortFindings', () => {
  it('orders by severity, code, file, row, column and study, keeping ties in order', () => {
    const a = finding('dicom-no-position', {}, { file: 'studies/b/1.dcm' });
    const b = finding('dicom-truncated', { detail: 'x' }, { file: 'studies/b/1.dcm' });
    const c = finding('dicom-empty', { detail: 'x' }, { file: 'studies/a/1.dcm' });
    const d = finding('registry-unreadable-value', { raw: 'x', expected: 'y' }, { row: 9 });
    const e = finding('registry-unreadable-value', { raw: 'x', expected: 'y' }, { row: 3 });
    const m1 = finding('overview-mismatch', { label: 'A', declared: 1, computed: 2, delta: '' });
    const m2 = finding('overview-mismatch', { label: 'B', declared: 1, computed: 2, delta: '' });
    expect(sortFindings([m2, a, m1, d, b, e, c])).toEqual([c, b, m2, m1, e, d, a]);
  });
});
