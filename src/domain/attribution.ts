/**
 * The attribution CC BY-NC-ND 3.0 and the README require when the dataset is shared: authors,
 * their organisation, the copyright holder, the permanent link and the licence link.
 */
import type { Locale } from '../i18n/locales.ts';
import { FACTS, personName } from './facts.ts';

export const ATTRIBUTION_FORMATS = ['text', 'html', 'markdown'] as const;
export type AttributionFormat = (typeof ATTRIBUTION_FORMATS)[number];

/**
 * Escapes text for HTML element content and attribute values.
 * @example escapeHtml('<a href="x">') // '&lt;a href=&quot;x&quot;&gt;'
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const WORDS = {
  ru: { by: 'авторы', link: 'Постоянная ссылка', license: 'Лицензия', open: '«', close: '»' },
  en: { by: 'by', link: 'Permanent link', license: 'Licensed under', open: '“', close: '”' },
} as const;

/** The parts every format is made of. */
export function attributionParts(locale: Locale) {
  return {
    title: FACTS.title[locale],
    authors: FACTS.authors.map((p) => personName(p, locale)).join(', '),
    affiliation: FACTS.affiliation[locale],
    copyright: `© ${FACTS.copyright.year} ${FACTS.copyright.holder[locale]}`,
    permanentLink: FACTS.permanentLink,
    licenseName: FACTS.license.short,
    licenseUrl: FACTS.license.url,
  };
}

/**
 * The attribution in one language and format.
 * @example attributionText('en', 'text').startsWith('“MosMedData') // true
 */
export function attributionText(locale: Locale, format: AttributionFormat): string {
  const p = attributionParts(locale);
  const w = WORDS[locale];
  const link = (text: string, url: string) =>
    format === 'html'
      ? `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>`
      : format === 'markdown'
        ? `[${text}](${url})`
        : `${text} (${url})`;
  const text = (value: string) => (format === 'html' ? escapeHtml(value) : value);
  const permanent = format === 'text' ? p.permanentLink : link(p.permanentLink, p.permanentLink);
  return [
    `${w.open}${text(p.title)}${w.close}, ${w.by}: ${text(p.authors)} (${text(p.affiliation)}).`,
    `${text(p.copyright)}.`,
    `${w.link}: ${permanent}.`,
    `${w.license} ${link(p.licenseName, p.licenseUrl)}.`,
  ].join(' ');
}
