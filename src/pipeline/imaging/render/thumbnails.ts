/**
 * The thumbnail stage: plans each series' sprite sheets, reuses cached renders and renders the
 * rest in the worker pool, into the cache's sprites folder. What each series' render came to
 * is the result; copying the images into the output (publish.ts) and the public records
 * (../record/) are the next steps.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WINDOW_PRESETS, WINDOW_PRESET_IDS } from '../../../domain/window-presets.ts';
import type { OnProgress } from '../../progress.ts';
import { IMAGING_CACHE_VERSION, hashKey, type ImagingCache } from '../cache/cache.ts';
import { spritesCacheDir } from '../cache/sprites.ts';
import type { SeriesPlan, StudyPlan } from '../plan/types.ts';
import type { WorkerPool } from '../workers/pool.ts';
import { detailPath, spritePath, type RenderJob, type RenderResult } from './render.ts';
import {
  COVER_SIZE,
  SPRITE_COLUMNS,
  detailTileSize,
  middleSlice,
  pickSlices,
  tileSize,
} from './sprite-layout.ts';
import { errorText } from '../error-text.ts';

/** What the stage needs besides the plan. */
export interface ThumbnailContext {
  datasetDir: string;
  cacheDir: string;
  cache: ImagingCache;
  /** The worker pool, started on first use (a warm build may need none). */
  getPool: () => WorkerPool;
  progress: OnProgress;
}

/** One series' render: the job it was given (sizes, slices, where its images are) and its outcome. */
export interface SeriesRender {
  job: RenderJob;
  /** Indexes (in the series' spatial order) of the slices its sprite sheets show. */
  slices: number[];
  result: RenderResult;
}

interface SeriesWork {
  series: SeriesPlan;
  key: string;
  job: RenderJob;
  slices: number[];
}

function planRender(series: SeriesPlan, datasetDir: string, cacheDir: string): SeriesWork {
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
    // The windows the worker renders with: a changed centre or width is a new render.
    windows: WINDOW_PRESETS,
  });
  const slice = (i: number) => ({
    path: join(datasetDir, files[i]!.rel),
    rel: files[i]!.rel,
    header: files[i]!.header,
  });
  return {
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

/**
 * Renders every series of the plan that the cache does not already hold, each in a worker.
 * Never throws for a series: a crashed worker is a `failed` outcome (and is not cached).
 */
export async function renderThumbnails(
  studies: readonly StudyPlan[],
  context: ThumbnailContext,
): Promise<Map<SeriesPlan, SeriesRender>> {
  const { datasetDir, cacheDir, cache, getPool, progress } = context;
  const works = studies.flatMap((study) =>
    study.series.map((series) => planRender(series, datasetDir, cacheDir)),
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
          const detail = `renderer crashed: ${errorText(error)}`;
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
  return new Map(
    works.map((work) => [
      work.series,
      { job: work.job, slices: work.slices, result: results.get(work)! },
    ]),
  );
}
