import { describe, expect, it } from 'vitest';
import { duration, progressText } from '../../../src/scripts/your-copy/progress-text.ts';

describe('the progress line of a check', () => {
  it('says files, bytes, speed and time left in the page language', () => {
    const p = {
      files: 120,
      totalFiles: 1000,
      bytes: 50e6,
      totalBytes: 500e6,
      elapsedMs: 1000,
      bytesRead: 50e6,
    };
    // The unit's short name is ICU's ("9 sec" or "9 secs", by version).
    expect(progressText(p, 'en')).toMatch(
      /^120 of 1,000 files · 50 MB of 500 MB · 50 MB\/s · about 9 secs? left$/,
    );
    expect(progressText(p, 'ru')).toContain('120 из 1');
  });

  it('counts the files with the noun in its plural form', () => {
    const p = (totalFiles: number) => ({
      files: 1,
      totalFiles,
      bytes: 0,
      totalBytes: 0,
      elapsedMs: 0,
      bytesRead: 0,
    });
    expect(progressText(p(1), 'en')).toMatch(/^1 of 1 file · /);
    expect(progressText(p(1), 'ru')).toMatch(/^1 из 1 файла · /);
    expect(progressText(p(21), 'ru')).toMatch(/^1 из 21 файла · /);
    expect(progressText(p(3), 'ru')).toMatch(/^1 из 3 файлов · /);
    expect(progressText(p(11), 'ru')).toMatch(/^1 из 11 файлов · /);
  });

  it('rounds the time left to its largest unit', () => {
    expect(duration(130, 'en')).toMatch(/^2 mins?$/);
    expect(duration(2 * 3600, 'en')).toMatch(/^2 hrs?$/);
    expect(duration(0, 'en')).toMatch(/^1 sec$/);
  });
});
