/**
 * The thumbnail stage: plans each series' sprite sheets, reuses cached renders, renders the
 * rest in the worker pool, copies images into the output, and builds the public Series records.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { WINDOW_PRESET_IDS } from '../../domain/labels.ts';
import type { QualityFinding, Series, Sprite } from '../../domain/schemas.ts';
import type { OnProgress } from '../progress.ts';
import { writeFileAtomic } from './atomic.ts';
import { IMAGING_CACHE_VERSION, hashKey, spritesCacheDir, type ImagingCache } from './cache.ts';
import { finding } from '../quality/finding.ts';
import { failedReason, unsupportedReason } from './findings.ts';
import type { ImagingOptions, ImagingStudy } from './index.ts';
import type { WorkerPool } from './pool.ts';
import { detailPath, spritePath, type RenderJob, type RenderResult } from './render.ts';
import { medianOf, type SeriesPlan, type StudyPlan } from './series.ts';
import {
  COVER_SIZE,
  SPRITE_COLUMNS,
  detailTileSize,
  middleSlice,
  pickSlices,
  tileSize,
} from './sprite-layout.ts';
import { describeTransferSyntax } from './transfer-syntax.ts';

interface SeriesWork {
  study: StudyPlan;
  series: SeriesPlan;
  key: string;
  job: RenderJob;
  slices: number[];
}

function planRender(
  study: StudyPlan,
  series: SeriesPlan,
  datasetDir: string,
  cacheDir: string,
): SeriesWork {
  const files = series.files;
  const head = files[0]!.header;
  const slices = pickSlices(files.length);
  const tile = tileSize(head.columns, head.rows, head.pixelSpacing);
  const detail = detailTileSize(head.columns, head.rows, head.pixelSpacing);
  const coverSize = tileSize(head.columns, head.rows, head.pixelSpacing, COVER_SIZE);
  const coverIndex = middleSlice(files.length);
  const key = hashKey({
    version: IMAGING_CACHE_VERSION,
    files: files.map((f) => [f.rel, f.size, f.mtimeMs]),
    slices,
    tile,
    detail,
    coverSize,
    coverIndex,
    columns: SPRITE_COLUMNS,
  });
  const slice = (i: number) => ({
    path: join(datasetDir, files[i]!.rel),
    rel: files[i]!.rel,
    header: files[i]!.header,
  });
  return {
    study,
    series,
    key,
    slices,
    job: {
      tiles: slices.map(slice),
      cover: slice(coverIndex),
      tile,
      detail,
      coverSize,
      columns: SPRITE_COLUMNS,
      outPrefix: join(spritesCacheDir(cacheDir), key),
    },
  };
}

function cachedRender(cache: ImagingCache, work: SeriesWork): RenderResult | null {
  const hit = cache.series(work.key);
  if (!hit) return null;
  if (hit.status !== 'ok') return hit;
  const presets = [...WINDOW_PRESET_IDS, 'cover' as const];
  const prefix = work.job.outPrefix;
  const details = work.job.detail ? WINDOW_PRESET_IDS.map((p) => detailPath(prefix, p)) : [];
  const paths = [...presets.map((p) => spritePath(prefix, p)), ...details];
  return paths.every((path) => existsSync(path)) ? hit : null;
}

export async function renderStudies(
  plans: StudyPlan[],
  options: ImagingOptions,
  cache: ImagingCache,
  getPool: () => WorkerPool,
  progress: OnProgress,
  findings: QualityFinding[],
): Promise<ImagingStudy[]> {
  const works = plans.flatMap((study) =>
    study.series.map((series) => planRender(study, series, options.datasetDir, options.cacheDir)),
  );
  const results = new Map<SeriesWork, RenderResult>();
  let done = 0;
  progress({ stage: 'thumbnails', done, total: works.length });
  await Promise.all(
    works.map(async (work) => {
      const cached = cachedRender(cache, work);
      let result: RenderResult;
      if (cached) {
        result = cached;
      } else {
        try {
          result = await getPool().run({ kind: 'render', job: work.job });
        } catch (error) {
          // The worker died (not a verdict on the data): report it, and leave it uncached.
          const detail = `renderer crashed: ${error instanceof Error ? error.message : String(error)}`;
          results.set(work, { status: 'failed', detail, file: work.series.files[0]!.rel });
          progress({ stage: 'thumbnails', done: ++done, total: works.length });
          return;
        }
      }
      results.set(work, result);
      // Stored as each series finishes (its images are already in place): a build killed now
      // does not render this series again.
      if (!cached) cache.putSeries(work.key, result);
      progress({ stage: 'thumbnails', done: ++done, total: works.length });
    }),
  );

  const byStudy = new Map<StudyPlan, SeriesWork[]>();
  for (const work of works) byStudy.set(work.study, [...(byStudy.get(work.study) ?? []), work]);
  return plans.map((study) => {
    const series: Series[] = [];
    let cover: string | null = null;
    for (const work of byStudy.get(study) ?? []) {
      const result = results.get(work)!;
      series.push(toSeries(work, result, options.thumbsDir, findings));
      if (result.status === 'ok' && cover === null) {
        cover = `thumbs/${study.thumbFolder}/cover.webp`;
        copyIfChanged(
          spritePath(work.job.outPrefix, 'cover'),
          join(options.thumbsDir, study.thumbFolder, 'cover.webp'),
        );
      }
    }
    return {
      folder: study.folder,
      studyUid: study.studyUid,
      studyUidRef: study.studyUidRef,
      patientSex: study.patientSex,
      patientAge: study.patientAge,
      series,
      cover,
    };
  });
}

function toSeries(
  work: SeriesWork,
  result: RenderResult,
  thumbsDir: string,
  findings: QualityFinding[],
): Series {
  const { series, study, slices, job } = work;
  const files = series.files;
  const head = files[0]!.header;
  let sprites: Sprite[] = [];
  if (result.status === 'ok') {
    sprites = WINDOW_PRESET_IDS.map((preset) => {
      const name = `${series.spriteBase}-${preset}.webp`;
      copyIfChanged(spritePath(job.outPrefix, preset), join(thumbsDir, study.thumbFolder, name));
      let detail: Sprite['detail'] = null;
      if (job.detail) {
        const detailName = `${series.spriteBase}-${preset}-detail.webp`;
        copyIfChanged(
          detailPath(job.outPrefix, preset),
          join(thumbsDir, study.thumbFolder, detailName),
        );
        detail = {
          url: `thumbs/${study.thumbFolder}/${detailName}`,
          tileWidth: job.detail.width,
          tileHeight: job.detail.height,
        };
      }
      return {
        preset,
        url: `thumbs/${study.thumbFolder}/${name}`,
        tileWidth: job.tile.width,
        tileHeight: job.tile.height,
        count: slices.length,
        columns: Math.min(job.columns, slices.length),
        slices,
        detail,
      };
    });
  } else if (result.status === 'unsupported') {
    findings.push(
      finding(
        'dicom-unsupported-transfer-syntax',
        { syntax: describeTransferSyntax(result.transferSyntax) },
        { file: result.file, study: study.folder, column: 'TransferSyntaxUID' },
      ),
    );
  } else {
    findings.push(
      finding(
        'dicom-decode-failed',
        { detail: result.detail },
        { file: result.file, study: study.folder },
      ),
    );
  }
  return {
    uid: series.publicUid,
    folder: series.folder,
    modality: head.modality,
    manufacturer: head.manufacturer,
    model: head.model,
    sliceThickness: head.sliceThickness,
    kvp: head.kvp,
    tubeCurrent: medianOf(files.map((f) => f.header.tubeCurrent)),
    exposure: medianOf(files.map((f) => f.header.exposure)),
    kernel: head.kernel,
    rows: head.rows,
    columns: head.columns,
    pixelSpacing: head.pixelSpacing,
    spacingBetweenSlices: series.spacingBetweenSlices,
    imageCount: files.length,
    size: { files: files.length, bytes: files.reduce((n, f) => n + f.size, 0) },
    transferSyntax: head.transferSyntax,
    status: result.status,
    reason:
      result.status === 'ok'
        ? null
        : result.status === 'unsupported'
          ? unsupportedReason(result.transferSyntax)
          : failedReason(result.detail),
    sprites,
  };
}

/** Copies a cached image into the output unless an identical file is already there. */
function copyIfChanged(from: string, to: string): void {
  const data = readFileSync(from);
  if (existsSync(to) && statSync(to).size === data.length && readFileSync(to).equals(data)) return;
  writeFileAtomic(to, data);
}
