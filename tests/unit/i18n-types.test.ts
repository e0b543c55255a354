/**
 * Typed keys: each `@ts-expect-error` below must be an error for `npm run check` (tsc fails on
 * an unused one), and the same calls throw at run time, so neither check can pass vacuously.
 */
import { describe, expect, it } from 'vitest';
import type { FindingId } from '../../src/domain/field-values.ts';
import { useBrowserTranslations } from '../../src/i18n/browser.ts';
import { oneOf, useTranslations } from '../../src/i18n/index.ts';

const t = useTranslations('ru');

describe('typed UI string keys', () => {
  it('a misspelt key fails the type check and throws', () => {
    // @ts-expect-error: 'nav.hom' is not a key
    expect(() => t('nav.hom')).toThrow(/Missing UI string "nav.hom"/);
  });

  it('a plural key needs a count', () => {
    // @ts-expect-error: `count` is missing
    expect(() => t('size.files', { n: '3' })).toThrow(/needs a numeric count/);
    expect(t('size.files', { count: 3, n: '3' })).toBe('3\u00a0файла');
  });

  it('a key built at run time comes from a typed set', () => {
    const id: FindingId = 'subdural';
    expect(t(`finding.${id}`)).toBe('Субдуральное кровоизлияние');
    const raw: string = 'subdurall';
    // @ts-expect-error: a plain string does not make a key
    expect(() => t(`finding.${raw}`)).toThrow(/Missing UI string/);
    expect(() => t(`finding.${oneOf(['subdural', 'epidural'], raw)}`)).toThrow(/not one of/);
  });

  it('the browser translator knows only the areas it ships', () => {
    const browser = useBrowserTranslations('en');
    expect(browser('finding.subdural')).toBe('Subdural hemorrhage');
    // @ts-expect-error: the datasheet's words are not in the browser bundles
    expect(() => browser('datasheet.title')).toThrow(/Missing UI string/);
  });
});
