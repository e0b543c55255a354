import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATASHEET_SECTIONS, datasheet, README_SECTIONS } from '../../../src/domain/datasheet.ts';
import { knownSkews, README_INTRO } from '../../../src/domain/known-skews.ts';
import { computeStats } from '../../../src/domain/compute-stats.ts';
import { fixtureStudies } from '../../fixtures/fixture-studies.ts';

const README = readFileSync(
  join(import.meta.dirname, '../../../content/seed/README_RU.md'),
  'utf8',
);
const HEADINGS = new Set(
  README.split('\n')
    .filter((l) => l.startsWith('#'))
    .map((l) => l.replace(/^#+\s*/, '').trim()),
);
const sheet = datasheet({
  studies: 40,
  withPathology: 21,
  withoutPathology: 19,
  sexUnknown: 1,
  ageUnknown: 2,
  manufacturers: 4,
  builtAt: '2026-01-02T00:00:00.000Z',
});

describe('datasheet', () => {
  it('has every section, each with questions', () => {
    expect(Object.keys(sheet)).toEqual([...DATASHEET_SECTIONS]);
    for (const id of DATASHEET_SECTIONS) expect(sheet[id].length, id).toBeGreaterThan(0);
  });

  it('every answer names its source; an item without an answer is "not stated"', () => {
    for (const item of DATASHEET_SECTIONS.flatMap((id) => sheet[id])) {
      if (item.source.kind === 'notStated') expect(item.answer, item.id).toBeUndefined();
      else expect(item.answer?.ru && item.answer.en, item.id).toBeTruthy();
    }
  });

  it('every README section it names is a heading of the seed README (the introduction aside)', () => {
    for (const section of Object.values(README_SECTIONS)) {
      if (section === README_INTRO) continue;
      for (const part of section.ru.split(/ › |, /)) expect(HEADINGS, part).toContain(part);
    }
  });

  it('says "not stated" where the README is silent: readers, de-identification, sampling, consent, updates', () => {
    const silent = DATASHEET_SECTIONS.flatMap((id) => sheet[id])
      .filter((i) => i.source.kind === 'notStated')
      .map((i) => i.id);
    for (const id of ['readers', 'agreement', 'deidentification', 'sampling', 'consent', 'updates'])
      expect(silent).toContain(id);
  });

  it('quotes the computed figures with their scope', () => {
    const count = sheet.composition.find((i) => i.id === 'count')!;
    expect(count.source.kind).toBe('data');
    expect(count.answer!.en).toContain('40 studies, 21 with signs of hemorrhage and 19 without');
  });
});

describe('knownSkews', () => {
  const stats = computeStats(fixtureStudies(20));
  const skews = knownSkews(stats);

  it('computes age range and median, sex balance, vendor and protocol mix from the data', () => {
    const text = Object.fromEntries(skews.map((s) => [s.id, s.text.en]));
    const age = stats.age.summary;
    expect(text.age).toContain(`${age.min} to ${age.max} years, median ${age.median}`);
    expect(text.sex).toContain(`male ${stats.sex.M}`);
    expect(text.sex).toContain(`not specified ${stats.sex.unknown}`);
    expect(text.vendors).toContain('SIEMENS: 10 (50%)');
    expect(text.vendors).toContain('TOSHIBA: 10 (50%)');
    expect(text.protocol).toMatch(/5 mm: \d+/);
  });

  it('names the README for the single city and the collection period', () => {
    for (const id of ['place', 'period'] as const) {
      expect(skews.find((s) => s.id === id)!.source.kind).toBe('readme');
    }
    expect(skews.find((s) => s.id === 'period')!.text.en).toContain('2020-05-05 – 2023-01-08');
  });
});
