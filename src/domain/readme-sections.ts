/**
 * The README template's sections and how each is recognised: stems of the heading's words, in
 * Russian and English (MosMedData's two README languages). A heading matches a section when it
 * holds all the stems of one pattern; the first matching heading with content wins, so a
 * parent heading ("Аффилиация и авторы") with only sub-headings under it is passed over.
 * The build reads the facts by these (src/pipeline/readme/); the About page finds where to add
 * its notes by them (src/site/readme-html.ts).
 */

/** Lower case, "ё" as "е", every run of non-letters and non-digits a word break. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replaceAll('ё', 'е')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Whether the words hold every stem of at least one of the patterns (a stem matches a word
 * that starts with it).
 * @example matches(words('Версия набора данных'), [['верси'], ['version']]) // true
 */
export function matches(ws: readonly string[], patterns: readonly (readonly string[])[]): boolean {
  return patterns.some((stems) => stems.every((stem) => ws.some((w) => w.startsWith(stem))));
}

export const README_SECTIONS = {
  title: [['назван'], ['title'], ['dataset', 'name'], ['name']],
  internalCode: [['внутрен', 'код'], ['internal', 'code'], ['код'], ['code']],
  annotationClass: [
    ['класс', 'размет'],
    ['annotation', 'class'],
    ['label', 'class'],
  ],
  verification: [['верифик'], ['verif'], ['валидац'], ['validat']],
  keywords: [['ключев'], ['keyword'], ['key', 'word'], ['тег'], ['tag']],
  languages: [['язык'], ['language']],
  funding: [['финансир'], ['fund'], ['грант'], ['grant']],
  version: [['верси'], ['version']],
  permanentLink: [['постоян', 'ссылк'], ['permanent', 'link'], ['ссылк'], ['link'], ['url']],
  datePublished: [
    ['дат', 'публикац'],
    ['publication', 'date'],
    ['date', 'publish'],
    ['published'],
    ['дата'],
    ['date'],
  ],
  authors: [['автор'], ['author']],
  affiliation: [['аффилиац'], ['affiliation'], ['организац'], ['organi']],
  overview: [['обзор'], ['overview'], ['характеристик'], ['summary', 'data']],
  license: [['лиценз'], ['licen']],
  citation: [['цитир'], ['citation'], ['citing'], ['cite']],
} as const satisfies Record<string, readonly (readonly string[])[]>;
export type ReadmeSectionId = keyof typeof README_SECTIONS;
export const README_SECTION_IDS = Object.keys(README_SECTIONS) as ReadmeSectionId[];

/**
 * The data-overview table's lines, recognised by their label. Checked in this order: the
 * specific lines (age, sex, classes) before the counts, so "Распределение по полу, чел." is
 * the sex line although it counts people.
 */
export const OVERVIEW_LABELS = [
  ['age', [['возраст'], ['age']]],
  ['sex', [['пол'], ['sex'], ['gender']]],
  ['classes', [['класс'], ['class'], ['патолог'], ['patholog']]],
  ['patients', [['пациент'], ['patient'], ['человек'], ['people'], ['persons']]],
  ['studies', [['исследован'], ['stud'], ['exam'], ['scan']]],
] as const;
