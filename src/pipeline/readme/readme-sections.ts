/**
 * The README template's sections and how each is recognised: stems of the heading's words, in
 * Russian and English (MosMedData's two README languages). A heading matches a section when it
 * holds all the stems of one pattern; the first matching heading with content wins, so a
 * parent heading ("Аффилиация и авторы") with only sub-headings under it is passed over.
 */
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
