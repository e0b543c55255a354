/**
 * What the browser tests expect, read from the built site itself: `<siteDir>/data/studies.json`
 * when the build copied it there, otherwise the study pages' own HTML. Never hard-coded.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { IndexStudy } from '../../src/site/studies/index-study.ts';
import { FINDING_IDS } from '../../src/domain/field-values.ts';
import { isHandleShaped } from '../../src/domain/handle.ts';
import { studiesFileSchema, type Study } from '../../src/domain/schemas.ts';

/** The studies the site was built from, or null when the site has no `data/studies.json`. */
export function readSiteStudies(siteDir: string): Study[] | null {
  const file = join(siteDir, 'data', 'studies.json');
  if (!existsSync(file)) return null;
  return studiesFileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).studies;
}

/** Slugs of the study pages that exist in the output for a locale (not the handles' redirects). */
export function builtStudySlugs(siteDir: string, locale: string): string[] {
  const dir = join(siteDir, locale, 'studies');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'index.html')))
    .filter((d) => !isHandleShaped(d.name))
    .map((d) => d.name)
    .sort();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the character references Astro writes when it escapes text. */
export function decodeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return String.fromCodePoint(code);
    }
    return ENTITIES[ref] ?? whole;
  });
}

/** The conclusion a built study page shows (the `data-conclusion` quote), or null. */
export function pageConclusion(siteDir: string, locale: string, slug: string): string | null {
  const html = readFileSync(join(siteDir, locale, 'studies', slug, 'index.html'), 'utf8');
  const match = /data-conclusion[^>]*>\s*<p[^>]*>([\s\S]*?)<\/p>/.exec(html);
  return match ? decodeHtml(match[1]!) : null;
}

/** Words of a text (letters and digits), lower-cased, at least `min` characters long. */
export function words(text: string, min = 4): string[] {
  return [...text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)]
    .map((m) => m[0])
    .filter((w) => w.length >= min);
}

/**
 * The study whose conclusion has the rarest word (the fewest other conclusions contain it),
 * and that word: the sharpest search probe the data allows.
 */
export function rarestConclusionWord(
  conclusions: ReadonlyMap<string, string>,
): { slug: string; word: string; studiesWithWord: number } | null {
  const documentFrequency = new Map<string, number>();
  for (const text of conclusions.values()) {
    for (const w of new Set(words(text))) {
      documentFrequency.set(w, (documentFrequency.get(w) ?? 0) + 1);
    }
  }
  let best: { slug: string; word: string; studiesWithWord: number } | null = null;
  for (const [slug, text] of conclusions) {
    for (const w of words(text)) {
      const df = documentFrequency.get(w)!;
      if (!best || df < best.studiesWithWord) best = { slug, word: w, studiesWithWord: df };
    }
  }
  return best;
}

/** Class, present findings and sex of every study, as plain values the tests compare. */
export interface ExpectedStudy {
  class: string;
  findings: string[];
  sex: string;
}

/** The studies as the index's data file (the browser's source for filters) gives them. */
export function indexStudies(siteDir: string): IndexStudy[] {
  const file = join(siteDir, 'data', 'studies-index.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { studies: IndexStudy[] }).studies;
}

/** Every study's class, findings and sex: from data/studies.json, else the index's own data. */
export function expectedStudies(siteDir: string): ExpectedStudy[] {
  const studies: Pick<Study, 'pathology' | 'findings' | 'sex'>[] =
    readSiteStudies(siteDir) ?? indexStudies(siteDir);
  return studies.map((s) => ({
    class: s.pathology === null ? 'unknown' : s.pathology ? 'pathology' : 'normal',
    findings: FINDING_IDS.filter((id) => s.findings[id] === true),
    sex: s.sex ?? 'unknown',
  }));
}

/** How many rows the studies index shows. */
export const visibleRows = (page: Page) => page.locator('tr[data-study-row]:not([hidden])').count();
