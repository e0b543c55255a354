import { expect, it } from 'vitest';
import {
  spatialOrder,
  type SlicePlacement,
} from '../../../src/pipeline/imaging/plan/spatial-order.ts';

type Slice = { name: string } & SlicePlacement;
const axial = [1, 0, 0, 0, 1, 0] as const;
const slice = (name: string, z: number | null, instanceNumber: number | null): Slice => ({
  name,
  orientation: [...axial],
  position: z === null ? null : [-100, -100, z],
  instanceNumber,
});
const order = (slices: Slice[]) =>
  spatialOrder(
    slices,
    (s) => s,
    (s) => s.name,
  );

it('sorts by position along the normal, not by InstanceNumber or name', () => {
  // Numbered from the top (as some scanners do) and named at random.
  const result = order([slice('c', 10, 1), slice('a', -5, 3), slice('b', 2.5, 2)]);
  expect(result.items.map((s) => s.name)).toEqual(['a', 'b', 'c']);
  expect(result.positions).toEqual([-5, 2.5, 10]);
});

it('uses the normal of a tilted orientation', () => {
  // Rows along x, columns along z: the normal is -y, so larger y comes first.
  const tilted = (name: string, y: number): Slice => ({
    name,
    orientation: [1, 0, 0, 0, 0, 1],
    position: [0, y, 0],
    instanceNumber: null,
  });
  expect(order([tilted('low', -3), tilted('high', 7)]).items.map((s) => s.name)).toEqual([
    'high',
    'low',
  ]);
});

it('falls back to InstanceNumber, then name, when a slice has no position', () => {
  const result = order([slice('b', 1, 2), slice('c', null, 1), slice('a', 3, 2)]);
  expect(result.items.map((s) => s.name)).toEqual(['c', 'a', 'b']);
  expect(result.positions).toBeNull();
});
