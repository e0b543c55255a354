import { describe, expect, it } from 'vitest';
import { WINDOW_PRESETS } from '../../../src/domain/window-presets.ts';
import en from '../../../src/i18n/en/viewer.json' with { type: 'json' };
import ru from '../../../src/i18n/ru/viewer.json' with { type: 'json' };
import {
  FIT,
  MAX_SCALE,
  clampView,
  dragWindow,
  formatWhole,
  pixelAt,
  presetOf,
  statusLine,
  zoomAbout,
} from '../../../src/scripts/viewer/viewer-math.ts';

describe('dragWindow', () => {
  it('widens to the right and raises the centre downwards', () => {
    expect(dragWindow({ center: 40, width: 80 }, 20, 10)).toEqual({ center: 50, width: 100 });
  });
  it('moves a wide window faster and never below 1 HU', () => {
    expect(dragWindow({ center: 600, width: 2800 }, 10, 0).width).toBe(2940);
    expect(dragWindow({ center: 40, width: 80 }, -500, 0).width).toBe(1);
  });
});

describe('zoom and pan', () => {
  it('keeps the point under the pointer in place', () => {
    const view = zoomAbout(FIT, 4, 50, 80);
    expect(50 - view.x).toBe(50 * 4);
    expect(80 - view.y).toBe(80 * 4);
  });
  it('stays between fit and the largest scale', () => {
    expect(zoomAbout(FIT, 0.1, 0, 0).scale).toBe(1);
    expect(zoomAbout(FIT, 1000, 0, 0).scale).toBe(MAX_SCALE);
  });
  it('never drags an empty margin into the stage', () => {
    expect(clampView({ scale: 2, x: 30, y: -1000 }, 300, 300)).toEqual({ scale: 2, x: 0, y: -300 });
    expect(clampView({ scale: 1, x: -5, y: 5 }, 300, 300)).toEqual({ scale: 1, x: 0, y: 0 });
  });
});

describe('pixelAt', () => {
  const box = { left: 10, top: 20, width: 256, height: 256 };
  it('maps a point of the image box to the image pixel', () => {
    expect(pixelAt(10, 20, box, 512, 512)).toEqual({ x: 0, y: 0 });
    expect(pixelAt(10 + 255.9, 20 + 128, box, 512, 512)).toEqual({ x: 511, y: 256 });
  });
  it('is null outside the image', () => {
    expect(pixelAt(9, 30, box, 512, 512)).toBeNull();
    expect(pixelAt(10 + 256, 30, box, 512, 512)).toBeNull();
  });
});

describe('the status line', () => {
  it('reads Slice k of N · window c/w · HU v in English and in Russian', () => {
    const window = WINDOW_PRESETS.subdural;
    expect(statusLine(en['viewer.status'], 3, 30, window, 41.6, '—')).toBe(
      'Slice 3 of 30 · window 75/200 · HU 42',
    );
    expect(statusLine(ru['viewer.status'], 30, 30, window, -1000, '—')).toBe(
      'Срез 30 из 30 · окно 75/200 · HU -1000',
    );
  });
  it('shows a dash before a point is chosen, and never "-0"', () => {
    expect(statusLine(en['viewer.status'], 1, 1, WINDOW_PRESETS.brain, null, '—')).toMatch(/HU —$/);
    expect(formatWhole(-0.2)).toBe('0');
  });
});

it('presetOf names the preset a window is, from the presets of the site', () => {
  expect(presetOf(WINDOW_PRESETS.bone, WINDOW_PRESETS)).toBe('bone');
  expect(presetOf({ center: 41, width: 80 }, WINDOW_PRESETS)).toBeNull();
});
