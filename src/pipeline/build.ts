/**
 * The data pipeline, stage by stage: read the registry, scan the imaging, join, check the
 * declared overview, compute statistics, write `<generated>/data/`. Every stage that reads or
 * writes is passed in (`PipelineStages`: side effects at the edges, fakes in tests); everything
 * else here is cheap, so a rebuild with nothing changed costs little more than the imaging cache
 * lookups.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { computeOverview } from '../domain/overview.ts';
import type { QualityFile, QualityFinding, Source, Study } from '../domain/schemas.ts';
import { joinStudies } from './join.ts';
import { copyLists } from './outputs/copy-lists.ts';
import { registryCsv } from './outputs/registry-csv.ts';
import { stageTimer, type OnProgress, type StageEvent, type StageTiming } from './progress.ts';
import { countBySeverity, finding, sortFindings } from './quality/finding.ts';
import { checkOverview, unstatedSexFindings } from './quality/overview-check.ts';
import type { RegistryResult } from './registry/read-registry.ts';
import { declaredOf } from './releases/index.ts';
import type { PipelineStages } from './stages.ts';

export interface PipelineOptions {
  datasetDir: string;
  /**
   * The registry workbook's dataset-relative name, located once by the caller
   * (`findRegistryFile`, src/pipeline/dataset.ts); null: there is none (a finding).
   */
  registryFile: string | null;
  /** Where `data/` and `thumbs/` are written. */
  generatedDir: string;
  /** Cache folder for the imaging stage. */
  cacheDir: string;
  /** True when the dataset is the embedded synthetic sample. */
  synthetic: boolean;
  concurrency?: number;
  /** Compute SHA-256 checksums of every dataset file (writes data/SHA256SUMS). */
  checksums?: boolean;
  /** An earlier build's site folder (`--previous`): data/changes.json compares against it. */
  previous?: string | null;
  /** SOURCE_DATE_EPOCH (seconds) when set: the build date recorded in the outputs. */
  sourceDateEpoch?: number;
  onProgress?: OnProgress;
  onStage?: (event: StageEvent) => void;
  /** Monotonic clock for stage timings (injected so tests need no real time). */
  now?: () => number;
}

export interface PipelineResult {
  studies: Study[];
  quality: QualityFile;
  source: Source;
  /** Milliseconds per stage, in run order. */
  timings: StageTiming[];
  /** Data files whose content changed in this run. */
  changed: string[];
}

/** Runs the pipeline; throws only for failures of the machine (I/O), never for bad data. */
export async function runPipeline(
  options: PipelineOptions,
  stages: PipelineStages,
): Promise<PipelineResult> {
  const timings: StageTiming[] = [];
  const timed = stageTimer(timings, options.onStage, options.now);
  const { datasetDir } = options;
  const findings: QualityFinding[] = [];

  const readme = await timed('readme', () =>
    stages.readDatasetReadmes(datasetDir, options.synthetic),
  );
  findings.push(...readme.findings);
  const { facts } = readme.dataset;

  const registry = await timed('registry', async (): Promise<RegistryResult | null> => {
    const name = options.registryFile;
    if (name === null) {
      findings.push(finding('registry-missing', {}));
      return null;
    }
    const result = await stages.readRegistry(join(datasetDir, name), name);
    findings.push(...result.findings);
    return result;
  });

  const imaging = await timed('imaging', () =>
    stages.scanImaging({
      datasetDir,
      thumbsDir: join(options.generatedDir, 'thumbs'),
      cacheDir: options.cacheDir,
      ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
      ...(options.checksums ? { checksums: true } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    }),
  );
  findings.push(...imaging.findings);

  const joined = await timed('join', () =>
    joinStudies({
      registry,
      imaging: imaging.studies,
      folders: imaging.studyFolders,
      folderSizes: imaging.folderSizes,
      ...(imaging.checksums ? { folderDigests: imaging.checksums.byFolder } : {}),
    }),
  );
  findings.push(...joined.findings);
  const { studies } = joined;

  const checked = checkOverview(
    // The pages compare the same two (src/site/overview.ts): one declared overview, the README's.
    facts.declaredOverview,
    computeOverview(studies),
  );
  findings.push(...checked.findings, ...unstatedSexFindings(studies));

  const stats = await timed('stats', () => stages.computeStats(studies));

  const builtAt =
    options.sourceDateEpoch !== undefined
      ? new Date(options.sourceDateEpoch * 1000).toISOString()
      : ((registry ? await stages.mtimeIso(join(datasetDir, registry.file)) : null) ??
        (await stages.mtimeIso(join(datasetDir, 'studies'))) ??
        new Date(0).toISOString());
  const source: Source = {
    synthetic: options.synthetic,
    registryFile: registry?.file ?? null,
    registrySha256: registry?.sha256 ?? null,
    registryLayout:
      registry?.sheet && registry.headerRow && registry.headers.studyUid
        ? {
            file: registry.file,
            sheet: registry.sheet,
            headerRow: registry.headerRow,
            idColumn: registry.headers.studyUid,
          }
        : null,
    builtAt,
  };
  const sorted = sortFindings(findings);
  const quality: QualityFile = {
    source,
    counts: {
      files: imaging.files,
      filesParsed: imaging.filesParsed,
      registryRows: registry?.dataRows ?? 0,
      studies: studies.length,
      series: studies.reduce((n, s) => n + s.series.length, 0),
      ...countBySeverity(sorted),
    },
    overview: checked.overview,
    findings: sorted,
  };

  const dataDir = join(options.generatedDir, 'data');
  const csv = registryCsv(
    registry?.rows ?? [],
    new Map(studies.flatMap((s) => (s.registryRow !== null ? [[s.registryRow, s.size]] : []))),
  );
  const changed = await timed('write', async () => [
    ...(await stages.writeDataFiles(dataDir, {
      dataset: readme.dataset,
      studies: {
        source,
        checksums: imaging.checksums
          ? {
              files: imaging.checksums.files,
              failed: imaging.checksums.failed,
              sumsFile: {
                sha256: createHash('sha256').update(imaging.checksums.sums).digest('hex'),
                bytes: Buffer.byteLength(imaging.checksums.sums),
              },
            }
          : null,
        studies,
      },
      sha256sums: imaging.checksums?.sums ?? null,
      stats,
      quality,
      registryCsv: csv,
    })),
    // What the "Your copy" page checks a copy against: per study, each file's size and hash.
    ...(await stages.writeCopyLists(
      dataDir,
      copyLists(imaging.listed ?? [], imaging.checksums?.byPath ?? null, studies),
    )),
  ]);
  changed.push(
    ...(await timed('releases', () =>
      stages.writeReleaseFiles(
        dataDir,
        {
          version: facts.version,
          built: builtAt,
          studies: studies.map((s) => s.id),
          registryCsv: csv,
          sha256sums: imaging.checksums?.sums ?? null,
          declared: declaredOf(facts),
          files: imaging.files,
        },
        options.previous ?? null,
      ),
    )),
  );
  return { studies, quality, source, timings, changed };
}
