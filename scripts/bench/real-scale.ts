/**
 * The real-scale figure: a sample in the real dataset's shape (512×512, a thick and a thin
 * series per study, 40 % of series compressed; `npm run sample -- --matrix 512`), built cold
 * with `--dataset` under GNU time, against the peer script peer-imaging.py (pydicom + numpy +
 * Pillow doing the same imaging work on all cores). Page cache warm for both, run back to back.
 */
import { spawn } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { imagingCacheDir } from '../lib/build-site.ts';
import { listStudyFiles } from '../../src/pipeline/imaging/list/walk.ts';
import { MAX_TILES } from '../../src/pipeline/imaging/render/sprite-layout.ts';
import { generateSample, readSampleManifest, SAMPLE_VERSION } from '../../src/sample/index.ts';
import { FIRST_PREFIX_BYTES } from '../../src/pipeline/imaging/header/read-header.ts';
import { warmPageCache } from './header-scan.ts';
import { summarize } from './stats.ts';
import { runBuild, type BuildRun } from './whole-build.ts';

export const REAL_SCALE_MATRIX = 512;
export const PEER_INSTALL =
  'apt-get install python3-pydicom python3-numpy python3-pil python3-gdcm';
/** Studies the projection is made for: the real dataset's size. */
export const REAL_STUDIES = 800;

export interface RealScaleFigures {
  studies: number;
  matrix: number;
  files: number;
  series: number;
  datasetBytes: number;
  /** Bytes the imaging work must read: every header (a 16 KB prefix) and the rendered slices whole. */
  ioFloorBytes: number;
  /** Medians over the runs; each run's figures are kept in `runs`. */
  ours: { buildMs: number; imagingMs: number; peakRssBytes: number; stages: BuildRun['stages'] };
  peer: { ms: number; slices: number } | null;
  /** Every run, in the order they ran (ours and the peer alternate, ABBA). */
  runs: { who: 'ours' | 'peer'; ms: number; imagingMs?: number }[];
  peerNote: string | null;
}

function run(
  command: string,
  args: string[],
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The Python that has the peer's packages (Debian's, also when another python3 is first on PATH). */
async function peerPython(root: string): Promise<string | null> {
  for (const python of ['python3', '/usr/bin/python3']) {
    const probe = await run(python, ['-c', 'import pydicom, numpy, PIL, gdcm'], root).catch(
      () => null,
    );
    if (probe?.code === 0) return python;
  }
  return null;
}

/** The 512×512 sample of `studies` studies in `dir`, generated unless it is there already. */
export async function ensureRealScaleSample(
  dir: string,
  studies: number,
  log: (line: string) => void,
) {
  const manifest = await readSampleManifest(dir);
  if (
    manifest?.version === SAMPLE_VERSION &&
    manifest.studies === studies &&
    manifest.matrix === REAL_SCALE_MATRIX
  ) {
    return;
  }
  log(
    `real scale: generating ${studies} studies at ${REAL_SCALE_MATRIX}×${REAL_SCALE_MATRIX} in ${dir}`,
  );
  await generateSample({ outDir: dir, studies, matrix: REAL_SCALE_MATRIX });
}

export async function measureRealScale(
  root: string,
  studies: number,
  concurrency: number,
  runCount: number,
  log: (line: string) => void,
): Promise<RealScaleFigures> {
  const work = join(root, '.cache/bench/real-scale');
  const dataset = join(work, `${REAL_SCALE_MATRIX}-${studies}`);
  await mkdir(work, { recursive: true });
  await ensureRealScaleSample(dataset, studies, log);

  const { files } = await listStudyFiles(dataset);
  const bySeries = new Map<string, number[]>();
  for (const file of files) {
    const folder = file.rel.split('/').slice(0, -1).join('/');
    bySeries.set(folder, [...(bySeries.get(folder) ?? []), file.size]);
  }
  let ioFloorBytes = 0;
  for (const sizes of bySeries.values()) {
    const rendered = Math.min(sizes.length, MAX_TILES) + 1; // tiles and the cover slice
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    ioFloorBytes +=
      rendered * mean + (sizes.length - rendered) * Math.min(mean, FIRST_PREFIX_BYTES);
  }
  const datasetBytes = files.reduce((sum, f) => sum + f.size, 0);
  log(`real scale: ${files.length} files, ${bySeries.size} series; warming the page cache`);
  await warmPageCache(dataset, files);

  const place = { root, studies, work, concurrency, dataset };
  const python = await peerPython(root);
  let peerNote: string | null = null;
  if (python === null) {
    peerNote = `peer skipped: pydicom, numpy, Pillow or GDCM missing (${PEER_INSTALL})`;
    log(peerNote);
  }
  const builds: BuildRun[] = [];
  const peers: { ms: number; slices: number }[] = [];
  const runs: RealScaleFigures['runs'] = [];
  const oursRun = async () => {
    await Promise.all(
      [imagingCacheDir(root, dataset), join(work, 'dist'), join(work, 'generated')].map((dir) =>
        rm(dir, { recursive: true, force: true }),
      ),
    );
    log('real scale: our cold build (--dataset, imaging cache empty)');
    const build = await runBuild(place);
    const imagingMs = build.stages.find((s) => s.stage === 'imaging')?.ms ?? Number.NaN;
    log(`  ${(build.wallMs / 1000).toFixed(1)} s, imaging ${(imagingMs / 1000).toFixed(1)} s`);
    builds.push(build);
    runs.push({ who: 'ours', ms: build.wallMs, imagingMs });
  };
  const peerRun = async () => {
    if (python === null) return;
    const out = join(work, 'peer-out');
    await rm(out, { recursive: true, force: true });
    log(`real scale: peer (${python} peer-imaging.py, ${concurrency} processes)`);
    const started = performance.now();
    const result = await run(
      python,
      [join(root, 'scripts/bench/peer-imaging.py'), dataset, out, String(concurrency)],
      root,
    );
    const ms = performance.now() - started;
    if (result.code !== 0) throw new Error(`peer failed:\n${result.stderr.slice(-2000)}`);
    const summary = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as { slices: number };
    peers.push({ ms, slices: summary.slices });
    runs.push({ who: 'peer', ms });
    log(`  ${(ms / 1000).toFixed(1)} s`);
    await rm(out, { recursive: true, force: true });
  };
  // ABBA: ours, peer, peer, ours, ... so that a drift in the machine's speed hits both alike.
  for (let pair = 0; pair < runCount; pair++) {
    if (pair % 2 === 0) {
      await oursRun();
      await peerRun();
    } else {
      await peerRun();
      await oursRun();
    }
  }
  const median = (values: number[]) => summarize(values).median;
  const build = builds[0]!;
  const stages = build.stages.map((stage) => ({
    ...stage,
    ms: median(builds.map((b) => b.stages.find((s) => s.stage === stage.stage)?.ms ?? 0)),
  }));
  const peer =
    peers.length > 0 ? { ms: median(peers.map((p) => p.ms)), slices: peers[0]!.slices } : null;
  return {
    studies,
    matrix: REAL_SCALE_MATRIX,
    files: files.length,
    series: bySeries.size,
    datasetBytes,
    ioFloorBytes: Math.round(ioFloorBytes),
    ours: {
      buildMs: median(builds.map((b) => b.wallMs)),
      imagingMs: median(stages.filter((s) => s.stage === 'imaging').map((s) => s.ms)),
      peakRssBytes: Math.max(...builds.map((b) => b.peakRssBytes)),
      stages,
    },
    peer,
    peerNote,
    runs,
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** The real-scale figures, their targets and the projection to 800 studies, as text. */
export function formatRealScale(f: RealScaleFigures): string {
  const scale = REAL_STUDIES / f.studies;
  const lines = [
    `Real scale: ${f.studies} studies, ${f.matrix}×${f.matrix}, ${f.series} series, ${f.files} files, ${mib(f.datasetBytes)} (page cache warm; medians of ${f.runs.filter((r) => r.who === 'ours').length} runs each, ours and the peer alternating)`,
    `  bytes the imaging work must read (headers + rendered slices): ${mib(f.ioFloorBytes)}`,
    `  ours: imaging stage ${seconds(f.ours.imagingMs)}, whole cold build ${seconds(f.ours.buildMs)}, peak memory ${mib(f.ours.peakRssBytes)}`,
    `        stages: ${f.ours.stages.map((s) => `${s.stage} ${seconds(s.ms)}`).join(', ')}`,
  ];
  if (f.peer) {
    const imaging = f.ours.imagingMs / f.peer.ms;
    const build = f.ours.buildMs / f.peer.ms;
    lines.push(
      `  peer (pydicom + numpy + Pillow, all cores): ${seconds(f.peer.ms)}`,
      `  imaging / peer: ${imaging.toFixed(2)} (target ≤ 1.0, aim 0.5): ${imaging <= 1 ? 'pass' : 'MISS'}`,
      `  whole cold build / peer: ${build.toFixed(2)} (target ≤ 1.3): ${build <= 1.3 ? 'pass' : 'MISS'}`,
      `  projected to ${REAL_STUDIES} studies: imaging ${seconds(f.ours.imagingMs * scale)}, build ${seconds(f.ours.buildMs * scale)}, peer ${seconds(f.peer.ms * scale)}`,
    );
  } else {
    lines.push(`  ${f.peerNote}`);
    lines.push(
      `  projected to ${REAL_STUDIES} studies: imaging ${seconds(f.ours.imagingMs * scale)}, build ${seconds(f.ours.buildMs * scale)}`,
    );
  }
  lines.push(
    `  runs in order: ${f.runs.map((r) => `${r.who} ${seconds(r.imagingMs ?? r.ms)}`).join(', ')} (ours: imaging stage)`,
  );
  lines.push(
    `  peak memory target < 2 GiB: ${f.ours.peakRssBytes < 2 * 2 ** 30 ? 'pass' : 'MISS'} (${mib(f.ours.peakRssBytes)})`,
  );
  return lines.join('\n');
}
