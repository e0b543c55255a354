/**
 * The render cache is keyed by everything a series' sprites depend on, the window presets
 * included: after a preset's centre or width changes, the next build renders every series
 * again instead of publishing sprites drawn with the old window.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { WINDOW_PRESETS, WINDOW_PRESET_IDS } from '../../../src/domain/window-presets.ts';
import type { ImagingCache } from '../../../src/pipeline/imaging/cache/cache.ts';
import type { StudyPlan } from '../../../src/pipeline/imaging/plan/types.ts';
import {
  detailPath,
  spritePath,
  type RenderJob,
  type RenderResult,
} from '../../../src/pipeline/imaging/render/render.ts';
import { renderThumbnails } from '../../../src/pipeline/imaging/render/thumbnails.ts';
import type { ImageHeader } from '../../../src/pipeline/imaging/types.ts';
import type { WorkerPool } from '../../../src/pipeline/imaging/workers/pool.ts';

const root = mkdtempSync(join(tmpdir(), 'render-key-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const header = {
  transferSyntax: '1.2.840.10008.1.2.1',
  rows: 64,
  columns: 64,
  pixelSpacing: [0.5, 0.5],
} as ImageHeader;

const plan: StudyPlan[] = [
  {
    folder: 'A',
    thumbFolder: 'A',
    studyUid: null,
    studyUidRef: null,
    patientSex: null,
    patientAge: null,
    series: [
      {
        studyFolder: 'A',
        folder: 'S',
        spriteBase: 'S',
        uid: '1.2.3',
        publicUid: '1.2.3',
        spacingBetweenSlices: null,
        files: [0, 1, 2].map((i) => ({
          rel: `studies/A/S/${i}.dcm`,
          size: 100,
          mtimeMs: 1,
          header,
        })),
      },
    ],
  },
];

/** A cache in memory, and a renderer that counts its renders and writes the images they name. */
function stage() {
  const stored = new Map<string, RenderResult>();
  const cache = {
    series: (key: string) => stored.get(key),
    putSeries: (key: string, result: RenderResult) => void stored.set(key, result),
  } as unknown as ImagingCache;
  let renders = 0;
  const pool = {
    run: async ({ job }: { job: RenderJob }) => {
      renders += 1;
      const paths = [
        ...[...WINDOW_PRESET_IDS, 'cover' as const].map((p) => spritePath(job.outPrefix, p)),
        ...(job.detail ? WINDOW_PRESET_IDS.map((p) => detailPath(job.outPrefix, p)) : []),
      ];
      for (const path of paths) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, 'webp');
      }
      return { status: 'ok' };
    },
  } as unknown as WorkerPool;
  const context = {
    datasetDir: join(root, 'dataset'),
    cacheDir: join(root, 'cache'),
    cache,
    getPool: () => pool,
    progress: () => {},
  };
  return {
    /** Renders the plan; how many series the renderer drew. */
    build: async () => {
      const before = renders;
      await renderThumbnails(plan, context);
      return renders - before;
    },
  };
}

const brain = WINDOW_PRESETS.brain as { center: number; width: number };
const original = { ...brain };
afterEach(() => Object.assign(brain, original));

describe('the render cache', () => {
  it('reuses a series unchanged since the last build', async () => {
    const { build } = stage();
    expect(await build()).toBe(1);
    expect(await build()).toBe(0);
  });

  it("renders again after a preset's width changes", async () => {
    const { build } = stage();
    await build();
    brain.width = original.width + 20;
    expect(await build()).toBe(1);
  });

  it("renders again after a preset's centre changes", async () => {
    const { build } = stage();
    await build();
    brain.center = original.center + 10;
    expect(await build()).toBe(1);
  });
});
