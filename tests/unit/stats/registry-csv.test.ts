import { csvParse } from 'd3';
import { describe, expect, it } from 'vitest';
import {
  REGISTRY_CSV_COLUMNS,
  registryCsvFromStudies,
  subsetRegistryCsv,
} from '../../../src/scripts/explorer/registry-csv.ts';
import { toExplorerStudy } from '../../../src/site/explorer-data.ts';
import { fixtureStudies } from '../../fixtures/fixture-studies.ts';

describe('subsetRegistryCsv', () => {
  it("keeps the subset's rows with the file's own columns and order", () => {
    const csv = 'study_uid,age,conclusion\na,1,"x, y"\nb,2,z\nc,3,w\n';
    expect(subsetRegistryCsv(csv, new Set(['c', 'a']))).toBe(
      'study_uid,age,conclusion\na,1,"x, y"\nc,3,w\n',
    );
  });

  it('keeps a byte-order mark out of the first header', () => {
    const csv = '\ufeffstudy_uid,age\na,1\nb,2\n';
    expect(subsetRegistryCsv(csv, new Set(['b']))).toBe('\ufeffstudy_uid,age\nb,2\n');
  });
});

describe('registryCsvFromStudies', () => {
  it('writes the canonical registry columns, one row per study', () => {
    const studies = fixtureStudies(3).map(toExplorerStudy);
    const rows = csvParse(registryCsvFromStudies(studies));
    expect(rows.columns).toEqual(REGISTRY_CSV_COLUMNS);
    expect(rows.map((r) => r['study_uid'])).toEqual(studies.map((s) => s.id));
    expect(rows[0]!['pathology']).toBe('1');
    expect(rows[1]!['pathology']).toBe('0');
    expect(rows[0]!['conclusion']).toBe(studies[0]!.conclusion);
  });
});
