/**
 * All DICOM files of one study, drawn from its plan: one phantom grid per series, one file per
 * slice, named `<SOPInstanceUID>.dcm` so the folder's name order is not the spatial order.
 */
import { ctImageFile } from './ct-image.ts';
import { buildGrid, type SliceGrid } from './geometry.ts';
import { noiseSd, renderSlice } from './render.ts';
import { createRng } from './rng.ts';
import type { StudyPlan } from './types.ts';

export interface GeneratedFile {
  /** Path relative to the dataset root, with forward slashes. */
  path: string;
  bytes: Uint8Array;
}

/** Yields the study's files one at a time, so a worker never holds a whole study in memory. */
export function* studyFiles(study: StudyPlan, seed: number): Generator<GeneratedFile> {
  // Series of a study share the field of view, so usually one grid serves them all.
  const grids = new Map<string, SliceGrid>();
  for (const [s, series] of study.series.entries()) {
    const key = `${series.rows}x${series.columns}@${series.pixelSpacing}`;
    const grid = grids.get(key) ?? buildGrid(series, study.head);
    grids.set(key, grid);
    for (let slice = 0; slice < series.sliceZ.length; slice++) {
      const pixels = renderSlice(
        {
          grid,
          head: study.head,
          lesions: study.lesions,
          z: series.sliceZ[slice]!,
          kernelKind: series.kernelKind,
          rng: createRng(seed, 'noise', study.index, s, slice),
        },
        series.bitsStored,
        noiseSd(series),
      );
      yield {
        path: `studies/${study.uid}/${series.uid}/${series.instanceUids[slice]}.dcm`,
        bytes: ctImageFile({ study, series, slice, pixels }),
      };
    }
  }
}
