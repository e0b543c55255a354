/**
 * The real-scale figure: a sample in the real dataset's shape (512×512, a thick and a thin
 * series per study, 40 % of series compressed; `npm run sample -- --matrix 512`), built cold
 * with `--dataset` under GNU time, against the peer script peer-imaging.py (pydicom + numpy +
 * Pillow doing the same imaging work on all cores). Page cache warm for both, run back to back.
 */
import { mkdir, readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { imagingCacheDir } from '../lib/build-site.ts';
import { listStudyFiles } from '../../src/pipeline/imaging/list/walk.ts';
import { MAX_TILES } from '../../src/pipeline/imaging/render/sprite-layout.ts';
import { generateSample, readSampleManifest, SAMPLE_VERSION } from '../../src/sample/index.ts';
import { FIRST_PREFIX_BYTES } from '../../src/pipeline/imaging/header/read-header.ts';
import { warmPageCache } from './header-scan.ts';
import { loadSheets, timeEncoding, type RawSheet } from './encode-floor.ts';
import {
  PEER_VARIANTS,
  type Contender,
  type PeerVariant,
  type RealScaleFigures,
} from './real-scale-report.ts';
import { medianSteps, readProfiles, sumProfiles, type RenderSteps } from './render-steps.ts';
import { PROFILE_ENV } from '../../src/pipeline/imaging/render/step-profile.ts';
import { summarize } from './stats.ts';
import { parseCpuMs } from './build-summary.ts';
import { GNU_TIME, runBuild, type BuildRun } from './whole-build.ts';
import { peerPython, runProcess } from './child-process.ts';
import { Trash } from './trash.ts';

export const REAL_SCALE_MATRIX = 512;
export const PEER_INSTALL =
  'apt-get install python3-pydicom python3-numpy python3-pil python3-gdcm';

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

/** Total bytes of the files under `dir` (0 when it does not exist). */
async function folderBytes(dir: string): Promise<number> {
  const names = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  let bytes = 0;
  for (const name of names) {
    const info = await stat(join(dir, name));
    if (info.isFile()) bytes += info.size;
  }
  return bytes;
}

/**
 * The order of one round: the contenders forward in even rounds, backward in odd ones (ABCD,
 * DCBA, ...), so that a drift in the machine's speed hits all alike.
 * @example roundOrder(1, ['a', 'b', 'c']) // ['c', 'b', 'a']
 */
export function roundOrder<T>(round: number, contenders: readonly T[]): T[] {
  return round % 2 === 0 ? [...contenders] : [...contenders].reverse();
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

  const profileDir = join(work, 'render-profile');
  const place = { root, studies, work, concurrency, dataset, env: { [PROFILE_ENV]: profileDir } };
  const python = await peerPython(root, ['pydicom', 'numpy', 'PIL', 'gdcm']);
  let peerNote: string | null = null;
  if (python === null) {
    peerNote = `peers skipped: pydicom, numpy, Pillow or GDCM missing (${PEER_INSTALL})`;
    log(peerNote);
  }
  // Each run's folders are renamed away and deleted after the last run (trash.ts says why).
  const trash = new Trash(join(work, 'trash'));
  await trash.empty();
  const builds: BuildRun[] = [];
  const steps: RenderSteps[] = [];
  const peers: Record<PeerVariant, { ms: number; cpuMs: number; slices: number }[]> = {
    bilinear: [],
    lanczos: [],
  };
  const floors: number[] = [];
  let sheets: RawSheet[] = [];
  let thumbsBytes = 0;
  const runs: RealScaleFigures['runs'] = [];
  const oursRun = async () => {
    await trash.setAside([
      imagingCacheDir(root, dataset),
      join(work, 'dist'),
      join(work, 'generated'),
      profileDir,
    ]);
    await mkdir(profileDir, { recursive: true });
    log('real scale: our cold build (--dataset, imaging cache empty)');
    const build = await runBuild(place);
    const imagingMs = build.stages.find((s) => s.stage === 'imaging')?.ms ?? Number.NaN;
    log(`  ${(build.wallMs / 1000).toFixed(1)} s, imaging ${(imagingMs / 1000).toFixed(1)} s`);
    builds.push(build);
    runs.push({ who: 'ours', ms: build.wallMs, imagingMs, cpuMs: build.cpuMs ?? Number.NaN });
    const profiles = await readProfiles(profileDir);
    if (profiles.size > 0) steps.push(sumProfiles(profiles));
    const thumbs = join(work, 'generated', 'thumbs');
    thumbsBytes = await folderBytes(thumbs);
    if (sheets.length === 0) sheets = (await loadSheets(thumbs)).sheets;
  };
  const floorRun = async () => {
    if (sheets.length === 0) return; // measured once our first build has made the sheets
    log(`real scale: encode floor (${sheets.length} sheets, ${concurrency} at a time)`);
    const { ms } = await timeEncoding(sheets, concurrency);
    floors.push(ms);
    runs.push({ who: 'floor', ms });
    log(`  ${(ms / 1000).toFixed(1)} s`);
  };
  const peerRun = async (variant: PeerVariant) => {
    if (python === null) return;
    const out = join(work, 'peer-out');
    await trash.setAside([out]);
    log(`real scale: peer, ${variant} (${python} peer-imaging.py, ${concurrency} processes)`);
    const timeFile = join(work, 'peer-time.txt');
    const started = performance.now();
    const result = await runProcess(
      GNU_TIME,
      [
        ...['-f', '%U %S', '-o', timeFile, python],
        ...[
          join(root, 'scripts/bench/peer-imaging.py'),
          dataset,
          out,
          String(concurrency),
          variant,
        ],
      ],
      root,
    );
    const ms = performance.now() - started;
    if (result.code !== 0) throw new Error(`peer failed:\n${result.stderr.slice(-2000)}`);
    const summary = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as { slices: number };
    const cpuMs = parseCpuMs(await readFile(timeFile, 'utf8'));
    peers[variant].push({ ms, cpuMs, slices: summary.slices });
    runs.push({ who: `peer-${variant}`, ms, cpuMs });
    log(`  ${(ms / 1000).toFixed(1)} s`);
    await trash.setAside([out]);
  };
  const contenders: Contender[] = [
    'ours',
    'floor',
    ...PEER_VARIANTS.map((v) => `peer-${v}` as const),
  ];
  const measure = (who: Contender) =>
    who === 'ours'
      ? oursRun()
      : who === 'floor'
        ? floorRun()
        : peerRun(who.slice(5) as PeerVariant);
  for (let round = 0; round < runCount; round++) {
    for (const who of roundOrder(round, contenders)) await measure(who);
  }
  // The floor of the first round ran before any sheet existed when it came first: make it up.
  if (floors.length < runCount) await floorRun();
  await trash.empty();

  const median = (values: number[]) => summarize(values).median;
  const build = builds[0]!;
  const stages = build.stages.map((stage) => ({
    stage: stage.stage,
    ms: median(builds.map((b) => b.stages.find((s) => s.stage === stage.stage)?.ms ?? 0)),
  }));
  const peerFigure = (variant: PeerVariant) => {
    const list = peers[variant];
    return list.length > 0
      ? {
          ms: summarize(list.map((p) => p.ms)),
          cpuMs: summarize(list.map((p) => p.cpuMs)),
          slices: list[0]!.slices,
        }
      : null;
  };
  return {
    studies,
    matrix: REAL_SCALE_MATRIX,
    files: files.length,
    series: bySeries.size,
    datasetBytes,
    ioFloorBytes: Math.round(ioFloorBytes),
    ours: {
      buildMs: summarize(builds.map((b) => b.wallMs)),
      buildCpuMs: summarize(builds.map((b) => b.cpuMs ?? Number.NaN)),
      imagingMs: summarize(
        builds.map((b) => b.stages.find((s) => s.stage === 'imaging')?.ms ?? Number.NaN),
      ),
      peakRssBytes: Math.max(...builds.map((b) => b.peakRssBytes)),
      stages,
      thumbsBytes,
      steps: steps.length > 0 ? medianSteps(steps) : null,
    },
    floor: floors.length > 0 ? { ms: summarize(floors), sheets: sheets.length } : null,
    peers: { bilinear: peerFigure('bilinear'), lanczos: peerFigure('lanczos') },
    peerNote,
    runs,
  };
}
