/** Download times as the Download section and the subset kit write them, in both languages. */
import { describe, expect, it } from 'vitest';
import {
  LINK_SPEEDS,
  formatDownloadTimes,
  formatDuration,
  formatSpeed,
  transferSeconds,
} from '../../../src/domain/download-time.ts';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('download time', () => {
  it('is bytes × 8 over the link speed, at 100 Mbit/s and 1 Gbit/s', () => {
    expect(LINK_SPEEDS).toEqual([100e6, 1e9]);
    expect(transferSeconds(98.4e9, 100e6)).toBeCloseTo(7872);
    expect(transferSeconds(1e9, 1e9)).toBe(8);
  });

  it('is written in whole minutes rounded up, hours from an hour on', () => {
    expect(nbsp(formatDuration(7872, 'en'))).toBe('2 hrs 12 mins');
    expect(nbsp(formatDuration(7872, 'ru'))).toBe('2 ч 12 мин');
    expect(nbsp(formatDuration(3600, 'en'))).toBe('1 hr');
    expect(nbsp(formatDuration(61, 'ru'))).toBe('2 мин');
    expect(formatDuration(20, 'en')).toBe('under a minute');
    expect(formatDuration(20, 'ru')).toBe('меньше минуты');
  });

  it('names the speeds in Cyrillic on Russian pages (Intl would end "Мбит/c" in a Latin c)', () => {
    expect(nbsp(formatSpeed(100e6, 'ru'))).toBe('100 Мбит/с');
    expect(nbsp(formatSpeed(1e9, 'ru'))).toBe('1 Гбит/с');
    expect(nbsp(formatSpeed(1e9, 'en'))).toBe('1 Gbit/s');
    expect(formatSpeed(100e6, 'ru')).not.toMatch(/[a-z]/);
  });

  it('is one sentence per language for the dataset', () => {
    expect(nbsp(formatDownloadTimes(98.4e9, 'en'))).toBe(
      'Download time at full link speed: 2 hrs 12 mins at 100 Mbit/s, 14 mins at 1 Gbit/s.',
    );
    expect(nbsp(formatDownloadTimes(98.4e9, 'ru'))).toBe(
      'Время скачивания на полной скорости канала: 2 ч 12 мин при 100 Мбит/с, 14 мин при 1 Гбит/с.',
    );
  });

  it('stops at the first speed that takes under a minute', () => {
    expect(nbsp(formatDownloadTimes(23.2e6, 'en'))).toBe(
      'Download time at full link speed: under a minute at 100 Mbit/s.',
    );
    expect(nbsp(formatDownloadTimes(3e9, 'ru'))).toBe(
      'Время скачивания на полной скорости канала: 4 мин при 100 Мбит/с, меньше минуты при 1 Гбит/с.',
    );
  });
});
