/**
 * The small-sample figure (issue 26): the whole build of the embedded 128 px sample at 200
 * studies (about 5,000 small files, the build every developer and CI runs) against the pydicom
 * peer (peer-imaging.py) doing the same imaging work on the same files. Here per-file and
 * per-page overheads dominate, not pixels. Target: whole build ≤ 1.5× the peer.
 *
 * Ours: `node scripts/build.ts --studies <n> --no-checksums` under GNU time with the sample
 * already generated (not timed: the peer does not generate it either), the imaging cache and
 * the outputs set aside (renamed away, deleted after the last run: trash.ts). The peer:
 * `peer-imaging.py <sample> <out> <cores>`. Alternating ABBA, page cache warm; wall and CPU
 * seconds (user + system, children included) per run, medians.
 *
 * Also runs alone: `node scripts/bench/small-sample.ts [--studies 200] [--runs 2]`.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { imagingCacheDir } from '../lib/build-site.ts';
import { ensureSample } from '../lib/sample-cache.ts';
import { listStudyFiles } from '../../src/pipeline/imaging/list/walk.ts';
import { DEFAULT_SEED, generateSample, SAMPLE_VERSION } from '../../src/sample/index.ts';
import { parseCpuMs, parseStageTimes, type StageTime } from './build-summary.ts';
import { warmPageCache } from './header-scan.ts';
import { summarize, type Measured } from './stats.ts';
import { GNU_TIME } from './whole-build.ts';
import { peerPython, runProcess } from './child-process.ts';
import { Trash } from './trash.ts';

export const SMALL_SAMPLE_STUDIES = 200;
/** Whole build / peer, wall time (issue 26). */
export const SMALL_SAMPLE_TARGET = 1.5;

export interface TimedRun {
  who: 'ours' | 'peer';
  wallMs: number;
  /** User + system CPU of the process and its children (GNU time). */
  cpuMs: number;
  loadAverage: number;
  stages?: StageTime[];
}

export interface SmallSampleFigures {
  studies: number;
  files: number;
  datasetBytes: number;
  ours: { wallMs: Measured; cpuMs: Measured; stages: StageTime[] };
  peer: { wallMs: Measured; cpuMs: Measured } | null;
  /** Median wall of ours / median wall of the peer; null without the peer. */
  ratio: number | null;
  target: number;
  runs: TimedRun[];
  peerNote: string | null;
}

/** A result file that may carry this figure (bench.ts). */
export interface WithSmallSample {
  smallSample?: SmallSampleFigures;
}

/** `command` under GNU time: wall and CPU (children included), and its output. */
async function timed(command: string, args: string[], cwd: string, timeFile: string) {
  const loadAverage = loadavg()[0] ?? 0;
  const start = performance.now();
  const result = await runProcess(GNU_TIME, ['-f', '%U %S', '-o', timeFile, command, ...args], cwd);
  const wallMs = performance.now() - start;
  if (result.code !== 0) throw new Error(`${command} failed:\n${result.stderr.slice(-2000)}`);
  const cpuMs = parseCpuMs(await readFile(timeFile, 'utf8'));
  return { ...result, wallMs, cpuMs, loadAverage };
}

export async function measureSmallSample(
  root: string,
  studies: number,
  concurrency: number,
  runCount: number,
  log: (line: string) => void,
): Promise<SmallSampleFigures> {
  const work = join(root, '.cache/bench/small-sample');
  await mkdir(work, { recursive: true });
  const { dir: sample } = await ensureSample({
    cacheRoot: join(root, '.cache/sample'),
    version: SAMPLE_VERSION,
    seed: DEFAULT_SEED,
    studies,
    generate: generateSample,
  });
  const { files } = await listStudyFiles(sample);
  log(`small sample: ${studies} studies, ${files.length} files; warming the page cache`);
  await warmPageCache(sample, files);
  const python = await peerPython(root, ['pydicom', 'numpy', 'PIL']);
  const peerNote =
    python === null ? 'peer skipped: python3 with pydicom, numpy and Pillow not found' : null;
  if (peerNote) log(peerNote);

  // Each run's folders are renamed away and deleted after the last run (trash.ts says why).
  const trash = new Trash(join(work, 'trash'));
  await trash.empty();
  const runs: TimedRun[] = [];
  const ours = async () => {
    const [dist, generated] = [join(work, 'dist'), join(work, 'generated')];
    await trash.setAside([imagingCacheDir(root, sample), dist, generated]);
    const args = ['scripts/build.ts', '--studies', String(studies), '--out', dist];
    args.push('--generated', generated, '--concurrency', String(concurrency), '--no-checksums');
    const result = await timed(process.execPath, args, root, join(work, 'time.txt'));
    const stages = parseStageTimes(result.stdout);
    runs.push({ who: 'ours', ...pick(result), stages });
    const stageText = stages.map((s) => `${s.stage} ${seconds(s.ms)}`).join(', ');
    log(`  ours ${seconds(result.wallMs)} (cpu ${seconds(result.cpuMs)}; ${stageText})`);
  };
  const peer = async () => {
    if (python === null) return;
    const out = join(work, 'peer-out');
    await trash.setAside([out]);
    const script = join(root, 'scripts/bench/peer-imaging.py');
    const result = await timed(
      python,
      [script, sample, out, String(concurrency)],
      root,
      join(work, 'time.txt'),
    );
    runs.push({ who: 'peer', ...pick(result) });
    log(`  peer ${seconds(result.wallMs)} (cpu ${seconds(result.cpuMs)})`);
    await trash.setAside([out]);
  };
  for (let pair = 0; pair < runCount; pair++) {
    const order = pair % 2 === 0 ? [ours, peer] : [peer, ours];
    for (const step of order) await step();
  }
  await trash.empty();
  const oursRuns = runs.filter((r) => r.who === 'ours');
  const peerRuns = runs.filter((r) => r.who === 'peer');
  const stages = oursRuns[0]!.stages!.map(({ stage }) => ({
    stage,
    ms: summarize(oursRuns.map((r) => r.stages!.find((s) => s.stage === stage)?.ms ?? 0)).median,
  }));
  const wall = (list: TimedRun[]) => summarize(list.map((r) => r.wallMs));
  const cpu = (list: TimedRun[]) => summarize(list.map((r) => r.cpuMs));
  const peerFigures = peerRuns.length > 0 ? { wallMs: wall(peerRuns), cpuMs: cpu(peerRuns) } : null;
  return {
    studies,
    files: files.length,
    datasetBytes: files.reduce((sum, f) => sum + f.size, 0),
    ours: { wallMs: wall(oursRuns), cpuMs: cpu(oursRuns), stages },
    peer: peerFigures,
    ratio: peerFigures ? wall(oursRuns).median / peerFigures.wallMs.median : null,
    target: SMALL_SAMPLE_TARGET,
    runs,
    peerNote,
  };
}

const pick = (r: { wallMs: number; cpuMs: number; loadAverage: number }) => ({
  wallMs: r.wallMs,
  cpuMs: r.cpuMs,
  loadAverage: r.loadAverage,
});
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The figure, its target and every run, as text. */
export function formatSmallSample(f: SmallSampleFigures): string {
  const lines = [
    `Small sample: ${f.studies} studies at 128 px, ${f.files} files, ${(f.datasetBytes / 2 ** 20).toFixed(0)} MiB (page cache warm; medians of ${f.ours.wallMs.runs.length} runs each, ours and the peer alternating)`,
    `  ours, whole build (sample present, imaging cache empty, --no-checksums): ${seconds(f.ours.wallMs.median)}, cpu ${seconds(f.ours.cpuMs.median)}`,
    `        stages: ${f.ours.stages.map((s) => `${s.stage} ${seconds(s.ms)}`).join(', ')}`,
  ];
  if (f.peer && f.ratio !== null) {
    const cpuRatio = f.ours.cpuMs.median / f.peer.cpuMs.median;
    lines.push(
      `  peer (peer-imaging.py, all cores): ${seconds(f.peer.wallMs.median)}, cpu ${seconds(f.peer.cpuMs.median)}`,
      `  whole build / peer: ${f.ratio.toFixed(2)} (target ≤ ${f.target}): ${f.ratio <= f.target ? 'pass' : 'MISS'}; cpu ${cpuRatio.toFixed(2)}`,
    );
  } else {
    lines.push(`  ${f.peerNote}`);
  }
  lines.push(
    `  runs in order: ${f.runs.map((r) => `${r.who} ${seconds(r.wallMs)} (load ${r.loadAverage.toFixed(1)})`).join(', ')}`,
  );
  return lines.join('\n');
}

if (import.meta.main) {
  const { values } = await import('node:util').then(({ parseArgs }) =>
    parseArgs({ options: { studies: { type: 'string' }, runs: { type: 'string' } } }),
  );
  const root = resolve(import.meta.dirname, '../..');
  const figures = await measureSmallSample(
    root,
    Number(values.studies ?? SMALL_SAMPLE_STUDIES),
    availableParallelism(),
    Number(values.runs ?? 2),
    (line) => process.stderr.write(`bench: ${line}\n`),
  );
  process.stdout.write(`${formatSmallSample(figures)}\n`);
}
