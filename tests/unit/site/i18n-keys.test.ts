import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, LOCALE_TAGS, LOCALES } from '../../../src/i18n/locales.ts';
import { CATALOG } from '../../../src/i18n/catalog.ts';

const I18N = resolve(import.meta.dirname, '../../../src/i18n');
// findings.json is the finding catalog's own (src/domain/findings-catalog.ts reads it), kept out
// of the translator so that browser bundles do not carry its words.
const jsonFiles = (locale: string) =>
  readdirSync(join(I18N, locale))
    .filter((f) => f.endsWith('.json') && f !== 'findings.json')
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
const load = (locale: string, area: string) =>
  JSON.parse(readFileSync(join(I18N, locale, `${area}.json`), 'utf8')) as Record<string, string>;

const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];
const PLURAL = new RegExp(`^(.+)_(${CATEGORIES.join('|')})$`);
/** A key without its plural suffix. */
const base = (key: string) => PLURAL.exec(key)?.[1] ?? key;
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))];

describe('UI strings', () => {
  it('the catalog lists every JSON file of every locale folder, and nothing else', () => {
    const areas = Object.keys(CATALOG).sort();
    for (const locale of LOCALES) {
      const missing = jsonFiles(locale).filter((f) => !areas.includes(f));
      // A new file pair is typed and loaded only once src/i18n/catalog.ts imports it.
      expect(missing, `add to src/i18n/catalog.ts: ${missing.join(', ')}`).toEqual([]);
      expect(jsonFiles(locale)).toEqual(areas);
    }
  });

  it('the catalog holds what the files hold', () => {
    for (const [area, byLocale] of Object.entries(CATALOG)) {
      for (const locale of LOCALES) expect(byLocale[locale]).toEqual(load(locale, area));
    }
  });

  it('no key is defined in two files', () => {
    const seen = new Map<string, string>();
    for (const [area, byLocale] of Object.entries(CATALOG)) {
      for (const key of Object.keys(byLocale[DEFAULT_LOCALE])) {
        expect(seen.get(base(key)) ?? area, `${key} in ${area}`).toBe(area);
        seen.set(base(key), area);
      }
    }
  });

  const areas = Object.keys(CATALOG);
  const others = LOCALES.filter((l) => l !== DEFAULT_LOCALE);
  it.each(areas)('%s: every language has the same keys and placeholders', (area) => {
    const reference = load(DEFAULT_LOCALE, area);
    const baseKeys = (strings: Record<string, string>) =>
      [...new Set(Object.keys(strings).map(base))].sort();
    for (const locale of others) {
      const strings = load(locale, area);
      expect(baseKeys(strings), locale).toEqual(baseKeys(reference));
      for (const key of Object.keys(strings)) {
        expect(strings[key]!.trim(), key).not.toBe('');
        // Every form of a key, in every language, uses the same placeholders.
        const ref = Object.keys(reference).find((k) => base(k) === base(key))!;
        expect(placeholders(strings[key]!).sort(), key).toEqual(
          placeholders(reference[ref]!).sort(),
        );
      }
    }
  });

  it.each(LOCALES)(
    '%s: each plural key has exactly the forms of the language’s plural rules',
    (locale) => {
      const categories = new Intl.PluralRules(LOCALE_TAGS[locale].intl)
        .resolvedOptions()
        .pluralCategories.slice()
        .sort();
      const forms = new Map<string, string[]>();
      for (const area of areas) {
        const strings = load(locale, area);
        for (const key of Object.keys(strings)) {
          const match = PLURAL.exec(key);
          if (!match) continue;
          expect(strings[match[1]!], `${key} and a plain ${match[1]}`).toBeUndefined();
          forms.set(match[1]!, [...(forms.get(match[1]!) ?? []), match[2]!]);
          expect(strings[key], key).toContain('{');
        }
      }
      expect(forms.size).toBeGreaterThan(0);
      for (const [key, found] of forms) expect(found.sort(), key).toEqual(categories);
    },
  );
});
