/**
 * The study folders are listed once, with one rule: every folder under studies/ is a study,
 * except a hidden one (a name starting with a dot, a tool's own), which is not read at all.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeStats } from '../../../src/domain/compute-stats.ts';
import { runPipeline } from '../../../src/pipeline/build.ts';
import { diskStages } from '../../../src/pipeline/disk-stages.ts';
import { scanImaging } from '../../../src/pipeline/imaging/index.ts';
import { writeCtFile } from '../../fixtures/dicom/ct-files.ts';
import { tempDir } from '../../support/xlsx.ts';

/** A one-slice CT series in `studies/<study>/1/`. */
function writeStudy(dataset: string, study: string, uid: string) {
  writeCtFile(join(dataset, 'studies', study, '1', '1.dcm'), {
    rows: 8,
    columns: 8,
    stored: new Int16Array(64),
    studyUid: uid,
    seriesUid: `${uid}.1`,
    instanceUid: `${uid}.1.1`,
  });
}

describe('the study folders', () => {
  it('are every folder under studies/ but a hidden one, for the imaging and the join alike', async () => {
    const dataset = await tempDir('study-folders-');
    const out = await tempDir('study-folders-out-');
    writeStudy(dataset, 'a', '1.2.826.0.1.7');
    writeStudy(dataset, '.hidden', '1.2.826.0.1.8');
    await mkdir(join(dataset, 'studies', 'empty'));
    const r = await runPipeline(
      {
        datasetDir: dataset,
        registryFile: null,
        generatedDir: out,
        cacheDir: join(out, 'cache'),
        synthetic: false,
      },
      { ...diskStages, scanImaging, computeStats },
    );
    expect(r.studies.map((s) => s.path).sort()).toEqual(['studies/a', 'studies/empty']);
    // Nothing of the hidden folder is read, counted or named.
    const quality = await readFile(join(out, 'data/quality.json'), 'utf8');
    expect(quality).not.toContain('.hidden');
    expect(r.quality.counts.files).toBe(1);
  });
});
