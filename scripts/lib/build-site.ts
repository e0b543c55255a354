/**
 * The whole build, stage by stage: (sample) → pipeline → Astro → data and thumbnails →
 * Pagefind → publish. Every side-effecting stage is passed in (`SiteBuildDeps`), so tests run
 * it with fakes and `scripts/build.ts` wires the real modules. The site is assembled in a
 * temporary folder next to `out` and replaces `out` only when everything succeeded.
 */
import { rm, stat, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { QualityFile, Study } from '../../src/domain/schemas.ts';
import { runPipeline } from '../../src/pipeline/build.ts';
import { findRegistryFile } from '../../src/pipeline/dataset.ts';
import type { PipelineStages } from '../../src/pipeline/stages.ts';
import {
  stageTimer,
  type OnProgress,
  type ProgressEvent,
  type StageEvent,
  type StageTiming,
} from '../../src/pipeline/progress.ts';
import { ensureSample, type GenerateSample } from './sample-cache.ts';
import { readStamp, siteStamp, STAMP_FILE } from './site-stamp.ts';
import type { SiteAddress } from '../../astro.config.ts';
import { cleanStaleStaging, stagingDir } from './staging.ts';

export interface SiteBuildOptions {
  /** Dataset folder, or null for the embedded sample. */
  dataset: string | null;
  /** Site output folder; null to stop after the pipeline (data only). */
  out: string | null;
  generated: string;
  /** Project root (astro.config.ts) and home of `.cache/`. */
  root: string;
  concurrency?: number;
  /** Compute SHA-256 checksums of every dataset file: on unless false (`--no-checksums`). */
  checksums?: boolean;
  /** An earlier build's site folder to compare with (`--previous`). */
  previous?: string | null;
  studies?: number | undefined;
  seed?: number | undefined;
  sourceDateEpoch?: number | undefined;
  /** Render the site even when its stamp says the output is up to date. */
  force?: boolean;
  /**
   * `--strict`: with any error finding, the site is not built and `--out` is left as it was
   * (decided before the swap, so `--out` is replaced only by a build that succeeds).
   */
  strict?: boolean;
  /** The site's origin (`--site`); undefined: absolute URLs are left out. */
  site?: string | undefined;
  /** The base path the site is served under (`--base`), `/` by default. */
  base?: string | undefined;
}

export interface SiteBuildDeps extends PipelineStages {
  sample: {
    generate: GenerateSample;
    version: string;
    defaultSeed: number;
    defaultStudies: number;
    /** Whether a folder is a generated sample (so `--dataset <sample>` is marked synthetic too). */
    isSample?: (dir: string) => Promise<boolean>;
  };
  astroBuild: (
    root: string,
    outDir: string,
    generatedDir: string,
    address: SiteAddress,
    log?: (line: string) => void,
  ) => Promise<void>;
  pagefindIndex: (siteDir: string) => Promise<unknown>;
  linkTree: (source: string, target: string) => Promise<number>;
  linkFiles: (sourceRoot: string, targetRoot: string, paths: Iterable<string>) => Promise<string[]>;
  replaceDir: (staged: string, out: string) => Promise<void>;
  /** Loads what the site stages use, ahead of them (a failure shows where they use it). */
  loadSiteTools?: () => Promise<unknown>;
  /**
   * Hash of the project files the pages are made from (see site-stamp.ts). Without it, the
   * site is always rendered; with it, a build whose stamp matches the output's skips Astro,
   * the copy and Pagefind.
   */
  hashSiteSources?: (root: string) => Promise<string>;
}

export interface SiteBuildHooks {
  onProgress?: OnProgress;
  onStage?: (event: StageEvent) => void;
  log?: (line: string) => void;
}

export interface SiteBuildResult {
  datasetDir: string;
  synthetic: boolean;
  /** False when `--strict` found errors and left `--out` as it was. */
  published: boolean;
  quality: QualityFile;
  timings: StageTiming[];
}

/** A dataset folder that cannot be built from; the CLI exits with code 2. */
export class DatasetError extends Error {}

/** Checks a `--previous` site folder before any work starts: it must hold data/studies.json. */
export async function checkPreviousDir(dir: string): Promise<void> {
  const info = await stat(join(dir, 'data', 'studies.json')).catch(() => null);
  if (info === null) {
    throw new DatasetError(
      `--previous ${dir} is not a site folder built by this project: it has no data/studies.json`,
    );
  }
}

/** Checks a user-given dataset folder before any work starts (its registry: `buildSite`). */
export async function checkDatasetDir(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => null);
  if (info === null) throw new DatasetError(`Dataset folder not found: ${dir}`);
  if (!info.isDirectory()) throw new DatasetError(`Dataset path is not a folder: ${dir}`);
}

/**
 * The imaging cache of one dataset folder: `.cache/imaging/<hash of its path>/`. Separate
 * per dataset, so building the test sample and then the default sample (or a real dataset)
 * does not evict the other's cache, and two builds of different datasets never share one.
 */
export function imagingCacheDir(root: string, datasetDir: string): string {
  const key = createHash('sha256').update(resolve(datasetDir)).digest('hex').slice(0, 16);
  return join(root, '.cache/imaging', key);
}

/** Every image file the study records reference (covers, sprite sheets, detail sheets). */
export function imageUrls(studies: readonly Study[]): string[] {
  return studies.flatMap((s) => [
    ...(s.cover ? [s.cover] : []),
    ...s.series.flatMap((series) =>
      series.sprites.flatMap((sprite) => [
        sprite.url,
        ...(sprite.detail ? [sprite.detail.url] : []),
      ]),
    ),
  ]);
}

export async function buildSite(
  options: SiteBuildOptions,
  deps: SiteBuildDeps,
  hooks: SiteBuildHooks = {},
): Promise<SiteBuildResult> {
  const timings: StageTiming[] = [];
  const timed = stageTimer(timings, hooks.onStage);

  if (options.previous) await checkPreviousDir(options.previous);
  if (options.out !== null) {
    // Folders of builds that died: removed, or the previous output put back (staging.ts).
    for (const line of await cleanStaleStaging(options.out, options.root)) hooks.log?.(line);
  }

  let datasetDir = options.dataset;
  let synthetic = datasetDir === null;
  if (datasetDir === null) {
    const { sample } = deps;
    const seed = options.seed ?? sample.defaultSeed;
    const studies = options.studies ?? sample.defaultStudies;
    const { dir, generated } = await timed('sample', () =>
      ensureSample({
        cacheRoot: join(options.root, '.cache/sample'),
        version: sample.version,
        seed,
        studies,
        generate: sample.generate,
        ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
      }),
    );
    hooks.log?.(
      `${generated ? 'Generated' : 'Reusing'} the synthetic sample (${studies} studies, seed ${seed}): ${dir}`,
    );
    datasetDir = dir;
  } else {
    await checkDatasetDir(datasetDir);
    synthetic = (await deps.sample.isSample?.(datasetDir)) ?? false;
  }
  // The registry is located once, here: a reader's folder without one stops the build before
  // any work, and the pipeline reads the workbook found (the sample's always has one).
  const registryFile = await findRegistryFile(datasetDir);
  if (registryFile === null && options.dataset !== null) {
    throw new DatasetError(
      `No registry in ${datasetDir}: expected dataset_registry.xlsx (or another .xlsx) next to the studies/ folder`,
    );
  }

  // Astro and Pagefind load (half a second of this thread's time) once the imaging workers
  // render, when this thread only waits on them; started before the first stage, the loading
  // held up the readme, registry and file listing that the workers wait for.
  const preloadSiteTools = () => {
    if (options.out !== null) deps.loadSiteTools?.().catch(() => {});
  };
  const onProgress = (event: ProgressEvent) => {
    if (event.stage === 'thumbnails') preloadSiteTools();
    hooks.onProgress?.(event);
  };
  const pipeline = await runPipeline(
    {
      datasetDir,
      registryFile,
      generatedDir: options.generated,
      cacheDir: imagingCacheDir(options.root, datasetDir),
      synthetic,
      ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
      ...(options.checksums !== false ? { checksums: true } : {}),
      ...(options.previous ? { previous: options.previous } : {}),
      ...(options.sourceDateEpoch !== undefined
        ? { sourceDateEpoch: options.sourceDateEpoch }
        : {}),
      onProgress,
      ...(hooks.onStage ? { onStage: hooks.onStage } : {}),
    },
    deps,
  );
  timings.push(...pipeline.timings);

  const errors = pipeline.quality.counts.error;
  if (options.out !== null && options.strict && errors > 0) {
    hooks.log?.(
      `--strict: ${errors} error finding(s); the site was not built and ${options.out} was left as it was`,
    );
    return { datasetDir, synthetic, published: false, quality: pipeline.quality, timings };
  }
  if (options.out !== null) {
    const out = options.out;
    const images = imageUrls(pipeline.studies);
    const address: SiteAddress = { site: options.site, base: options.base ?? '/' };
    // The address is part of the stamp: a rebuild for another --site or --base renders again.
    const { hashSiteSources } = deps;
    const stamping = hashSiteSources
      ? (async () =>
          siteStamp(await hashSiteSources(options.root), options.generated, images, address))()
      : null;
    // Handled here and awaited below: a site build that fails first must not leave it unhandled.
    stamping?.catch(() => {});
    // The stamp decides only when the output has one to compare with; otherwise (a first or a
    // --force build) it is hashed while Astro renders, off the build's critical path.
    const previousStamp = options.force ? null : await readStamp(out);
    if (stamping !== null && previousStamp !== null && (await stamping) === previousStamp) {
      hooks.log?.(`Site is up to date (nothing changed since the last build): ${out}`);
      return { datasetDir, synthetic, published: true, quality: pipeline.quality, timings };
    }
    const staged = stagingDir(out);
    await rm(staged, { recursive: true, force: true });
    try {
      await timed('astro', () =>
        deps.astroBuild(options.root, staged, options.generated, address, hooks.log),
      );
      await timed('copy', async () => {
        await deps.linkTree(join(options.generated, 'data'), join(staged, 'data'));
        const missing = await deps.linkFiles(options.generated, staged, images);
        if (missing.length > 0) {
          hooks.log?.(
            `Warning: ${missing.length} image(s) named in studies.json are missing, e.g. ${missing[0]}`,
          );
        }
      });
      await timed('pagefind', () => deps.pagefindIndex(staged));
      if (stamping !== null) await writeFile(join(staged, STAMP_FILE), await stamping);
      await timed('publish', () => deps.replaceDir(staged, out));
    } catch (error) {
      // A failed site build leaves the previous output untouched and no staging folder behind.
      await rm(staged, { recursive: true, force: true });
      throw error;
    }
  }
  return {
    datasetDir,
    synthetic,
    published: options.out !== null,
    quality: pipeline.quality,
    timings,
  };
}
