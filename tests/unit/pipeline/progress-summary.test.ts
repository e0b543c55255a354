import { describe, expect, it } from 'vitest';
import {
  createPlainProgress,
  formatDuration,
  progressLine,
} from '../../../scripts/lib/progress-display.ts';
import { formatSummary, NO_SITE_WARNING } from '../../../scripts/lib/summary.ts';
import type { QualityFile } from '../../../src/domain/schemas.ts';

/** A plain display that writes into `lines`, on a clock the test sets. */
function recordPlain(intervalMs: number) {
  const lines: string[] = [];
  const clock = { t: 0 };
  const display = createPlainProgress(
    (l) => lines.push(l),
    () => clock.t,
    intervalMs,
  );
  return { lines, display, clock };
}

describe('progress display', () => {
  it('shows count, percentage, rate and ETA', () => {
    expect(progressLine({ stage: 'imaging', done: 50, total: 200 }, 10_000)).toBe(
      '[imaging] 50/200 (25%) 5.0/s, ETA 30.0 s',
    );
    expect(progressLine({ stage: 'sample', done: 7, total: null }, 0)).toBe('[sample] 7');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(420)).toBe('420 ms');
  });

  it('prints plain lines at most every interval per stage, and always the last one', () => {
    const { lines, display, clock } = recordPlain(1000);
    for (let done = 1; done <= 10; done += 1) {
      clock.t = done * 300;
      display.onProgress({ stage: 'imaging', done, total: 10 });
    }
    display.onStage({ stage: 'imaging', phase: 'end', ms: 3000 });
    expect(lines).toEqual([
      '[imaging] 1/10 (10%)',
      '[imaging] 5/10 (50%) 3.3/s, ETA 1.5 s',
      '[imaging] 9/10 (90%) 3.3/s, ETA 300 ms',
      '[imaging] 10/10 (100%) 3.3/s',
      '✓ imaging (3.0 s)',
    ]);
  });
});

describe('plain progress of a long stage', () => {
  it('prints at most one line per tenth of the work, however long the stage runs', () => {
    const { lines, display, clock } = recordPlain(1000);
    // 5000 items at one per second: an interval alone would print 5000 lines.
    for (let done = 1; done <= 5000; done += 1) {
      clock.t = done * 1000;
      display.onProgress({ stage: 'imaging', done, total: 5000 });
    }
    expect(lines.length).toBeLessThanOrEqual(11);
    expect(lines.map((l) => l.match(/\((\d+)%\)/)![1])).toEqual([
      '0',
      '10',
      '20',
      '30',
      '40',
      '50',
      '60',
      '70',
      '80',
      '90',
      '100',
    ]);
  });

  it('throttles a stage without a total by time', () => {
    const { lines, display, clock } = recordPlain(1000);
    for (let done = 1; done <= 100; done += 1) {
      clock.t = done * 100;
      display.onProgress({ stage: 'list files', done, total: null });
    }
    expect(lines).toEqual([
      '[list files] 1',
      ...[11, 21, 31, 41, 51, 61, 71, 81, 91].map((n) =>
        expect.stringMatching(new RegExp(`^\\[list files\\] ${n} `)),
      ),
    ]);
  });
});

describe('progress of cached work', () => {
  it('shows no rate for a stage that reports everything done at once', () => {
    const lines: string[] = [];
    const display = createPlainProgress(
      (l) => lines.push(l),
      () => 1000,
    );
    display.onProgress({ stage: 'scan headers', done: 792, total: 792 });
    expect(lines).toEqual(['[scan headers] 792/792 (100%)']);
  });
});

describe('formatSummary', () => {
  const quality: QualityFile = {
    source: {
      synthetic: false,
      registryFile: 'r.xlsx',
      registrySha256: null,
      registryLayout: null,
      builtAt: '1970-01-01T00:00:00.000Z',
    },
    counts: {
      files: 120,
      filesParsed: 118,
      registryRows: 10,
      studies: 9,
      series: 20,
      error: 2,
      warning: 1,
      info: 0,
    },
    overview: [],
    findings: [
      {
        severity: 'error',
        code: 'dicom-truncated',
        message: { ru: 'обрезан', en: 'truncated' },
        file: 'studies/a/b/c.dcm',
      },
      {
        severity: 'error',
        code: 'registry-duplicate-study',
        message: { ru: 'повтор', en: 'repeat' },
        file: 'r.xlsx',
        row: 5,
        column: 'ID',
      },
      { severity: 'warning', code: 'registry-unknown-column', message: { ru: 'x', en: 'x' } },
    ],
  };

  it('gives counts, findings by severity with the errors named, and time per stage', () => {
    const text = formatSummary({
      quality,
      timings: [
        { stage: 'registry', ms: 120 },
        { stage: 'imaging', ms: 2500 },
      ],
      outDir: '/p/dist',
      generatedDir: '/p/generated',
      strict: true,
    });
    expect(text).toContain('Studies: 9   series: 20   files: 120 (118 parsed)   registry rows: 10');
    expect(text).toContain('Findings: 2 error, 1 warning, 0 info');
    expect(text).toContain('error dicom-truncated (studies/a/b/c.dcm): truncated');
    expect(text).toContain('error registry-duplicate-study (r.xlsx, row 5, ID): repeat');
    expect(text).toMatch(/imaging\s+2\.5 s/);
    expect(text).toMatch(/total\s+2\.6 s/);
    expect(text).toContain('--strict: 2 error-level findings, exit code 1');
  });

  it('names the address the site was built for, and warns when there is none', () => {
    const base = { quality, timings: [], outDir: '/p/dist', generatedDir: '/p/g', strict: false };
    const published = formatSummary({
      ...base,
      address: { site: 'https://example.net', base: '/datasets/hemorrhage/' },
    });
    expect(published).toContain('Address: https://example.net/datasets/hemorrhage/');
    expect(published).not.toContain('Warning');
    const local = formatSummary({ ...base, address: { site: undefined, base: '/' } });
    expect(local).toContain(NO_SITE_WARNING);
  });
});
