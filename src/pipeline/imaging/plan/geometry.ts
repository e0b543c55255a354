/** Slice geometry: position along the slice normal, orientation comparison, spacing. */
import { median } from 'd3';

type Vec3 = [number, number, number];
export type Orientation = [number, number, number, number, number, number];

/**
 * The slice normal: row direction cosines × column direction cosines.
 *
 * @example
 * sliceNormal([1, 0, 0, 0, 1, 0]) // [0, 0, 1]
 */
export function sliceNormal(orientation: Orientation): Vec3 {
  const [rx, ry, rz, cx, cy, cz] = orientation;
  return [ry * cz - rz * cy, rz * cx - rx * cz, rx * cy - ry * cx];
}

/**
 * Position of a slice along the normal: ImagePositionPatient · normal.
 *
 * @example
 * positionAlong([-100, -100, 42.5], [0, 0, 1]) // 42.5
 */
export function positionAlong(position: Vec3, normal: Vec3): number {
  return position[0] * normal[0] + position[1] * normal[1] + position[2] * normal[2];
}

/** True when two orientations agree within a tolerance (direction cosines, unitless). */
export function sameOrientation(a: Orientation, b: Orientation, tolerance = 1e-3): boolean {
  return a.every((value, i) => Math.abs(value - b[i]!) <= tolerance);
}

/**
 * Spacing between slices from their sorted positions along the normal: the median of the
 * gaps, so one missing slice does not change it. Null for fewer than two slices.
 *
 * @example
 * spacingFromPositions([0, 5, 10, 20]) // 5
 */
export function spacingFromPositions(sorted: number[]): number | null {
  if (sorted.length < 2) return null;
  const gaps = sorted.slice(1).map((p, i) => Math.abs(p - sorted[i]!));
  return roundTo(median(gaps)!, 4);
}

/**
 * @example
 * roundTo(0.123456, 4) // 0.1235
 */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
