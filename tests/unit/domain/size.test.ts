import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatFileCount,
  formatSize,
  formatSubsetTotal,
  sumSizes,
} from '../../../src/domain/size.ts';

const nb = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('sizes for people', () => {
  it('writes the issue example in both languages', () => {
    expect(nb(formatSize({ files: 241316, bytes: 98_400_000_000 }, 'en'))).toBe(
      '98.4 GB, 241,316 files',
    );
    expect(nb(formatSize({ files: 241316, bytes: 98_400_000_000 }, 'ru'))).toBe(
      '98,4 ГБ, 241 316 файлов',
    );
  });
  it('uses Russian plural forms', () => {
    expect(nb(formatFileCount(1, 'ru'))).toBe('1 файл');
    expect(nb(formatFileCount(3, 'ru'))).toBe('3 файла');
    expect(nb(formatFileCount(11, 'ru'))).toBe('11 файлов');
    expect(nb(formatFileCount(21, 'ru'))).toBe('21 файл');
    expect(nb(formatFileCount(1, 'en'))).toBe('1 file');
  });
  it('picks the unit', () => {
    expect(nb(formatBytes(999, 'en'))).toMatch(/^999 /);
    expect(nb(formatBytes(1_500_000, 'en'))).toBe('1.5 MB');
    expect(nb(formatBytes(2_000_000_000_000, 'ru'))).toBe('2 ТБ');
  });
  it('writes a subset total', () => {
    expect(nb(formatSubsetTotal(12, { files: 336, bytes: 4.1e9 }, 'en'))).toBe(
      '12 studies · 4.1 GB · 336 files',
    );
    expect(nb(formatSubsetTotal(5, { files: 1, bytes: 0 }, 'ru'))).toBe(
      '5 исследований · 0 Б · 1 файл',
    );
  });
  it('sums', () => {
    expect(
      sumSizes([
        { files: 1, bytes: 2 },
        { files: 3, bytes: 4 },
      ]),
    ).toEqual({
      files: 4,
      bytes: 6,
    });
  });
});
