/**
 * A registry field is a row of the field table and nothing else in the code: the study schema,
 * the join, the explorer's and the studies index's records, the filters, the study page and the
 * sample's registry row all pick up every row (issue 25: a new field shown as a filter and on
 * the study page is its row, its word in each language and its sample value). Each check runs
 * over the table, so a consumer that lists fields by hand fails here on the row it forgot.
 */
import { describe, expect, it } from 'vitest';
import { explorerStudySchema, toExplorerStudy } from '../../src/site/explorer-data.ts';
import { toIndexStudy } from '../../src/site/studies/index-study.ts';
import { studyFacts } from '../../src/site/studies/study-facts.ts';
import { FACET_PARAMS } from '../../src/domain/facet-url.ts';
import { CATEGORICAL_FACETS } from '../../src/domain/facets.ts';
import { FIELDS, type RegistryValues } from '../../src/domain/field-table.ts';
import { RECORD_FIELDS } from '../../src/domain/record-fields.ts';
import { studySchema } from '../../src/domain/schemas.ts';
import { useTranslations } from '../../src/i18n/index.ts';
import { joinStudies } from '../../src/pipeline/join.ts';
import { planSample, registryRow } from '../../src/sample/plan.ts';
import { fakeSeries } from './pipeline/fake-imaging.ts';
import { oneRowRegistry } from './pipeline/one-row-registry.ts';

/** A registry row whose every field holds a value of its kind, each different. */
function rowValues(): RegistryValues {
  const valueOf = (kind: string, i: number) =>
    ({ text: `text ${i}`, boolean: i % 2 === 0, number: i + 0.5, age: 40 + i, sex: 'F' })[kind];
  return Object.fromEntries(
    FIELDS.map((f, i) => [f.id, valueOf(f.kind, i)]),
  ) as unknown as RegistryValues;
}

function joined() {
  const values = { ...rowValues(), studyUid: 'a', path: 'studies/a' };
  const registry = oneRowRegistry(values, 'a');
  const series = { ...fakeSeries('b', 1), kvp: 99, manufacturer: 'From DICOM' };
  const imaging = [
    { folder: 'a', studyUid: 'a', studyUidRef: 'a', patientSex: null, patientAge: null },
    { folder: 'b', studyUid: 'b', studyUidRef: 'b', patientSex: 'M' as const, patientAge: 33 },
  ].map((s) => ({ ...s, series: [series], cover: null }));
  const { studies } = joinStudies({ registry, imaging, folders: ['a', 'b'] });
  return { values, fromRow: studies[0]!, fromFolder: studies[1]! };
}

describe('every record field of the field table', () => {
  it('is a key of the study schema, and the joined study holds the row’s value there', () => {
    const { values, fromRow } = joined();
    expect(RECORD_FIELDS.length).toBeGreaterThan(5);
    for (const f of RECORD_FIELDS) {
      expect(Object.keys(studySchema.shape), f.id).toContain(f.id);
      expect(fromRow[f.id], f.id).toEqual(values[f.id]);
    }
    expect(studySchema.safeParse(fromRow).success).toBe(true);
  });

  it('is filled for a folder without a row by the DICOM attribute its row names', () => {
    const { fromFolder } = joined();
    const withDicom = RECORD_FIELDS.filter((f) => 'dicom' in f);
    expect(withDicom.map((f) => f.id)).toEqual(
      expect.arrayContaining(['age', 'sex', 'kvp', 'manufacturer']),
    );
    expect(fromFolder).toMatchObject({ age: 33, sex: 'M', kvp: 99, manufacturer: 'From DICOM' });
    for (const f of RECORD_FIELDS) {
      if (!('dicom' in f)) expect(fromFolder[f.id], f.id).toBeNull();
    }
  });

  it('reaches the explorer’s record with its value', () => {
    const { fromRow } = joined();
    const brief = toExplorerStudy(fromRow);
    expect(explorerStudySchema.safeParse(brief).success).toBe(true);
    for (const f of RECORD_FIELDS) expect(brief[f.id], f.id).toEqual(fromRow[f.id]);
    // Not the heavy parts: no sprites, no cover.
    expect(Object.keys(brief)).not.toContain('cover');
    expect(brief.series).toEqual([{ imageCount: fromRow.series[0]!.imageCount }]);
  });

  it('filtered by its values is a facet with a URL key and travels in the studies index', () => {
    const { fromRow } = joined();
    const index = toIndexStudy(fromRow);
    const anyOf = FIELDS.flatMap((f) =>
      'facet' in f && f.facet.kind === 'anyOf' ? [{ id: f.id, param: f.facet.param }] : [],
    );
    expect([...CATEGORICAL_FACETS].sort()).toEqual(anyOf.map((f) => f.id).sort());
    for (const { id, param } of anyOf) {
      const facet = id as (typeof CATEGORICAL_FACETS)[number];
      expect(FACET_PARAMS[facet], id).toBe(param);
      expect(index[facet], id).toEqual(fromRow[facet]);
    }
  });

  it('shown on the study page is a fact named by its word, in its section', () => {
    const { fromRow } = joined();
    const shown = FIELDS.filter((f) => 'page' in f);
    expect(shown.length).toBeGreaterThan(5);
    for (const locale of ['ru', 'en'] as const) {
      const t = useTranslations(locale);
      for (const f of shown) {
        const section = (f as { page: 'summary' | 'registry' }).page;
        const fact = studyFacts(fromRow, locale, section).find((x) => x.key === f.id);
        expect(fact?.term, `${locale} ${f.id}`).toBe(t(`field.${f.id as 'age'}`));
      }
    }
    // A number shows in the page's notation.
    const facts = studyFacts({ ...fromRow, sliceThickness: 2.5 }, 'ru', 'registry');
    expect(facts.find((x) => x.key === 'sliceThickness')?.text).toBe('2,5');
  });

  it('has a value in the sample’s registry row', () => {
    const study = planSample({ seed: 1, studies: 3 }).studies[0]!;
    const row = registryRow(study);
    expect(Object.keys(row)).toEqual(FIELDS.map((f) => f.id));
    for (const f of FIELDS) {
      if (f.role === 'id' || f.role === 'finding' || f.role === 'class') {
        expect(row[f.id], f.id).not.toBeNull();
      }
    }
  });
});
