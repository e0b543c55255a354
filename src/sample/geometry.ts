/**
 * Geometry of the head phantom: angles, the head's narrowing towards the vertex, and the
 * per-pixel polar coordinates of a series' image grid (computed once per series).
 */
import type { HeadShape, SeriesPlan } from './types.ts';

export const TAU = Math.PI * 2;

/** Signed difference a - b of two angles, in (-pi, pi]. */
export function angleDiff(a: number, b: number): number {
  // Loops instead of %: a floating-point remainder is slow, and inputs are within a few turns.
  let d = a - b;
  while (d > Math.PI) d -= TAU;
  while (d <= -Math.PI) d += TAU;
  return d;
}

/**
 * How much of the head's full width remains at height z (the skull narrows towards the vertex).
 * @example headScale(-10) // 1
 */
export function headScale(z: number): number {
  const u = (z + 10) / 95;
  return Math.sqrt(Math.max(0, 1 - u * u));
}

/**
 * Angular distance from theta to the nearest of the sorted angles (all in [0, 2pi)).
 * @example nearestAngleDistance([0, Math.PI], 3) // about 0.14
 */
export function nearestAngleDistance(sorted: readonly number[], theta: number): number {
  return Math.abs(nearestAngleOffset(sorted, theta));
}

/** Signed offset (theta minus the nearest of the sorted angles), radians. */
export function nearestAngleOffset(sorted: readonly number[], theta: number): number {
  if (sorted.length === 0) return Math.PI;
  const t = theta < 0 ? theta + TAU : theta;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  const after = angleDiff(t, sorted[lo % sorted.length]!);
  const before = angleDiff(t, sorted[(lo - 1 + sorted.length) % sorted.length]!);
  return Math.abs(after) < Math.abs(before) ? after : before;
}

/** Per-pixel geometry of one series' image grid, computed once and reused by every slice. */
export interface SliceGrid {
  size: number;
  /** Head-centred coordinates of each pixel, mm. */
  x: Float32Array;
  y: Float32Array;
  rho: Float32Array;
  theta: Float32Array;
  /** Outer skull radius in the pixel's direction at full head width, mm. */
  outerRadius: Float32Array;
  /** Skull thickness in the pixel's direction, mm. */
  skullThickness: Float32Array;
  /** Signed angular offset from the nearest sulcus, radians. */
  sulcusAngle: Float32Array;
}

/** Where the image's top-left pixel centre lies in the patient frame (x, y), mm. */
export function imageOrigin(series: SeriesPlan, head: HeadShape): [number, number] {
  const half = ((series.columns - 1) / 2) * series.pixelSpacing;
  return [head.offset[0] - half, head.offset[1] - half];
}

export function buildGrid(series: SeriesPlan, head: HeadShape): SliceGrid {
  const size = series.rows;
  const n = size * size;
  const grid: SliceGrid = {
    size,
    x: new Float32Array(n),
    y: new Float32Array(n),
    rho: new Float32Array(n),
    theta: new Float32Array(n),
    outerRadius: new Float32Array(n),
    skullThickness: new Float32Array(n),
    sulcusAngle: new Float32Array(n),
  };
  const [originX, originY] = imageOrigin(series, head);
  const a = head.semiAxisX;
  const b = head.semiAxisY;
  const sulci = [...head.sulci].sort((p, q) => p - q);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const i = row * size + col;
      const x = originX + col * series.pixelSpacing - head.offset[0];
      const y = originY + row * series.pixelSpacing - head.offset[1];
      const theta = Math.atan2(y, x);
      const c = Math.cos(theta);
      const s = Math.sin(theta);
      const ellipse = (a * b) / Math.sqrt((b * c) ** 2 + (a * s) ** 2);
      const wobble =
        1 +
        0.02 * Math.sin(2 * theta + head.shapePhase) +
        0.012 * Math.sin(3 * theta + 2 * head.shapePhase);
      // Thicker at the frontal and occipital bones, thinnest over the temporal squama.
      const thickness =
        head.skullThickness * (0.75 + 0.45 * s * s + 0.08 * Math.sin(5 * theta + head.shapePhase));
      const nearest = nearestAngleOffset(sulci, theta);
      grid.x[i] = x;
      grid.y[i] = y;
      grid.rho[i] = Math.sqrt(x * x + y * y);
      grid.theta[i] = theta;
      grid.outerRadius[i] = ellipse * wobble;
      grid.skullThickness[i] = thickness;
      grid.sulcusAngle[i] = nearest;
    }
  }
  return grid;
}

/** 1 inside [center - half, center + half] along z with a rounded profile, 0 outside. */
export function zProfile(z: number, center: number, half: number): number {
  const u = (z - center) / half;
  return u >= 1 || u <= -1 ? 0 : Math.sqrt(1 - u * u);
}

export function inEllipse(
  x: number,
  y: number,
  cx: number,
  cy: number,
  rx: number,
  ry: number,
): boolean {
  const u = (x - cx) / rx;
  const v = (y - cy) / ry;
  return u * u + v * v <= 1;
}

/** Distance from (x, y) to the segment (x1, y1)-(x2, y2). */
export function segmentDistance(
  x: number,
  y: number,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)));
  const ex = x - x1 - t * dx;
  const ey = y - y1 - t * dy;
  return Math.sqrt(ex * ex + ey * ey);
}
