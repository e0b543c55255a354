/**
 * One README file read into the facts it states, by meaning (see readme-sections.ts). Pure:
 * text in, facts and problems out; a section that is missing or that says something the
 * build cannot read is a problem, never an exception.
 */
import type { Overview } from '../../domain/schemas.ts';
import {
  blocks,
  clean,
  firstTable,
  matches,
  parseMarkdown,
  sections,
  sectionText,
  urls,
  words,
  type Section,
} from './markdown.ts';
import { readOverviewTable } from './overview-table.ts';
import {
  README_SECTION_IDS,
  README_SECTIONS,
  type ReadmeSectionId,
} from '../../domain/readme-sections.ts';

export interface ReadmePerson {
  family: string;
  initials: string;
}

/** What one README states; a fact it does not state (or that cannot be read) is absent. */
export interface ReadmeFacts {
  title?: string;
  internalCode?: string;
  annotationClass?: string;
  verification?: string;
  keywords?: string[];
  /** BCP 47 codes of the languages named. */
  languages?: string[];
  languageNames?: string;
  funding?: { text: string; grant?: string; url?: string };
  version?: string;
  permanentLink?: string;
  /** ISO date. */
  datePublished?: string;
  authors?: ReadmePerson[];
  affiliation?: string;
  overview?: Partial<Overview>;
  license?: { url?: string; copyrightYear?: number; text: string };
  recommendedCitation?: string;
}

export type ReadmeProblem =
  | { kind: 'missing'; section: ReadmeSectionId }
  | { kind: 'unreadable'; section: ReadmeSectionId; heading: string; raw: string };

export interface ReadmeReading {
  facts: ReadmeFacts;
  problems: ReadmeProblem[];
  /** The heading each fact was read under, as written (for findings). */
  headings: Partial<Record<ReadmeSectionId, string>>;
}

/** The first section with content whose heading matches the id's patterns. */
function findSection(all: readonly Section[], id: ReadmeSectionId): Section | undefined {
  const patterns = README_SECTIONS[id];
  return all.find(
    (s) => s.depth > 0 && matches(s.words, patterns) && s.nodes.some((n) => n.type !== 'html'),
  );
}

const LANGUAGE_CODES: readonly [string, string][] = [
  ['англ', 'en'],
  ['english', 'en'],
  ['рус', 'ru'],
  ['russian', 'ru'],
];

/** "12.10.2023", "2023-10-12", "12/10/2023" as an ISO date, else null. */
export function isoDate(text: string): string | null {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  const dmy = /\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/.exec(text);
  const [y, m, d] = iso
    ? [iso[1]!, iso[2]!, iso[3]!]
    : dmy
      ? [dmy[3]!, dmy[2]!.padStart(2, '0'), dmy[1]!.padStart(2, '0')]
      : [];
  if (!y || !m || !d) return null;
  const date = new Date(`${y}-${m}-${d}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${y}-${m}-${d}`
    ? null
    : `${y}-${m}-${d}`;
}

/** "Хоружая А.Н. [1]" or "A. N. Khoruzhaya" as family name and initials ("А.Н."). */
export function person(text: string): ReadmePerson | null {
  const bare = clean(text.replace(/\[[^\]]*\]/g, '').replace(/[,;]$/, ''));
  const initials = String.raw`((?:\p{Lu}\.\s*){1,3})`;
  const after = new RegExp(String.raw`^(\p{Lu}[\p{L}'’-]+)\s+${initials}$`, 'u').exec(bare);
  if (after) return { family: after[1]!, initials: after[2]!.replace(/\s+/g, '') };
  const before = new RegExp(String.raw`^${initials}\s*(\p{Lu}[\p{L}'’-]+)$`, 'u').exec(bare);
  if (before) return { family: before[2]!, initials: before[1]!.replace(/\s+/g, '') };
  return null;
}

/**
 * Reads one README.
 * @example readReadme('## Версия\n\n1.1.0').facts.version // '1.1.0'
 */
export function readReadme(text: string): ReadmeReading {
  const all = sections(parseMarkdown(text));
  const facts: ReadmeFacts = {};
  const problems: ReadmeProblem[] = [];
  const headings: ReadmeReading['headings'] = {};
  const unreadable = (section: ReadmeSectionId, s: Section, raw: string) =>
    problems.push({ kind: 'unreadable', section, heading: s.heading, raw: raw.slice(0, 200) });

  for (const id of README_SECTION_IDS) {
    const section = findSection(all, id);
    if (!section) {
      // The title is also the README's first top-level heading.
      const h1 = all.find((s) => s.depth === 1);
      if (id === 'title' && h1) {
        facts.title = h1.heading;
        headings.title = h1.heading;
        continue;
      }
      // A table of figures anywhere still counts as the overview.
      if (id === 'overview') {
        const table = firstTable(all.flatMap((s) => s.nodes));
        const read = table ? readOverviewTable(table) : null;
        if (read && Object.keys(read.overview).length > 0) {
          facts.overview = read.overview;
          continue;
        }
      }
      problems.push({ kind: 'missing', section: id });
      continue;
    }
    headings[id] = section.heading;
    const text = sectionText(section);
    const first = text.split('\n')[0] ?? '';
    switch (id) {
      case 'title':
      case 'internalCode':
      case 'annotationClass':
      case 'verification':
        facts[id] = clean(text.replace(/\n/g, ' '));
        break;
      case 'keywords': {
        const list = text
          .split(/[,;\n]/)
          .map(clean)
          .filter(Boolean);
        if (list.length) facts.keywords = list;
        else unreadable(id, section, text);
        break;
      }
      case 'languages': {
        const ws = words(text);
        const codes = LANGUAGE_CODES.filter(([stem]) => ws.some((w) => w.startsWith(stem))).map(
          ([, code]) => code,
        );
        if (codes.length) {
          facts.languages = [...new Set(codes)].sort();
          facts.languageNames = clean(text.replace(/\n/g, ' '));
        } else unreadable(id, section, text);
        break;
      }
      case 'funding': {
        const grant =
          /(?:№|No\.?|N)\s*([\d][\d-]*\d)/u.exec(text)?.[1] ??
          /\b\d{2}-\d{2}-\d{5}\b/.exec(text)?.[0];
        const url = urls(section.nodes)[0];
        const sentence = clean(text.replace(/\n/g, ' ').replace(/,?\s*https?:\/\/\S+/g, ''));
        facts.funding = { text: sentence, ...(grant ? { grant } : {}), ...(url ? { url } : {}) };
        break;
      }
      case 'version': {
        const version = /\bv?(\d+(?:\.\d+){0,3}(?:-[0-9A-Za-z.-]+)?)\b/.exec(first)?.[1];
        if (version) facts.version = version;
        else unreadable(id, section, text);
        break;
      }
      case 'permanentLink': {
        const url = urls(section.nodes)[0];
        if (url) facts.permanentLink = url;
        else unreadable(id, section, text);
        break;
      }
      case 'datePublished': {
        const date = isoDate(text);
        if (date) facts.datePublished = date;
        else unreadable(id, section, text);
        break;
      }
      case 'authors': {
        const lines = blocks(section.nodes).flatMap((line) => line.split(/[,;](?=\s*\p{Lu})/u));
        const people = lines.map(person);
        const bad = lines.filter((_, i) => people[i] === null);
        if (bad.length) unreadable(id, section, bad.join('; '));
        const read = people.filter((p): p is ReadmePerson => p !== null);
        if (read.length) facts.authors = read;
        break;
      }
      case 'affiliation': {
        const line = clean(first.replace(/^\[\d+\]\s*/, ''));
        if (line) facts.affiliation = line;
        else unreadable(id, section, text);
        break;
      }
      case 'overview': {
        const table = firstTable(section.nodes);
        const read = table ? readOverviewTable(table) : null;
        if (!read) {
          unreadable(id, section, text);
          break;
        }
        facts.overview = read.overview;
        for (const raw of read.unreadable) unreadable(id, section, raw);
        break;
      }
      case 'license': {
        const url = urls(section.nodes).find((u) => /creativecommons\.org\/licenses\//.test(u));
        const year = /©\s*(\d{4})/.exec(text)?.[1];
        facts.license = {
          text: clean(text.replace(/\n/g, ' ')),
          ...(url ? { url } : {}),
          ...(year ? { copyrightYear: Number(year) } : {}),
        };
        if (!url) unreadable(id, section, text);
        break;
      }
      case 'citation': {
        // The first line introduces the form ("Рекомендованная форма для цитирования:").
        const lines = text.split('\n').filter((l) => !/:$/.test(l));
        if (lines.length) facts.recommendedCitation = lines.join(' ');
        else unreadable(id, section, text);
        break;
      }
    }
  }
  return { facts, problems, headings };
}
