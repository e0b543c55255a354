/**
 * The dataset's facts from its two READMEs: each fact from the README of its language, else
 * from the other README (its words kept, or our curated translation where they are the seed's
 * words), else the seed's; every gap and every disagreement between RU and EN a finding that
 * names the file and the heading.
 */
import { factsSummary, type DatasetFacts } from '../../domain/facts.ts';
import { findingsText } from '../../domain/findings-catalog.ts';
import type { Locale, Localized } from '../../i18n/locales.ts';
import { OVERVIEW_KEYS } from '../../domain/overview-model.ts';
import type { QualityFinding } from '../../domain/schemas.ts';
import { finding } from '../quality/finding.ts';
import { licenseFromUrl } from './license-from-url.ts';
import type { ReadmeFacts, ReadmeReading } from './read-readme.ts';
import type { ReadmeSectionId } from '../../domain/readme-sections.ts';

export const README_FILES: Record<Locale, string> = { ru: 'README_RU.md', en: 'README_EN.md' };

export interface ResolvedFacts {
  facts: DatasetFacts;
  findings: QualityFinding[];
}

const other = (l: Locale): Locale => (l === 'ru' ? 'en' : 'ru');
const sectionName = (id: ReadmeSectionId) => findingsText(`readme.section.${id}`);

/**
 * Resolves the facts; `readings` holds the README of each language the folder has.
 * @example resolveFacts(SEED_FACTS, { ru: readReadme(text) }).facts.version
 */
export function resolveFacts(
  seed: DatasetFacts,
  readings: Partial<Record<Locale, ReadmeReading>>,
): ResolvedFacts {
  const findings: QualityFinding[] = [];
  const read = (l: Locale): ReadmeFacts | undefined => readings[l]?.facts;
  const heading = (id: ReadmeSectionId) =>
    readings.ru?.headings[id] ?? readings.en?.headings[id] ?? sectionName(id).ru;

  for (const l of ['ru', 'en'] as const) {
    const reading = readings[l];
    if (!reading) continue;
    for (const p of reading.problems) {
      const where = { file: README_FILES[l] };
      findings.push(
        p.kind === 'missing'
          ? finding('readme-missing-section', { section: sectionName(p.section) }, where)
          : finding(
              'readme-unreadable-value',
              { section: sectionName(p.section), heading: p.heading, raw: p.raw },
              where,
            ),
      );
    }
  }

  /** A per-language text: own README, else the other's (the seed's translation if it is the seed's). */
  const text = (pick: (f: ReadmeFacts) => string | undefined, fallback: Localized): Localized => {
    const value = (l: Locale): string => {
      const own = read(l) && pick(read(l)!);
      if (own !== undefined) return own;
      const theirs = read(other(l)) && pick(read(other(l))!);
      if (theirs === undefined || theirs === fallback[other(l)]) return fallback[l];
      return theirs;
    };
    return { ru: value('ru'), en: value('en') };
  };

  /** A language-independent fact: both READMEs must agree; RU first, then EN, then the seed. */
  const same = <T>(
    id: ReadmeSectionId,
    label: Localized,
    pick: (f: ReadmeFacts) => T | undefined,
    fallback: T,
  ): T => {
    const ru = read('ru') && pick(read('ru')!);
    const en = read('en') && pick(read('en')!);
    if (ru !== undefined && en !== undefined && JSON.stringify(ru) !== JSON.stringify(en)) {
      findings.push(
        finding(
          'readme-disagreement',
          { fact: label, heading: heading(id), ru: show(ru), en: show(en) },
          { file: README_FILES.en },
        ),
      );
    }
    return ru ?? en ?? fallback;
  };

  const overview = { ...seed.declaredOverview };
  for (const key of OVERVIEW_KEYS) {
    if (key === 'sexUnknown') continue;
    overview[key] = same(
      'overview',
      findingsText(`overview.${key}`),
      (f) => f.overview?.[key],
      overview[key],
    ) as never;
  }
  overview.sexUnknown = overview.patients - overview.male - overview.female;

  const licenseUrl = same(
    'license',
    sectionName('license'),
    (f) => f.license?.url,
    seed.license.url,
  );
  const license = licenseFromUrl(licenseUrl) ?? seed.license;
  const permanentLink = same(
    'permanentLink',
    sectionName('permanentLink'),
    (f) => f.permanentLink,
    seed.permanentLink,
  );
  const grant = same(
    'funding',
    sectionName('funding'),
    (f) => f.funding?.grant,
    seed.funding.grant,
  );
  const authors = resolveAuthors(seed, readings);
  const copyrightYear = same(
    'license',
    sectionName('license'),
    (f) => f.license?.copyrightYear,
    seed.copyright.year,
  );

  const facts: DatasetFacts = {
    ...seed,
    title: text((f) => f.title, seed.title),
    summary: factsSummary(overview.studies),
    internalCode: same(
      'internalCode',
      sectionName('internalCode'),
      (f) => f.internalCode,
      seed.internalCode,
    ),
    annotationClass: text((f) => f.annotationClass, seed.annotationClass),
    verification: text((f) => f.verification, seed.verification),
    keywords: {
      ru: text((f) => f.keywords?.join(', '), joinEach(seed.keywords)).ru.split(', '),
      en: text((f) => f.keywords?.join(', '), joinEach(seed.keywords)).en.split(', '),
    },
    languages: same('languages', sectionName('languages'), (f) => f.languages, seed.languages),
    languageNames: text((f) => f.languageNames, seed.languageNames),
    funding: {
      grant,
      funder: seed.funding.funder,
      url: same('funding', sectionName('funding'), (f) => f.funding?.url, seed.funding.url),
      text: text((f) => f.funding?.text.replace(/[.,;]\s*$/, ''), seed.funding.text),
    },
    version: same('version', sectionName('version'), (f) => f.version, seed.version),
    permanentLink,
    datePublished: same(
      'datePublished',
      sectionName('datePublished'),
      (f) => f.datePublished,
      seed.datePublished,
    ),
    authors,
    affiliation: text((f) => f.affiliation, seed.affiliation),
    copyright: { ...seed.copyright, year: copyrightYear },
    license,
    recommendedCitation: text((f) => f.recommendedCitation, seed.recommendedCitation),
    declaredOverview: overview,
  };
  facts.copyright = {
    year: copyrightYear,
    holder: facts.affiliation,
    text: {
      ru: `Copyright © ${copyrightYear} ${facts.affiliation.ru}.`,
      en: `Copyright © ${copyrightYear} ${facts.affiliation.en}.`,
    },
  };
  if (readings.ru && readings.en) {
    const [ru, en] = [readings.ru.facts.authors?.length, readings.en.facts.authors?.length];
    if (ru !== undefined && en !== undefined && ru !== en) {
      findings.push(
        finding(
          'readme-disagreement',
          {
            fact: sectionName('authors'),
            heading: heading('authors'),
            ru: String(ru),
            en: String(en),
          },
          { file: README_FILES.en },
        ),
      );
    }
  }
  return { facts, findings };
}

function show(value: unknown): string {
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function joinEach(k: DatasetFacts['keywords']): Localized {
  return { ru: k.ru.join(', '), en: k.en.join(', ') };
}

/** Authors by position: each language's names from its README, else as the other writes them. */
function resolveAuthors(
  seed: DatasetFacts,
  readings: Partial<Record<Locale, ReadmeReading>>,
): DatasetFacts['authors'] {
  const ru = readings.ru?.facts.authors;
  const en = readings.en?.facts.authors;
  const list = ru ?? en;
  if (!list) return seed.authors;
  const seedNames = (l: Locale) =>
    seed.authors.map((p) => `${p.family[l]} ${p.initials[l]}`).join('; ');
  const names = (people: typeof list) => people.map((p) => `${p.family} ${p.initials}`).join('; ');
  // One README only: the seed's other-language names where its list is the seed's.
  if (!ru || !en) {
    const l: Locale = ru ? 'ru' : 'en';
    if (names(list) === seedNames(l)) return seed.authors;
  }
  return list.map((p, i) => {
    const r = ru?.[i] ?? p;
    const e = en?.[i] ?? p;
    return {
      family: { ru: r.family, en: e.family },
      initials: { ru: r.initials, en: e.initials },
    };
  });
}
