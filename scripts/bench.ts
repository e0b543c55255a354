/**
 * `npm run bench -- [--studies 800] [--scale 5] [--runs 3] [--out bench/results] [--quick]`
 * Measures the build on generated synthetic datasets (see scripts/bench/args.ts for every
 * option): header scan against the I/O floor and dcmdump, thumbnails, and the whole build cold
 * and warm, at the base size and `scale` times larger. Prints a report and writes
 * `<out>/<date>-<sha>.json` and `<out>/latest.json`. Never part of `npm test`.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { listStudyFiles } from '../src/pipeline/imaging/list/walk.ts';
import type { FileScan } from '../src/pipeline/imaging/types.ts';
import { buildFigures, scanFigure, type BuildRunFigures } from './bench/aggregate.ts';
import { parseBenchArgs, USAGE, type BenchArgs } from './bench/args.ts';
import { runCommand } from './lib/cli.ts';
import { formatComparison, parseResult } from './bench/compare.ts';
import { formatReport } from './bench/format.ts';
import {
  canEvictPageCache,
  evictPageCache,
  hasDcmdump,
  measureDcmdump,
  measureIoFloor,
  measureOurScan,
  warmPageCache,
} from './bench/header-scan.ts';
import { gitState, machineInfo } from './bench/machine.ts';
import {
  RESULT_SCHEMA,
  evaluateTargets,
  resultFileName,
  type BenchResult,
  type ChecksumFigures,
  type SizeFigures,
  type ThumbnailFigures,
} from './bench/results.ts';
import { summarize } from './bench/stats.ts';
import { measureThumbnails, type RenderRun } from './bench/thumbnails.ts';
import { measureChecksums } from './bench/checksums.ts';
import { measureRealScale } from './bench/real-scale.ts';
import { formatRealScale, realScaleTargets } from './bench/real-scale-report.ts';
import { formatVerify, measureVerify } from './bench/verify.ts';
import { Trash } from './bench/trash.ts';
import * as smallSample from './bench/small-sample.ts';
import {
  hasGnuTime,
  makeCold,
  runBuild,
  sampleFolder,
  type BuildPlace,
} from './bench/whole-build.ts';

const ROOT = resolve(import.meta.dirname, '..');

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

/** One build's figures on one line, so a long bench shows (and keeps, in its log) progress. */
function logBuild(run: BuildRunFigures): void {
  const stages = run.stages.map((s) => `${s.stage} ${(s.ms / 1000).toFixed(1)}`).join(', ');
  log(
    `  ${(run.wallMs / 1000).toFixed(1)} s, peak ${Math.round(run.peakRssBytes / 2 ** 20)} MiB (${stages})`,
  );
}

function thumbnailFigures(renders: RenderRun[]): ThumbnailFigures {
  const first = renders[0]!;
  const ms = summarize(renders.map((r) => r.ms));
  return {
    series: first.series,
    slices: first.slices,
    sheets: first.sheets,
    ms,
    slicesPerSecond: (first.slices * 1000) / ms.median,
    encodeMsPerSheet: summarize(renders.map((r) => r.encodeMs)),
  };
}

interface Tools {
  dcmdump: boolean;
  evict: boolean;
}

async function measureSize(args: BenchArgs, studies: number, tools: Tools): Promise<SizeFigures> {
  const place: BuildPlace = {
    root: ROOT,
    studies,
    work: join(ROOT, '.cache/bench', String(studies)),
    concurrency: args.concurrency,
  };
  await mkdir(place.work, { recursive: true });

  const cold: BuildRunFigures[] = [];
  const warm: BuildRunFigures[] = [];
  if (!args.skip.has('builds')) {
    const trash = new Trash(join(place.work, 'trash'));
    await trash.empty();
    for (let run = 1; run <= args.buildRuns; run++) {
      await makeCold(place, trash);
      log(`${studies} studies: cold build ${run}/${args.buildRuns} (sample generated first)`);
      cold.push(await runBuild(place));
      logBuild(cold.at(-1)!);
    }
    await trash.empty();
    for (let run = 1; run <= args.buildRuns; run++) {
      log(`${studies} studies: warm build ${run}/${args.buildRuns}`);
      warm.push(await runBuild(place));
      logBuild(warm.at(-1)!);
    }
  }

  const datasetDir = sampleFolder(place);
  if (!existsSync(join(datasetDir, 'studies'))) {
    throw new Error(
      `no sample of ${studies} studies in ${datasetDir}: run without --skip builds once`,
    );
  }
  const listing = await listStudyFiles(datasetDir);
  const files = listing.files;
  const bytes = files.reduce((sum, f) => sum + f.size, 0);
  log(`${studies} studies: warming the page cache (${files.length} files)`);
  await warmPageCache(datasetDir, files);

  const warmRuns = { ours: [] as number[], floor: [] as number[], peer: [] as number[] };
  const coldRuns = { ours: [] as number[], floor: [] as number[], peer: [] as number[] };
  let scans: FileScan[] = [];
  for (let run = 1; run <= args.runs; run++) {
    log(`${studies} studies: header scan run ${run}/${args.runs} (warm page cache)`);
    const scan = await measureOurScan(datasetDir, files, args.concurrency);
    warmRuns.ours.push(scan.ms);
    scans = scan.scans;
    warmRuns.floor.push(await measureIoFloor(datasetDir, files, args.concurrency));
    if (tools.dcmdump)
      warmRuns.peer.push(await measureDcmdump(datasetDir, files, args.concurrency));
  }
  if (tools.evict) {
    for (let run = 1; run <= args.runs; run++) {
      log(`${studies} studies: header scan run ${run}/${args.runs} (cold page cache)`);
      await evictPageCache(datasetDir, files);
      coldRuns.ours.push((await measureOurScan(datasetDir, files, args.concurrency)).ms);
      await evictPageCache(datasetDir, files);
      coldRuns.floor.push(await measureIoFloor(datasetDir, files, args.concurrency));
      if (tools.dcmdump) {
        await evictPageCache(datasetDir, files);
        coldRuns.peer.push(await measureDcmdump(datasetDir, files, args.concurrency));
      }
    }
    await warmPageCache(datasetDir, files);
  }
  const rate = (ms: number[]) => `${Math.round((files.length * 1000) / ms.at(-1)!)} files/s`;
  log(
    `  warm: ours ${rate(warmRuns.ours)}, floor ${rate(warmRuns.floor)}${tools.dcmdump ? `, dcmdump ${rate(warmRuns.peer)}` : ''}`,
  );
  if (tools.evict) {
    log(
      `  cold: ours ${rate(coldRuns.ours)}, floor ${rate(coldRuns.floor)}${tools.dcmdump ? `, dcmdump ${rate(coldRuns.peer)}` : ''}`,
    );
  }
  const parsed = scans.filter((s) => 'header' in s).length;
  if (parsed < files.length)
    log(`  note: ${files.length - parsed} files were not usable CT images`);
  const comparison = (runs: typeof warmRuns) => ({
    ours: scanFigure(runs.ours, files.length, bytes),
    ioFloor: scanFigure(runs.floor, files.length, bytes),
    dcmdump: tools.dcmdump ? scanFigure(runs.peer, files.length, bytes) : null,
  });

  const renders: RenderRun[] = [];
  for (let run = 1; run <= args.runs && !args.skip.has('thumbnails'); run++) {
    log(`${studies} studies: thumbnails run ${run}/${args.runs}`);
    const render = await measureThumbnails(
      datasetDir,
      scans,
      listing.studyFolders,
      args.concurrency,
    );
    renders.push(render);
    log(
      `  ${render.slices} slices in ${(render.ms / 1000).toFixed(1)} s, ${render.encodeMs.toFixed(1)} ms per sheet encoding`,
    );
  }

  let checksums: ChecksumFigures | null = null;
  if (!args.skip.has('checksums')) {
    log(`${studies} studies: checksums, ${args.runs} runs (ours and GNU sha256sum alternating)`);
    checksums = await measureChecksums(datasetDir, files, args.concurrency, args.runs);
    log(
      `  ours ${Math.round(checksums.ours.filesPerSecond)} files/s, sha256sum ×${args.concurrency} ${Math.round(checksums.gnuParallel.filesPerSecond)} files/s, pool start ${(checksums.poolStartMs.median / 1000).toFixed(2)} s`,
    );
  }

  await rm(join(place.work, 'dist'), { recursive: true, force: true });
  return {
    studies,
    headerScan: {
      files: files.length,
      bytes,
      ...comparison(warmRuns),
      cold: tools.evict ? comparison(coldRuns) : null,
    },
    thumbnails: renders.length > 0 ? thumbnailFigures(renders) : null,
    checksums,
    build: cold.length > 0 ? { cold: buildFigures(cold), warm: buildFigures(warm) } : null,
  };
}

/** The machine and load, for a run that prints only the real-scale figure. */
function machineLine(result: BenchResult): string {
  const m = result.machine;
  return `Machine: ${m.cpuModel}, ${m.cores} cores, ${(m.memoryBytes / 2 ** 30).toFixed(0)} GiB, Node ${m.node}; load average ${m.loadAverage.toFixed(1)} at start, ${(m.loadAverageAtEnd ?? Number.NaN).toFixed(1)} at end; commit ${result.git.sha}${result.git.dirty ? ' (dirty)' : ''}`;
}

/** `--compare`: two result files side by side; exit 2 when either cannot be read. */
async function compare(beforeFile: string, afterFile: string): Promise<number> {
  try {
    const read = async (file: string) => parseResult(await readFile(file, 'utf8'), file);
    const [before, after] = await Promise.all([read(beforeFile), read(afterFile)]);
    process.stdout.write(`${formatComparison(before, after)}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

async function main(args: BenchArgs): Promise<number> {
  if (args.compare) return compare(args.compare.before, args.compare.after);
  if (!(await hasGnuTime())) {
    process.stderr.write(
      'bench: /usr/bin/time (GNU time) is needed for peak memory: apt-get install time\n',
    );
    return 2;
  }
  const tools: Tools = { dcmdump: await hasDcmdump(), evict: await canEvictPageCache() };
  if (!tools.dcmdump) log('dcmdump not found (apt-get install dcmtk): the peer figure is skipped');
  if (!tools.evict) log('python3 not found: the cold page cache figures are skipped');

  const date = new Date();
  const machine = machineInfo();
  const git = gitState(ROOT);
  const sizes: SizeFigures[] = [];
  const result: BenchResult & smallSample.WithSmallSample = {
    schema: RESULT_SCHEMA,
    date: date.toISOString(),
    git,
    machine,
    options: {
      studies: args.studies,
      scale: args.scale,
      runs: args.runs,
      buildRuns: args.buildRuns,
      concurrency: args.concurrency,
    },
    pageCache: tools.evict
      ? 'scan figures warm (every file read once before) and cold (pages evicted with posix_fadvise before each); builds and thumbnails as they come'
      : 'scan figures warm (every file read once before); builds and thumbnails as they come',
    sizes,
    targets: [],
  };
  await mkdir(args.out, { recursive: true });
  const file = join(args.out, resultFileName(date, git.sha));
  const studiesList =
    args.realScaleOnly || args.verifyOnly
      ? []
      : args.scale > 1
        ? [args.studies, args.studies * args.scale]
        : [args.studies];
  for (const studies of studiesList) {
    sizes.push(await measureSize(args, studies, tools));
    // Written after every size: a long bench stopped half-way still leaves its figures.
    result.targets = evaluateTargets(sizes);
    result.machine.loadAverageAtEnd = loadavg()[0] ?? 0;
    const json = `${JSON.stringify(result, null, 2)}\n`;
    await writeFile(file, json);
    await writeFile(join(args.out, 'latest.json'), json);
    log(`figures so far written to ${file}`);
  }
  if (args.realScaleOnly || (!args.verifyOnly && !args.skip.has('real-scale'))) {
    result.realScale = await measureRealScale(
      ROOT,
      args.realScaleStudies,
      args.concurrency,
      args.realScaleRuns,
      log,
    );
    result.targets = [...evaluateTargets(sizes), ...realScaleTargets(result.realScale)];
    result.machine.loadAverageAtEnd = loadavg()[0] ?? 0;
    const json = `${JSON.stringify(result, null, 2)}\n`;
    await writeFile(file, json);
    await writeFile(join(args.out, 'latest.json'), json);
  }
  if (!args.realScaleOnly && !args.skip.has('verify')) {
    result.verify = await measureVerify(
      ROOT,
      args.verifyStudies,
      args.runs,
      availableParallelism(),
      log,
    );
    result.machine.loadAverageAtEnd = loadavg()[0] ?? 0;
    const json = `${JSON.stringify(result, null, 2)}\n`;
    await writeFile(file, json);
    await writeFile(join(args.out, 'latest.json'), json);
  }
  if (!args.realScaleOnly && !args.verifyOnly && !args.skip.has('small-sample')) {
    const { SMALL_SAMPLE_STUDIES: studies, measureSmallSample } = smallSample;
    result.smallSample = await measureSmallSample(ROOT, studies, args.concurrency, args.runs, log);
    result.machine.loadAverageAtEnd = loadavg()[0] ?? 0;
    const json = `${JSON.stringify(result, null, 2)}\n`;
    await writeFile(file, json);
    await writeFile(join(args.out, 'latest.json'), json);
  }
  const report = args.realScaleOnly || args.verifyOnly ? machineLine(result) : formatReport(result);
  const realScale = result.realScale ? `\n\n${formatRealScale(result.realScale)}` : '';
  const verify = result.verify ? `\n\n${formatVerify(result.verify)}` : '';
  const small = result.smallSample
    ? `\n\n${smallSample.formatSmallSample(result.smallSample)}`
    : '';
  process.stdout.write(
    `${report}${realScale}${verify}${small}\n\nWritten: ${file} and latest.json\n`,
  );
  return 0;
}

process.exitCode = await runCommand({
  name: 'bench',
  usage: USAGE,
  parse: () => parseBenchArgs(process.argv.slice(2), process.cwd(), availableParallelism()),
  main,
});
