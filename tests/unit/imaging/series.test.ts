import { describe, expect, it } from 'vitest';
import {
  positionAlong,
  sliceNormal,
  spacingFromPositions,
} from '../../../src/pipeline/imaging/plan/geometry.ts';
import { safeName } from '../../../src/pipeline/imaging/plan/safe-name.ts';
import { planStudies } from '../../../src/pipeline/imaging/plan/plan-studies.ts';
import { pickSlices, tileSize } from '../../../src/pipeline/imaging/render/sprite-layout.ts';
import type { FileScan, ImageHeader } from '../../../src/pipeline/imaging/types.ts';
import { uidRef } from '../../../src/pipeline/imaging/plan/uid-ref.ts';

const testRef = (uid: string) => uidRef(uid, Buffer.from('test key'));

function image(rel: string, over: Partial<ImageHeader> = {}): FileScan {
  const [, study = 's', series = 'x'] = rel.split('/');
  const header: ImageHeader = {
    transferSyntax: '1.2.840.10008.1.2.1',
    studyUid: study,
    seriesUid: series,
    modality: 'CT',
    manufacturer: 'ACME',
    model: 'M',
    kernel: 'K',
    sliceThickness: 5,
    kvp: 120,
    tubeCurrent: 100,
    exposure: 50,
    rows: 512,
    columns: 512,
    pixelSpacing: [0.5, 0.5],
    spacingBetweenSlices: null,
    position: [0, 0, 0],
    orientation: [1, 0, 0, 0, 1, 0],
    instanceNumber: 1,
    samplesPerPixel: 1,
    photometric: 'MONOCHROME2',
    bitsAllocated: 16,
    bitsStored: 12,
    pixelRepresentation: 0,
    rescaleSlope: 1,
    rescaleIntercept: -1024,
    patientSex: null,
    patientAge: null,
    ...over,
  };
  return { rel, size: 1000, mtimeMs: 1, header };
}

describe('slice order', () => {
  it('sorts axial slices by position along the normal, not by file name or InstanceNumber', () => {
    const zs = [30, 10, 20, 0];
    const scans = zs.map((z, i) =>
      image(`studies/A/S/${i}.dcm`, { position: [-100, -100, z], instanceNumber: 4 - i }),
    );
    const series = planStudies(scans, [], testRef).studies[0]!.series[0]!;
    expect(series.files.map((f) => f.header.position![2])).toEqual([0, 10, 20, 30]);
    expect(series.spacingBetweenSlices).toBe(10);
  });

  it('uses the slice normal for oblique and sagittal series', () => {
    // Sagittal: rows along +y, columns along -z; the normal is -x.
    const orientation = [0, 1, 0, 0, 0, -1] as const;
    expect(sliceNormal([...orientation])).toEqual([-1, 0, 0]);
    const xs = [5, -5, 0];
    const scans = xs.map((x, i) =>
      image(`studies/A/S/${i}.dcm`, { position: [x, 7, 3], orientation: [...orientation] }),
    );
    const series = planStudies(scans, [], testRef).studies[0]!.series[0]!;
    // Ascending along -x means descending x.
    expect(series.files.map((f) => f.header.position![0])).toEqual([5, 0, -5]);
    expect(positionAlong([5, 7, 3], [-1, 0, 0])).toBe(-5);
  });

  it('falls back to InstanceNumber without positions, with an info finding', () => {
    const scans = [3, 1, 2].map((n) =>
      image(`studies/A/S/${n}0.dcm`, { position: null, instanceNumber: n }),
    );
    const plan = planStudies(scans, [], testRef);
    expect(plan.studies[0]!.series[0]!.files.map((f) => f.header.instanceNumber)).toEqual([
      1, 2, 3,
    ]);
    expect(plan.findings.map((f) => f.code)).toContain('dicom-no-position');
  });

  it('reports mixed orientation and mixed matrix sizes', () => {
    const scans = [
      image('studies/A/S/1.dcm', { position: [0, 0, 0] }),
      image('studies/A/S/2.dcm', { position: [0, 0, 5], orientation: [1, 0, 0, 0, 0.8, 0.6] }),
      image('studies/A/S/3.dcm', { position: [0, 0, 10], rows: 256, columns: 256 }),
    ];
    const codes = planStudies(scans, [], testRef).findings.map((f) => f.code);
    expect(codes).toContain('dicom-mixed-orientation');
    expect(codes).toContain('dicom-mixed-matrix');
  });

  it('computes spacing as the median gap', () => {
    expect(spacingFromPositions([0, 2.5, 5, 7.5, 12.5])).toBe(2.5);
    expect(spacingFromPositions([4])).toBeNull();
  });
});

describe('grouping by folder and UID', () => {
  it('groups files into studies and series by folder, in sorted order', () => {
    const plan = planStudies(
      [image('studies/B/S3/1.dcm'), image('studies/A/S1/1.dcm'), image('studies/B/S2/1.dcm')],
      [],
      testRef,
    );
    expect(plan.studies.map((s) => [s.folder, s.series.map((x) => x.folder)])).toEqual([
      ['A', ['S1']],
      ['B', ['S2', 'S3']],
    ]);
    expect(plan.findings).toEqual([]);
  });

  it('reports folder names that disagree with UIDs', () => {
    const plan = planStudies(
      [image('studies/A/S/1.dcm', { studyUid: '1.2.3', seriesUid: '1.2.3.4' })],
      [],
      testRef,
    );
    const codes = plan.findings.map((f) => f.code);
    expect(codes).toEqual(['dicom-study-folder-uid-mismatch', 'dicom-series-folder-uid-mismatch']);
    expect(plan.findings[0]).toMatchObject({
      file: 'studies/A/S/1.dcm',
      study: 'A',
      column: 'StudyInstanceUID',
    });
    // The inner UIDs are private: the messages name them only by their reference.
    for (const f of plan.findings) {
      expect(f.message.en).not.toContain('1.2.3');
      expect(f.message.ru).not.toContain('1.2.3');
    }
    expect(plan.findings[0]!.message.en).toContain(testRef('1.2.3'));
    expect(plan.findings[1]!.message.ru).toContain(testRef('1.2.3.4'));
    expect(plan.studies[0]!.studyUidRef).toBe(testRef('1.2.3'));
    expect(plan.studies[0]!.series[0]!.publicUid).toBe(testRef('1.2.3.4'));
  });

  it('splits a folder holding two series UIDs, with unique sprite names', () => {
    const plan = planStudies(
      [
        image('studies/A/S/1.dcm', { seriesUid: 'S' }),
        image('studies/A/S/2.dcm', { seriesUid: 'T' }),
      ],
      [],
      testRef,
    );
    const series = plan.studies[0]!.series;
    expect(series.map((s) => [s.folder, s.uid])).toEqual([
      ['S', 'S'],
      ['S', 'T'],
    ]);
    expect(new Set(series.map((s) => s.spriteBase)).size).toBe(2);
    expect(plan.findings.map((f) => f.code)).toContain('dicom-series-uid-mixed');
  });

  it('reports a series UID found in several folders', () => {
    const plan = planStudies(
      [
        image('studies/A/S/1.dcm', { seriesUid: 'S' }),
        image('studies/B/S/1.dcm', { seriesUid: 'S', studyUid: 'B' }),
      ],
      [],
      testRef,
    );
    expect(plan.findings.map((f) => f.code)).toContain('dicom-series-in-several-folders');
  });

  it('turns every problem file into a finding, and keeps empty study folders', () => {
    const plan = planStudies(
      [
        { rel: 'studies/A/S/bad.dcm', size: 0, mtimeMs: 1, problem: 'empty', detail: 'zero bytes' },
        image('studies/loose.dcm'),
      ],
      ['A', 'C'],
      testRef,
    );
    expect(plan.studies.map((s) => [s.folder, s.series.length])).toEqual([
      ['A', 0],
      ['C', 0],
    ]);
    expect(plan.findings.map((f) => [f.code, f.file])).toEqual(
      expect.arrayContaining([
        ['dicom-empty', 'studies/A/S/bad.dcm'],
        ['dicom-outside-study-folder', 'studies/loose.dcm'],
        ['dicom-study-without-ct', 'studies/C'],
      ]),
    );
  });
});

describe('sprite layout', () => {
  it('picks evenly spaced slices including both ends', () => {
    expect(pickSlices(100, 4)).toEqual([0, 33, 66, 99]);
    expect(pickSlices(3)).toEqual([0, 1, 2]);
    expect(pickSlices(1)).toEqual([0]);
    const many = pickSlices(301);
    expect(many).toHaveLength(24);
    expect(new Set(many).size).toBe(24);
    expect(many).toEqual([...many].sort((a, b) => a - b));
  });
  it('keeps the physical aspect ratio', () => {
    expect(tileSize(512, 512, [0.5, 0.5])).toEqual({ width: 128, height: 128 });
    expect(tileSize(512, 256, null)).toEqual({ width: 128, height: 64 });
    expect(tileSize(512, 512, [1, 0.5])).toEqual({ width: 64, height: 128 });
  });
  it('makes names safe for paths and URLs', () => {
    expect(safeName('1.2.840.113619.2')).toBe('1.2.840.113619.2');
    expect(safeName('series #1/../x')).toMatch(/^series__1_.._x-[0-9a-f]{8}$/);
    expect(safeName('..')).not.toBe('..');
  });
  it('gives every study its own thumbnail folder, even where names make the same safe name or differ only in case', () => {
    const lookalike = safeName('a b'); // 'a_b-<hash>': a folder may be called that too
    const folders = ['Study', 'study', 'a b', lookalike];
    const scans = folders.map((f) => image(`studies/${f}/x/1.dcm`));
    const { studies } = planStudies(scans, folders, testRef);
    const thumbs = studies.map((s) => s.thumbFolder.toLowerCase());
    expect(new Set(thumbs).size).toBe(folders.length);
    // Two series of one study that differ only in case get their own sprite files too.
    const series = planStudies(
      [image('studies/s/A/1.dcm'), image('studies/s/a/1.dcm')],
      ['s'],
      testRef,
    ).studies[0]!.series.map((x) => x.spriteBase.toLowerCase());
    expect(new Set(series).size).toBe(2);
  });
});
