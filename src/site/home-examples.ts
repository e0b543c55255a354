/**
 * The home page's example images: one study per finding type present in the data, each shown
 * in the window that shows that finding best, as one slice cut from the series' sprite sheet
 * at build time (src/pages/home-examples/[finding].webp.ts). Pure: the choice depends only on
 * the studies, so the same data always gives the same examples.
 */
import type { FindingId } from '../domain/field-values.ts';
import type { WindowPresetId } from '../domain/window-presets.ts';
import { FINDING_IDS } from '../domain/field-values.ts';
import type { Study } from '../domain/schemas.ts';
import type { GalleryTarget } from './gallery/gallery-link.ts';

/** Subdural window for blood along the skull (subdural, epidural), bone for fractures. */
export const EXAMPLE_PRESET: Record<FindingId, WindowPresetId> = {
  epidural: 'subdural',
  subdural: 'subdural',
  fracture: 'bone',
  subarachnoid: 'brain',
  intracerebral: 'brain',
  multiple: 'brain',
  combined: 'brain',
  ventricular: 'brain',
};

export interface HomeExample {
  finding: FindingId;
  preset: WindowPresetId;
  study: Study;
  /** Site-relative URL of the sprite sheet the slice is cut from. */
  sprite: string;
  /** Pixel rectangle of the slice in the sheet. */
  tile: { left: number; top: number; width: number; height: number };
  /** 1-based slice position shown, of `count` thumbnails of the series. */
  slice: number;
  count: number;
  /** Where the study page's gallery shows this very slice in this window. */
  target: GalleryTarget;
}

/** Number of findings a study has (fewer is a clearer example of one finding). */
const findingCount = (s: Study) => FINDING_IDS.filter((id) => s.findings[id] === true).length;

/**
 * One example per finding type present: among the studies with that finding and a rendered
 * series in the finding's window, the one with the fewest other findings, then the lowest
 * registry row; a study already used for another finding only when no other has it. The
 * middle thumbnail of the study's first such series is shown.
 * @example pickExamples([]) // []
 */
export function pickExamples(studies: readonly Study[]): HomeExample[] {
  const used = new Set<string>();
  const examples: HomeExample[] = [];
  for (const finding of FINDING_IDS) {
    const preset = EXAMPLE_PRESET[finding];
    const candidates = studies
      .filter((s) => s.findings[finding] === true)
      .map((study) => ({ study, series: spriteOf(study, preset) }))
      .filter((c) => c.series !== null)
      .sort(
        (a, b) =>
          Number(used.has(a.study.id)) - Number(used.has(b.study.id)) ||
          findingCount(a.study) - findingCount(b.study) ||
          (a.study.registryRow ?? Infinity) - (b.study.registryRow ?? Infinity) ||
          a.study.id.localeCompare(b.study.id),
      );
    const chosen = candidates[0];
    if (!chosen?.series) continue;
    used.add(chosen.study.id);
    const { sprite, number } = chosen.series;
    const index = Math.floor(sprite.count / 2);
    examples.push({
      finding,
      preset,
      study: chosen.study,
      sprite: sprite.url,
      tile: {
        left: (index % sprite.columns) * sprite.tileWidth,
        top: Math.floor(index / sprite.columns) * sprite.tileHeight,
        width: sprite.tileWidth,
        height: sprite.tileHeight,
      },
      slice: index + 1,
      count: sprite.count,
      target: { series: number, slice: (sprite.slices[index] ?? index) + 1, preset },
    });
  }
  return examples;
}

function spriteOf(study: Study, preset: WindowPresetId) {
  for (const [i, series] of study.series.entries()) {
    if (series.status !== 'ok') continue;
    const sprite = series.sprites.find((s) => s.preset === preset && s.count > 0);
    if (sprite) return { sprite, number: i + 1 };
  }
  return null;
}

/**
 * Site-relative path of an example's image (pass it through withBase).
 * @example exampleImagePath('subdural') // 'home-examples/subdural.webp'
 */
export function exampleImagePath(finding: FindingId): string {
  return `home-examples/${finding}.webp`;
}
