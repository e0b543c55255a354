/**
 * Writes the DICOM files of some studies into a dataset folder. Runs in a worker thread (see
 * sample-worker.ts) or, for small samples, in the calling thread.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { studyFiles } from './study-files.ts';
import type { StudyPlan } from './types.ts';

export interface StudyWritten {
  index: number;
  files: number;
  bytes: number;
}

/** Writes each study's files; calls `onStudy` after each study. Synchronous: one job, one thread. */
export function writeStudies(
  outDir: string,
  seed: number,
  studies: readonly StudyPlan[],
  onStudy: (written: StudyWritten) => void,
): void {
  for (const study of studies) {
    let files = 0;
    let bytes = 0;
    let lastDir = '';
    for (const file of studyFiles(study, seed)) {
      const path = join(outDir, file.path);
      const dir = dirname(path);
      if (dir !== lastDir) {
        mkdirSync(dir, { recursive: true });
        lastDir = dir;
      }
      writeFileSync(path, file.bytes);
      files += 1;
      bytes += file.bytes.length;
    }
    onStudy({ index: study.index, files, bytes });
  }
}
