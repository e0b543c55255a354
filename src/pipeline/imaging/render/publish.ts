/**
 * Thumbnails into the output: copies each rendered series' sprite sheets, and each study's
 * cover (from its first series that rendered), from the cache into `thumbsDir`, and describes
 * them as the site reads them. A file already in the output is left untouched.
 */
import { join } from 'node:path';
import { WINDOW_PRESET_IDS } from '../../../domain/window-presets.ts';
import type { Sprite } from '../../../domain/schemas.ts';
import { linkFileAtomicSync } from '../../outputs/write-file-atomic.ts';
import type { SeriesPlan, StudyPlan } from '../plan/types.ts';
import { detailPath, spritePath } from './render.ts';
import type { SeriesRender } from './thumbnails.ts';

export interface PublishedThumbnails {
  /** Each series' sprite sheets (none when it did not render). */
  sprites: Map<SeriesPlan, Sprite[]>;
  /** Each study's cover, `thumbs/<folder>/cover.webp`, or null when no series rendered. */
  covers: Map<StudyPlan, string | null>;
}

export function publishThumbnails(
  studies: readonly StudyPlan[],
  renders: ReadonlyMap<SeriesPlan, SeriesRender>,
  thumbsDir: string,
): PublishedThumbnails {
  const published: PublishedThumbnails = { sprites: new Map(), covers: new Map() };
  for (const study of studies) {
    let cover: string | null = null;
    for (const series of study.series) {
      const render = renders.get(series)!;
      published.sprites.set(series, publishSprites(study, series, render, thumbsDir));
      if (render.result.status === 'ok' && cover === null) {
        cover = `thumbs/${study.thumbFolder}/cover.webp`;
        copyIfChanged(
          spritePath(render.job.outPrefix, 'cover'),
          join(thumbsDir, study.thumbFolder, 'cover.webp'),
        );
      }
    }
    published.covers.set(study, cover);
  }
  return published;
}

function publishSprites(
  study: StudyPlan,
  series: SeriesPlan,
  { job, slices, result }: SeriesRender,
  thumbsDir: string,
): Sprite[] {
  if (result.status !== 'ok') return [];
  return WINDOW_PRESET_IDS.map((preset) => {
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
}

/** Puts a cached image into the output (a hard link) unless it is already there. */
function copyIfChanged(from: string, to: string): void {
  linkFileAtomicSync(from, to);
}
