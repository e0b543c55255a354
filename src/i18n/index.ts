/**
 * UI strings: flat dotted keys, one folder per language (`src/i18n/<lang>/*.json`), one file
 * per area of the site so that areas can grow independently. Russian is the reference: every
 * key must exist in English too (tests/unit/site/i18n-keys.test.ts checks it).
 */
import type { Locale } from '../domain/labels.ts';

type Strings = Record<string, string>;

function merge(modules: Record<string, unknown>): Strings {
  return Object.assign(
    {},
    ...Object.values(modules).map((m) => (m as { default: Strings }).default),
  );
}

// findings.json is read by the finding catalog (src/domain/findings-catalog.ts), not by this
// translator: browser bundles that import the translator would carry its ~30 KB of words.
export const STRINGS: Record<Locale, Strings> = {
  ru: merge(import.meta.glob(['./ru/*.json', '!./ru/findings.json'], { eager: true })),
  en: merge(import.meta.glob(['./en/*.json', '!./en/findings.json'], { eager: true })),
};

/** Returns a translator for one locale; an unknown key throws, so a typo fails the build. */
export function useTranslations(locale: Locale) {
  return (key: string, vars: Record<string, string | number> = {}): string => {
    const template = STRINGS[locale][key];
    if (template === undefined) throw new Error(`Missing UI string "${key}" for ${locale}`);
    return template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
  };
}
