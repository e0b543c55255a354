import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const I18N = resolve(import.meta.dirname, '../../../src/i18n');
const load = (lang: string, file: string) =>
  JSON.parse(readFileSync(join(I18N, lang, file), 'utf8')) as Record<string, string>;

describe('UI strings', () => {
  const files = readdirSync(join(I18N, 'ru')).filter((f) => f.endsWith('.json'));
  it.each(files)('%s has the same keys and placeholders in Russian and English', (file) => {
    const ru = load('ru', file);
    const en = load('en', file);
    expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort());
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(ru)) {
      expect(ru[key]!.trim(), key).not.toBe('');
      expect(vars(en[key]!), key).toEqual(vars(ru[key]!));
    }
  });
});
