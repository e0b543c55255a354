/**
 * Every citation format the cite page offers, produced by citation-js at build time (no
 * network: the GOST style is a file in this repository, APA and Vancouver ship with
 * @citation-js/plugin-csl).
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
// Bundled as text by Vite (Astro build and vitest), so no file is read at run time.
import gostCsl from '../csl/gost-r-7-0-100-2018.csl?raw';
import ruLocale from '../csl/locales-ru-RU.xml?raw';
import { useTranslations } from '../../i18n/index.ts';
import { LOCALES } from '../../i18n/locales.ts';
import type { CslItem } from './items.ts';

export const CITATION_FORMATS = ['gost', 'apa', 'vancouver', 'bibtex', 'ris', 'csl-json'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

const GOST_TEMPLATE = 'gost-r-7-0-100-2018';
/** The styles as registered: each one's single-entry form (`singleEntryStyle`). */
const STYLE_TEMPLATES = {
  gost: `${GOST_TEMPLATE}-single`,
  apa: 'apa-single',
  vancouver: 'vancouver-single',
} as const;
let registered = false;

/**
 * A CSL style reduced to what a bibliography of one entry uses: the in-text `<citation>`
 * becomes a stub and the bibliography's `<sort>` goes. citeproc compiles every layout and
 * sort key when it builds an engine (once per style and language), and for APA that took
 * about two CPU-seconds per language, most of the site's render time; with one entry there is
 * nothing to sort and no in-text citation is printed, so the text is the same.
 * @example singleEntryStyle('<citation a="1"><layout/></citation><bibliography><sort/><layout/></bibliography>')
 * // '<citation><layout><text variable="title"/></layout></citation><bibliography><layout/></bibliography>'
 */
export function singleEntryStyle(xml: string): string {
  return xml
    .replace(
      /<citation\b[\s\S]*?<\/citation>/,
      '<citation><layout><text variable="title"/></layout></citation>',
    )
    .replace(/<bibliography\b[\s\S]*?<\/bibliography>/, (bibliography) =>
      bibliography.replace(/<sort\b[\s\S]*?<\/sort>|<sort\b[^>]*\/>/, ''),
    );
}

/** Registers the styles (the repository's GOST R 7.0.100-2018, APA, Vancouver), once. */
function registerStyles(): void {
  if (registered) return;
  const styles = plugins.config.get('@csl').styles;
  styles.add(STYLE_TEMPLATES.gost, singleEntryStyle(gostCsl));
  styles.add(STYLE_TEMPLATES.apa, singleEntryStyle(styles.get('apa')));
  styles.add(STYLE_TEMPLATES.vancouver, singleEntryStyle(styles.get('vancouver')));
  // citation-js ships no Russian locale: without it, Russian entries got English words
  // ("[Internet]", "Available from:", "Version").
  plugins.config.get('@csl').locales.add('ru-RU', ruLocale);
  // Keep Cyrillic as UTF-8 (biber and modern BibTeX read it); the ASCII escaping drops it.
  const bibtex = plugins.config.get('@bibtex');
  bibtex.format.asciiOnly = false;
  bibtex.format.useIdAsLabel = true;
  registered = true;
}

/**
 * One item in one format, as plain text.
 * @example formatCitation(paperItem(), 'bibtex') // '@article{khoruzhaya-2024-expanded, ...}'
 */
export function formatCitation(item: CslItem, format: CitationFormat): string {
  registerStyles();
  const cite = new Cite([item]);
  switch (format) {
    case 'bibtex':
      return bibtexVersion(bibtexMonth(cite.format('bibtex', { format: 'text' }).trim()), item);
    case 'ris':
      return unwrapRis(cite.format('ris', { format: 'text' }).trim());
    case 'csl-json':
      return JSON.stringify([item], null, 2);
    default: {
      const text = cite
        .format('bibliography', {
          format: 'text',
          template: STYLE_TEMPLATES[format],
          lang: item.language,
        })
        .trim()
        .replace(/^1\.\s+/, ''); // a single reference needs no list number
      return format === 'vancouver' ? vancouverVersion(text, item) : text;
    }
  }
}

/**
 * The CSL Vancouver style prints no version; NLM's Citing Medicine puts it after the medium
 * ("[Internet]. Version 1.0.0. Moscow: …"), as for software and databases.
 * @example vancouverVersion('T [Internet]. Moscow: P; 2023.', { version: '1.1.0', language: 'en-US' })
 * // 'T [Internet]. Version 1.1.0. Moscow: P; 2023.'
 */
export function vancouverVersion(text: string, item: Pick<CslItem, 'version' | 'language'>) {
  if (!item.version) return text;
  const locale = LOCALES.find((l) => item.language.startsWith(l)) ?? 'en';
  const words = useTranslations(locale)('cite.item.version', { version: item.version });
  return text.replace(/(\[(?:Internet|Электронный ресурс)\]\.)\s/u, `$1 ${words} `);
}

/**
 * BibTeX's month field takes a month macro (`month = oct`); citation-js writes the day into it
 * (`month = {oct 12}`), which BibTeX prints as is and biber rejects. The day is dropped here:
 * BibTeX has no field for it, and RIS, CSL-JSON and CITATION.cff keep the full date.
 * @example bibtexMonth('\tmonth = {oct 12},') // '\tmonth = oct,'
 */
export function bibtexMonth(bibtex: string): string {
  return bibtex.replace(/^(\s*month = )\{([a-z]{3})(?: \d{1,2})?\}/gm, '$1$2');
}

/**
 * citation-js leaves the version out of BibTeX; biblatex has a `version` field for it (plain
 * BibTeX styles ignore an unknown field), added after the entry's first line.
 * @example bibtexVersion('@misc{a,\n\ttitle = {T}\n}', { version: '1.1.0' })
 * // '@misc{a,\n\tversion = {1.1.0},\n\ttitle = {T}\n}'
 */
export function bibtexVersion(bibtex: string, item: Pick<CslItem, 'version'>): string {
  if (!item.version || /^\s*version = /m.test(bibtex)) return bibtex;
  return bibtex.replace(/^(@\w+\{[^,\n]*,)\n/, `$1\n\tversion = {${item.version}},\n`);
}

/**
 * Joins the continuation lines citation-js inserts every 70 characters: they split words,
 * and importers differ on how they rejoin them.
 * @example unwrapRis('TI  - Intrac\nranial\nER  -') // 'TI  - Intracranial\nER  -'
 */
export function unwrapRis(ris: string): string {
  return ris.replace(/\n(?![A-Z][A-Z0-9] {2}-)/g, '');
}

/** All formats of one item. */
export function formatAll(item: CslItem): Record<CitationFormat, string> {
  return Object.fromEntries(CITATION_FORMATS.map((f) => [f, formatCitation(item, f)])) as Record<
    CitationFormat,
    string
  >;
}
