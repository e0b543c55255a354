/**
 * The one rule for a series' slice order: by position along the slice normal
 * (ImagePositionPatient · (row × column cosines) of the first oriented slice), InstanceNumber
 * breaking ties; by InstanceNumber alone when any slice lacks a position or none has an
 * orientation. Pure and free of Node APIs: the build (order-slices.ts) and the study page's
 * viewer sort with it, as the Python snippet does.
 */
import { positionAlong, sliceNormal, type Orientation } from './geometry.ts';

/** Where a slice lies, as its header says. */
export interface SlicePlacement {
  orientation: Orientation | null;
  position: [number, number, number] | null;
  instanceNumber: number | null;
}

/**
 * Sorts `items` by the rule above; `positions` are their positions along the normal in the
 * sorted order, or null when InstanceNumber decided. `name` breaks the last ties (file path).
 *
 * @example
 * const at = (z: number, n: number) => ({ orientation: [1, 0, 0, 0, 1, 0], position: [0, 0, z], instanceNumber: n });
 * spatialOrder([at(5, 1), at(0, 2)], (s) => s, (s) => '').positions // [0, 5]
 */
export function spatialOrder<T>(
  items: readonly T[],
  placement: (item: T) => SlicePlacement,
  name: (item: T) => string,
): { items: T[]; positions: number[] | null } {
  const byInstance = (a: T, b: T) =>
    (placement(a).instanceNumber ?? Infinity) - (placement(b).instanceNumber ?? Infinity) ||
    (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0);
  const reference = items.map(placement).find((p) => p.orientation)?.orientation ?? null;
  if (!reference || items.some((item) => !placement(item).position)) {
    return { items: [...items].sort(byInstance), positions: null };
  }
  const normal = sliceNormal(reference);
  const keyed = items.map((item) => ({
    item,
    at: positionAlong(placement(item).position!, normal),
  }));
  keyed.sort((a, b) => a.at - b.at || byInstance(a.item, b.item));
  return { items: keyed.map((k) => k.item), positions: keyed.map((k) => k.at) };
}
