/**
 * Throughput measurement (not a test: speed is never asserted). Writes a dataset of
 * `studies × slices` small CT files, runs scanImaging cold and warm, prints files/s per stage.
 *
 *   node_modules/.bin/node tests/unit/imaging/bench-scan.ts [--studies 100] [--slices 30] [--size 128]
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { scanImaging } from '../../../src/pipeline/imaging/index.ts';
import type { ProgressEvent } from '../../../src/pipeline/progress.ts';
import { writeCtSeries } from '../../fixtures/dicom/ct-files.ts';

const { values } = parseArgs({
  options: {
    studies: { type: 'string', default: '100' },
    slices: { type: 'string', default: '30' },
    size: { type: 'string', default: '128' },
    concurrency: { type: 'string', default: String(availableParallelism()) },
  },
});
const studies = Number(values.studies);
const slices = Number(values.slices);
const root = mkdtempSync(join(tmpdir(), 'imaging-bench-'));
try {
  const template = join(root, 'template');
  writeCtSeries(template, {
    studyUid: '1.2',
    seriesUid: '1.2.1',
    count: slices,
    size: Number(values.size),
  });
  for (let s = 0; s < studies; s++) {
    cpSync(template, join(root, 'dataset', 'studies', `1.2.${s}`, `1.2.${s}.1`), {
      recursive: true,
    });
  }
  const files = studies * slices;
  const run = async (label: string) => {
    const starts = new Map<string, number>();
    const ends = new Map<string, number>();
    const onProgress = (e: ProgressEvent) => {
      if (!starts.has(e.stage)) starts.set(e.stage, performance.now());
      ends.set(e.stage, performance.now());
    };
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const result = await scanImaging({
      datasetDir: join(root, 'dataset'),
      thumbsDir: join(root, 'out', 'thumbs'),
      cacheDir: join(root, 'out', 'cache'),
      concurrency: Number(values.concurrency),
      onProgress,
    });
    const total = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    // CPU time (all threads) is the fairer figure on a shared, busy machine.
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const stage = (name: string) => ((ends.get(name)! - starts.get(name)!) / 1000).toFixed(2);
    console.log(
      `${label}: ${result.files} files, ${result.studies.length} studies in ${total.toFixed(2)} s ` +
        `(${(files / total).toFixed(0)} files/s overall; list ${stage('list files')} s, ` +
        `headers ${stage('scan headers')} s = ${(files / Number(stage('scan headers'))).toFixed(0)} files/s, ` +
        `thumbnails ${stage('thumbnails')} s); CPU ${cpuSeconds.toFixed(2)} s = ` +
        `${(cpuSeconds / result.studies.length).toFixed(3)} s per series`,
    );
    return total;
  };
  console.log(`${files} files of ${values.size}×${values.size}, ${values.concurrency} workers`);
  const cold = await run('cold');
  const warm = await run('warm');
  console.log(`warm run is ${(cold / warm).toFixed(1)}× faster`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
