/**
 * The viewer's arithmetic, pure: window changes by dragging, zoom about a point, the pixel
 * under the pointer, the status line. No DOM here, so each rule has a unit test.
 */
import { fill } from '../../i18n/fill.ts';

/** A VOI window in HU. */
export interface Window {
  center: number;
  width: number;
}

/** The image's placement in the stage: scale (1 = fit) and offset in CSS pixels. */
export interface View {
  scale: number;
  x: number;
  y: number;
}

export const FIT: View = { scale: 1, x: 0, y: 0 };
export const MAX_SCALE = 16;

/**
 * The window after a drag of (dx, dy) CSS pixels from `start`: right widens, down raises the
 * centre; wider windows move faster, so both a 80 HU brain window and a 2800 HU bone window
 * are a comfortable drag apart.
 *
 * @example
 * dragWindow({ center: 40, width: 80 }, 10, -5) // { center: 35, width: 90 }
 */
export function dragWindow(start: Window, dx: number, dy: number): Window {
  const step = Math.max(1, start.width / 200);
  return {
    center: Math.round(start.center + dy * step),
    width: Math.max(1, Math.round(start.width + dx * step)),
  };
}

/**
 * Zooms by `factor` keeping the stage point (px, py) where it is, within 1..MAX_SCALE.
 *
 * @example
 * zoomAbout(FIT, 2, 100, 100) // { scale: 2, x: -100, y: -100 }
 */
export function zoomAbout(view: View, factor: number, px: number, py: number): View {
  const scale = Math.min(MAX_SCALE, Math.max(1, view.scale * factor));
  const k = scale / view.scale;
  return { scale, x: px - (px - view.x) * k, y: py - (py - view.y) * k };
}

/**
 * Keeps the zoomed image covering the stage (no empty margin can be dragged in).
 *
 * @example
 * clampView({ scale: 2, x: 50, y: -500 }, 200, 200) // { scale: 2, x: 0, y: -200 }
 */
export function clampView(view: View, width: number, height: number): View {
  const clamp = (value: number, size: number) =>
    Math.min(0, Math.max(size - size * view.scale, value));
  return { scale: view.scale, x: clamp(view.x, width), y: clamp(view.y, height) };
}

/** A box on screen, as getBoundingClientRect gives it. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The image pixel (column, row) under a point of the screen, given the image's box on screen;
 * null outside the image.
 *
 * @example
 * pixelAt(150, 50, { left: 100, top: 0, width: 200, height: 200 }, 512, 512) // { x: 128, y: 128 }
 */
export function pixelAt(
  clientX: number,
  clientY: number,
  box: Box,
  columns: number,
  rows: number,
): { x: number; y: number } | null {
  const x = Math.floor(((clientX - box.left) / box.width) * columns);
  const y = Math.floor(((clientY - box.top) / box.height) * rows);
  if (!(x >= 0 && x < columns && y >= 0 && y < rows)) return null;
  return { x, y };
}

/**
 * A number as the status line shows it: rounded to a whole unit, never "-0".
 *
 * @example
 * formatWhole(-0.4) // '0'
 */
export function formatWhole(value: number): string {
  const rounded = Math.round(value);
  return String(rounded === 0 ? 0 : rounded);
}

/**
 * The status line: `Slice {k} of {n} · window {c}/{w} · HU {v}` in the page's language.
 *
 * @example
 * statusLine('Slice {k} of {n} · window {c}/{w} · HU {v}', 3, 30, { center: 40, width: 80 }, -2.6, '—')
 * // 'Slice 3 of 30 · window 40/80 · HU -3'
 */
export function statusLine(
  template: string,
  k: number,
  n: number,
  window: Window,
  hu: number | null,
  none: string,
): string {
  return fill(template, {
    k,
    n,
    c: formatWhole(window.center),
    w: formatWhole(window.width),
    v: hu === null ? none : formatWhole(hu),
  });
}

/**
 * The preset whose window this is, if any.
 *
 * @example
 * presetOf({ center: 40, width: 80 }, { brain: { center: 40, width: 80 } }) // 'brain'
 */
export function presetOf<K extends string>(
  window: Window,
  presets: Readonly<Record<K, Window>>,
): K | null {
  for (const [id, preset] of Object.entries(presets) as [K, Window][]) {
    if (preset.center === window.center && preset.width === window.width) return id;
  }
  return null;
}
