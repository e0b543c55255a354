/** A stand-in imaging stage for orchestrator tests: series derived from folder names. */
import { WINDOW_PRESET_IDS } from '../../../src/domain/window-presets.ts';
import type { Series } from '../../../src/domain/schemas.ts';
import type { ImagingStudy, ScanImaging } from '../../../src/pipeline/stages.ts';

export function fakeSeries(folder: string, n: number): Series {
  const uid = `${folder}.${n}`;
  return {
    uid,
    folder: uid,
    modality: 'CT',
    manufacturer: 'SIEMENS',
    model: `Model ${n}`,
    sliceThickness: 5,
    kvp: 120,
    tubeCurrent: 250,
    exposure: 300,
    kernel: 'H30s',
    rows: 256,
    columns: 256,
    pixelSpacing: [0.9, 0.9],
    spacingBetweenSlices: 5,
    imageCount: 10,
    size: { files: 10, bytes: 10 * 1000 },
    transferSyntax: '1.2.840.10008.1.2.1',
    status: 'ok',
    reason: null,
    sprites: WINDOW_PRESET_IDS.map((preset) => ({
      preset,
      url: `thumbs/${folder}/${uid}-${preset}.webp`,
      tileWidth: 64,
      tileHeight: 64,
      count: 2,
      columns: 2,
      slices: [0, 5],
    })),
  };
}

/** Imaging for the given folders; `overrides` replace fields per folder. */
export function fakeImaging(
  studies: { folder: string; overrides?: Partial<ImagingStudy> }[],
): ScanImaging & { calls: number } {
  const stage = async () => {
    stage.calls += 1;
    return {
      studies: studies.map(({ folder, overrides }) => ({
        folder,
        studyUid: folder,
        studyUidRef: folder,
        patientSex: null,
        patientAge: null,
        series: [fakeSeries(folder, 1), fakeSeries(folder, 2)],
        cover: `thumbs/${folder}/cover.webp`,
        ...overrides,
      })),
      studyFolders: studies.map(({ folder }) => folder).sort(),
      findings: [
        {
          severity: 'error' as const,
          code: 'dicom-truncated' as const,
          message: { ru: 'Файл обрезан', en: 'File is truncated' },
          file: `studies/${studies[0]?.folder}/x/bad.dcm`,
        },
      ],
      files: studies.length * 20 + 1,
      filesParsed: studies.length * 20,
      checksums: null,
      folderSizes: Object.fromEntries(
        studies.map(({ folder }) => [folder, { files: 20, bytes: 20 * 1000 }]),
      ),
    };
  };
  stage.calls = 0;
  return stage;
}
