import { describe, expect, it } from 'vitest';
import {
  clampTile,
  sheetRows,
  sheetSize,
  tileBackground,
} from '../../../src/site/gallery/sprite-geometry.ts';
import { fill } from '../../../src/i18n/fill.ts';
import { tileForKey } from '../../../src/scripts/gallery/slice-viewer.ts';
import { compareValues, sortByValue } from '../../../src/scripts/studies/sort-rows.ts';
import { withQuery } from '../../../src/scripts/studies/list-query.ts';

const sheet = { tileWidth: 128, tileHeight: 96, count: 10, columns: 4 };

describe('sprite geometry', () => {
  it('sizes a sheet by its used columns and rows', () => {
    expect(sheetRows(sheet)).toBe(3);
    expect(sheetSize(sheet)).toEqual({ width: 512, height: 288 });
    expect(sheetSize({ ...sheet, count: 2 })).toEqual({ width: 256, height: 96 });
  });

  it('places the first, a middle and the last tile at the right percent offsets', () => {
    expect(tileBackground(sheet, 0)).toEqual({ size: '400% 300%', position: '0% 0%' });
    expect(tileBackground(sheet, 6).position).toBe('66.6667% 50%');
    expect(tileBackground(sheet, 9).position).toBe('33.3333% 100%');
    expect(tileBackground({ ...sheet, count: 1, columns: 1 }, 0)).toEqual({
      size: '100% 100%',
      position: '0% 0%',
    });
  });

  it('clamps tiles to the sheet', () => {
    expect(clampTile(99, 10)).toBe(9);
    expect(clampTile(-3, 10)).toBe(0);
    expect(clampTile(Number.NaN, 10)).toBe(0);
    expect(tileBackground(sheet, 42)).toEqual(tileBackground(sheet, 9));
  });
});

describe('slice keys', () => {
  it('moves one slice with arrows, jumps with Home/End and pages, and ignores other keys', () => {
    expect(tileForKey('ArrowRight', 0, 24)).toBe(1);
    expect(tileForKey('ArrowDown', 0, 24)).toBe(1);
    expect(tileForKey('ArrowLeft', 0, 24)).toBe(0);
    expect(tileForKey('ArrowUp', 5, 24)).toBe(4);
    expect(tileForKey('End', 0, 24)).toBe(23);
    expect(tileForKey('Home', 17, 24)).toBe(0);
    expect(tileForKey('PageDown', 0, 24)).toBe(2);
    expect(tileForKey('ArrowRight', 23, 24)).toBe(23);
    expect(tileForKey('a', 3, 24)).toBeNull();
  });

  it('fills templates and leaves unknown placeholders visible', () => {
    expect(fill('Slice {n} of {total}', { n: 3, total: 24 })).toBe('Slice 3 of 24');
    expect(fill('{n} {x}', { n: 1 })).toBe('1 {x}');
  });
});

describe('index sorting', () => {
  it('sorts numbers numerically, keeps empty values last both ways, and is stable', () => {
    const items = ['10', '', '9', '100', '9'].map((v, i) => ({ v, i }));
    const asc = sortByValue(items, (x) => x.v, true, 'ascending').map((x) => x.i);
    const desc = sortByValue(items, (x) => x.v, true, 'descending').map((x) => x.i);
    expect(asc).toEqual([2, 4, 0, 3, 1]);
    expect(desc).toEqual([3, 0, 2, 4, 1]);
    expect(compareValues('b', 'a', false)).toBeGreaterThan(0);
  });

  it('keeps the list query only when there is one', () => {
    expect(withQuery('/ru/studies/', '?sex=F')).toBe('/ru/studies/?sex=F');
    expect(withQuery('/ru/studies/', '')).toBe('/ru/studies/');
  });
});
