import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../../scripts/lib/summary.ts';
import { formatDuration } from '../../../scripts/lib/progress-display.ts';
import {
  parseCpuMs,
  parseDuration,
  parsePeakRss,
  parseStageTimes,
} from '../../../scripts/bench/build-summary.ts';
import type { QualityFile } from '../../../src/domain/schemas.ts';

describe('parseDuration', () => {
  it('reads back every form formatDuration prints', () => {
    for (const ms of [0, 830, 1500, 59_940, 125_000, 3_600_000]) {
      const text = formatDuration(ms);
      // formatDuration rounds: to the ms, 0.1 s, or whole seconds above a minute.
      expect(Math.abs(parseDuration(text) - ms)).toBeLessThanOrEqual(
        ms < 1000 ? 0.5 : ms < 60_000 ? 50 : 500,
      );
    }
  });
  it('rejects what is not a duration', () => {
    expect(() => parseDuration('fast')).toThrow(SyntaxError);
  });
});

describe('parseStageTimes', () => {
  it("reads the build's own summary, without the total", () => {
    const quality = {
      counts: {
        studies: 2,
        series: 3,
        files: 40,
        filesParsed: 40,
        registryRows: 2,
        error: 0,
        warning: 0,
        info: 0,
      },
      findings: [],
    } as unknown as QualityFile;
    const summary = formatSummary({
      quality,
      timings: [
        { stage: 'sample', ms: 12_300 },
        { stage: 'imaging', ms: 95_000 },
        { stage: 'astro', ms: 640 },
      ],
      outDir: '/tmp/dist',
      generatedDir: '/tmp/generated',
      strict: false,
    });
    expect(parseStageTimes(summary)).toEqual([
      { stage: 'sample', ms: 12_300 },
      { stage: 'imaging', ms: 95_000 },
      { stage: 'astro', ms: 640 },
    ]);
  });
  it('fails loudly when the build printed no summary', () => {
    expect(() => parseStageTimes('Build failed: boom\n')).toThrow(/Time per stage/);
  });
});

describe('parsePeakRss', () => {
  it("reads GNU time's kilobytes as bytes, after any other output", () => {
    expect(parsePeakRss('Command exited with non-zero status 1\n2048\n')).toBe(2048 * 1024);
    expect(() => parsePeakRss('')).toThrow(SyntaxError);
  });
});

describe('parseCpuMs', () => {
  it("adds GNU time's user and system seconds, with peak memory on the line after", () => {
    expect(parseCpuMs('31.42 2.08\n862000\n')).toBe(33_500);
    expect(parsePeakRss('31.42 2.08\n862000\n')).toBe(862_000 * 1024);
    expect(parseCpuMs('Command exited with non-zero status 1\n')).toBeNaN();
  });
});
