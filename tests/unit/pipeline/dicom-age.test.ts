/**
 * A DICOM age string reads as one number in the image header, in the registry and in the join
 * that compares them: "018M" is a year and a half wherever it is written.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileHeader } from '../../../src/pipeline/imaging/header/read-header.ts';
import { joinStudies } from '../../../src/pipeline/join.ts';
import { emptyValues, parseField } from '../../../src/pipeline/registry/fields.ts';
import { oneRowRegistry } from './one-row-registry.ts';
import { writeCtFile, type SliceSpec } from '../../fixtures/dicom/ct-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'dicom-age-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const slice: SliceSpec = {
  rows: 4,
  columns: 4,
  stored: new Int16Array(16),
  studyUid: '1.2.826.0.1.9',
  seriesUid: '1.2.826.0.1.9.1',
  instanceUid: '1.2.826.0.1.9.1.1',
  instanceNumber: 1,
  position: [0, 0, 0],
  pixelSpacing: [0.5, 0.5],
  manufacturer: 'ACME',
  model: 'Scanner',
  kernel: 'FC23',
  patientSex: 'F',
  patientAge: '018M',
};

/** The age the image header of a file with this PatientAge gives. */
function headerAge(patientAge: string): number | null {
  const path = join(dir, `${patientAge}.dcm`);
  writeCtFile(path, { ...slice, patientAge });
  const outcome = readFileHeader(path, statSync(path).size);
  if (!('header' in outcome)) throw new Error(outcome.detail);
  return outcome.header.patientAge;
}

/** The age the registry reads from this cell. */
function registryAge(cell: string): number | null {
  const parsed = parseField('age', cell);
  if (!parsed.ok) throw new Error(`unreadable age ${cell}`);
  return parsed.value as number | null;
}

/** Joins one registry row (age from `cell`) with its folder's files (PatientAge `dicom`). */
function joined(cell: string, dicom: string) {
  const values = { ...emptyValues(), studyUid: slice.studyUid, age: registryAge(cell) };
  const registry = oneRowRegistry(values, 'a');
  const scan = {
    folder: 'a',
    studyUid: slice.studyUid,
    studyUidRef: slice.studyUid,
    patientSex: null,
    patientAge: headerAge(dicom),
    series: [],
    cover: null,
  };
  return joinStudies({ registry, imaging: [scan], folders: ['a'] });
}

const ageMismatches = (result: ReturnType<typeof joined>) =>
  result.findings.filter((f) => f.code === 'registry-dicom-age-mismatch');

describe('a DICOM age string', () => {
  it.each([
    ['018M', 1.5],
    ['006M', 0.5],
    ['057Y', 57],
  ])('%s is %d years in the header and in the registry', (text, years) => {
    expect(headerAge(text)).toBe(years);
    expect(registryAge(text)).toBe(years);
  });

  it('written alike in the registry and the files, raises no age mismatch', () => {
    for (const text of ['018M', '006M']) {
      const result = joined(text, text);
      expect(ageMismatches(result)).toEqual([]);
      expect(result.studies[0]!.age).toBe(headerAge(text));
    }
  });

  it('written differently, raises the mismatch', () => {
    expect(ageMismatches(joined('057Y', '018M'))).toHaveLength(1);
  });
});
