/**
 * The dataset's README read by meaning: the seed README and the sample's English one give the
 * seed's facts; drifting headings, table labels and units still read; missing or unreadable
 * sections and RU/EN disagreements are findings, never exceptions.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED_FACTS } from '../../../src/domain/facts.ts';
import { readReadme } from '../../../src/pipeline/readme/read-readme.ts';
import { resolveFacts } from '../../../src/pipeline/readme/resolve-facts.ts';

const SEED_RU = readFileSync('content/seed/README_RU.md', 'utf8');
const SAMPLE_EN = readFileSync('src/sample/readme/readme-en.txt', 'utf8');

const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe('reading a README', () => {
  it('reads every fact of the seed README', () => {
    const { facts, problems } = readReadme(SEED_RU);
    expect(problems).toEqual([]);
    expect(facts.version).toBe('1.0.0');
    expect(facts.internalCode).toBe('HEMORRHAGE');
    expect(facts.annotationClass).toBe('С3');
    expect(facts.datePublished).toBe('2023-10-12');
    expect(facts.permanentLink).toBe('https://mosmed.ai/datasets/');
    expect(facts.languages).toEqual(['en', 'ru']);
    expect(facts.keywords).toHaveLength(6);
    expect(facts.funding?.grant).toBe('22-25-20231');
    expect(facts.authors?.map((p) => `${p.family} ${p.initials}`)).toEqual(
      SEED_FACTS.authors.map((p) => `${p.family.ru} ${p.initials.ru}`),
    );
    expect(facts.affiliation).toMatch(/^Государственное бюджетное/);
    expect(facts.license?.url).toBe(SEED_FACTS.license.url);
    expect(facts.license?.copyrightYear).toBe(2020);
    expect(facts.recommendedCitation).toBe(SEED_FACTS.recommendedCitation.ru);
    // The README states every figure but the unstated sex, which the build derives.
    expect({ ...facts.overview, sexUnknown: SEED_FACTS.declaredOverview.sexUnknown }).toEqual(
      SEED_FACTS.declaredOverview,
    );
  });

  it('gives the seed facts from the seed README and the English translation', () => {
    const { facts, findings } = resolveFacts(SEED_FACTS, {
      ru: readReadme(SEED_RU),
      en: readReadme(SAMPLE_EN),
    });
    expect(findings).toEqual([]);
    expect(facts.version).toBe(SEED_FACTS.version);
    expect(facts.declaredOverview).toEqual(SEED_FACTS.declaredOverview);
    expect(facts.annotationClass).toEqual({ ru: 'С3', en: 'C3' });
    expect(facts.authors.map((p) => p.family.en)).toEqual(
      SEED_FACTS.authors.map((p) => p.family.en),
    );
  });

  it('reads headings and table labels that drift in case, wording and units', () => {
    const text = [
      '# A NEW DATASET',
      '## ВЕРСИЯ',
      'v2.3.1',
      '## Date of publication',
      '2024-02-29',
      '## Permanent URL',
      'See https://example.org/ds/ for the files.',
      '## Data Overview',
      '| What | Value |',
      '|---|---|',
      '| Number of studies (items) | 1 234 |',
      '| Patients, persons | 1200 |',
      '| Sex distribution (F / M) | 600 / 590 |',
      '| Age, years (min / median / max) | 18 / 60,5 / 99 |',
      '| Classes (without pathology / with pathology) | 700 / 534 |',
    ].join('\n');
    const { facts } = readReadme(text);
    expect(facts.title).toBe('A NEW DATASET');
    expect(facts.version).toBe('2.3.1');
    expect(facts.datePublished).toBe('2024-02-29');
    expect(facts.permanentLink).toBe('https://example.org/ds/');
    expect(facts.overview).toMatchObject({
      patients: 1200,
      male: 590,
      female: 600,
      ageMin: 18,
      ageMedian: 60.5,
      ageMax: 99,
      withPathology: 534,
      withoutPathology: 700,
    });
  });

  it('turns missing and unreadable sections into findings and keeps the seed values', () => {
    const text =
      '# Title\n\n## Версия набора данных\n\nскоро\n\n## Дата публикации\n\n31.02.2023\n';
    const reading = readReadme(text);
    expect(reading.facts.version).toBeUndefined();
    const { facts, findings } = resolveFacts(SEED_FACTS, { ru: reading });
    expect(facts.version).toBe(SEED_FACTS.version);
    expect(facts.datePublished).toBe(SEED_FACTS.datePublished);
    expect(codes(findings)).toContain('readme-unreadable-value');
    expect(codes(findings)).toContain('readme-missing-section');
    expect(findings.every((f) => f.file === 'README_RU.md')).toBe(true);
  });

  it('survives empty, odd and hostile input', () => {
    for (const text of [
      '',
      '#',
      '|a|\n|-|\n|b|',
      '<script>alert(1)</script>',
      '## Авторы\n\n- ???',
    ]) {
      expect(() =>
        resolveFacts(SEED_FACTS, { ru: readReadme(text), en: readReadme(text) }),
      ).not.toThrow();
    }
  });

  it('reports RU and EN disagreeing on a fact, and follows README_RU.md', () => {
    const ru = readReadme(SEED_RU.replace('\n1.0.0\n', '\n1.1.0\n'));
    const { facts, findings } = resolveFacts(SEED_FACTS, { ru, en: readReadme(SAMPLE_EN) });
    expect(facts.version).toBe('1.1.0');
    const disagreement = findings.find((f) => f.code === 'readme-disagreement');
    expect(disagreement?.message.en).toContain('1.1.0');
    expect(disagreement?.message.en).toContain('1.0.0');
  });

  it('uses our translation for English facts when README_EN.md is missing', () => {
    const { facts } = resolveFacts(SEED_FACTS, { ru: readReadme(SEED_RU) });
    expect(facts.title.en).toBe(SEED_FACTS.title.en);
    expect(facts.verification.en).toBe(SEED_FACTS.verification.en);
  });
});
