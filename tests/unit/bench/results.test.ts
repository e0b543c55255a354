import { describe, expect, it } from 'vitest';
import { buildFigures, scanFigure } from '../../../scripts/bench/aggregate.ts';
import { summarize } from '../../../scripts/bench/stats.ts';
import { parseBenchArgs, QUICK } from '../../../scripts/bench/args.ts';
import { UsageError } from '../../../scripts/lib/cli.ts';
import { formatReport, table } from '../../../scripts/bench/format.ts';
import { evaluateTargets, resultFileName } from '../../../scripts/bench/results.ts';
import { resultOf, size } from './figures.ts';

const byId = (checks: ReturnType<typeof evaluateTargets>, id: string) => {
  const found = checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
};

describe('evaluateTargets', () => {
  it('passes figures that meet every target, and reports their values', () => {
    const checks = evaluateTargets([size(800), size(4000)]);
    expect(checks.every((c) => c.pass)).toBe(true);
    expect(byId(checks, 'scan-vs-io-floor@800').value).toBeCloseTo(1.2);
    expect(byId(checks, 'scan-vs-dcmdump@800').value).toBeCloseTo(2.5);
    expect(byId(checks, 'warm-vs-cold@4000').value).toBeCloseTo(10 / 150);
    expect(byId(checks, 'cold-build-seconds').value).toBeCloseTo(120);
    expect(byId(checks, 'linear-cold-build').value).toBeCloseTo(1);
  });

  it('misses each target on its own when its figure is off', () => {
    const slowScan = evaluateTargets([size(800, 1, { scan: 800 * 16, dcmdump: 800 * 20 })]);
    expect(byId(slowScan, 'scan-vs-io-floor@800').pass).toBe(false);
    expect(byId(slowScan, 'scan-vs-dcmdump@800').pass).toBe(false);
    expect(byId(slowScan, 'warm-vs-cold@800').pass).toBe(true);

    const slowWarm = evaluateTargets([size(800, 1, { warm: 800 * 20 })]);
    expect(byId(slowWarm, 'warm-vs-cold@800').pass).toBe(false);

    const slowCold = evaluateTargets([size(800, 1, { cold: 200_000 })]);
    expect(byId(slowCold, 'cold-build-seconds').pass).toBe(false);
  });

  it('compares the checksum pass with GNU sha256sum, and prints it', () => {
    const withSums = (oursMs: number) => {
      const s = size(800);
      const figure = (ms: number) => scanFigure([ms], 20_000, 700e6);
      s.checksums = {
        files: 20_000,
        bytes: 700e6,
        concurrency: 2,
        poolStartMs: summarize([600]),
        ours: figure(oursMs),
        gnu: figure(2_000),
        gnuParallel: figure(1_000),
      };
      return s;
    };
    expect(byId(evaluateTargets([withSums(1_500)]), 'checksums-vs-sha256sum@800')).toMatchObject({
      value: 1.5,
      pass: true,
    });
    expect(byId(evaluateTargets([withSums(2_500)]), 'checksums-vs-sha256sum@800').pass).toBe(false);
    expect(evaluateTargets([size(800)]).map((c) => c.id)).not.toContain(
      'checksums-vs-sha256sum@800',
    );
    const report = formatReport(resultOf([withSums(1_500)]));
    expect(report).toMatch(/ours \(pool of 2, started\)\s+1\.50 s/);
    expect(report).toMatch(/GNU sha256sum, 2 processes\s+1\.00 s/);
  });

  it('calls superlinear time and growing memory a miss at scale', () => {
    const checks = evaluateTargets([size(800), size(4000, 1.5, { coldPeak: 700e6 })]);
    expect(byId(checks, 'linear-header-scan').value).toBeCloseTo(1.5);
    expect(byId(checks, 'linear-header-scan').pass).toBe(false);
    expect(byId(checks, 'peak-memory-scaling').value).toBeCloseTo(1.75);
    expect(byId(checks, 'peak-memory-scaling').pass).toBe(false);
  });

  it('checks the cold page cache figures separately when they were measured', () => {
    const cold = size(800);
    const slowFloor = size(800, 1, { scan: 800 * 40 }).headerScan;
    cold.headerScan.cold = { ours: slowFloor.ours, ioFloor: slowFloor.ioFloor, dcmdump: null };
    const checks = evaluateTargets([cold]);
    expect(byId(checks, 'scan-vs-io-floor@800').pass).toBe(true);
    expect(byId(checks, 'scan-vs-io-floor-cold@800').value).toBeCloseTo(4);
    expect(byId(checks, 'scan-vs-io-floor-cold@800').pass).toBe(false);
    expect(checks.some((c) => c.id === 'scan-vs-dcmdump-cold@800')).toBe(false);
    expect(formatReport(resultOf([cold]))).toContain('ours, cold cache');
  });

  it('checks only what was measured when builds and thumbnails were skipped', () => {
    const base = { ...size(800), build: null, thumbnails: null };
    const large = { ...size(4000), build: null, thumbnails: null };
    const ids = evaluateTargets([base, large]).map((c) => c.id);
    expect(ids).toContain('linear-header-scan');
    expect(ids.some((id) => /warm-vs-cold|cold-build|thumbnails|peak-memory/.test(id))).toBe(false);
    expect(formatReport(resultOf([base]))).toContain('not measured (--skip builds)');
  });

  it('has no scaling checks for a single size, and no peer check without dcmdump', () => {
    const only = size(100);
    only.headerScan.dcmdump = null;
    const ids = evaluateTargets([only]).map((c) => c.id);
    expect(ids.some((id) => id.startsWith('linear-') || id === 'peak-memory-scaling')).toBe(false);
    expect(ids.some((id) => id.startsWith('scan-vs-dcmdump'))).toBe(false);
  });
});

describe('buildFigures', () => {
  it('takes the median per stage and accounts for time outside the stages', () => {
    const figures = buildFigures([
      {
        wallMs: 10_000,
        stages: [
          { stage: 'sample', ms: 4000 },
          { stage: 'astro', ms: 5000 },
        ],
        peakRssBytes: 3,
      },
      {
        wallMs: 12_000,
        stages: [
          { stage: 'sample', ms: 6000 },
          { stage: 'astro', ms: 5000 },
        ],
        peakRssBytes: 5,
      },
      {
        wallMs: 30_000,
        stages: [
          { stage: 'sample', ms: 5000 },
          { stage: 'astro', ms: 4000 },
        ],
        peakRssBytes: 4,
      },
    ]);
    expect(figures.totalMs.median).toBe(12_000);
    expect(figures.stages['sample']!.median).toBe(5000);
    expect(figures.stages['astro']!.median).toBe(5000);
    expect(figures.stages['startup+other']!.runs).toEqual([1000, 1000, 21_000]);
    expect(figures.peakRssBytes.median).toBe(4);
  });
});

describe('parseBenchArgs', () => {
  it('defaults to 800 studies, five times larger, three runs, as many builds (at least two)', () => {
    const args = parseBenchArgs([], '/p', 2);
    expect(args).toMatchObject({
      studies: 800,
      scale: 5,
      runs: 3,
      buildRuns: 3,
      concurrency: 2,
      out: '/p/bench/results',
    });
    expect(parseBenchArgs(['--runs', '1'], '/p', 2).buildRuns).toBe(2);
  });
  it('--quick is small, and explicit options still win', () => {
    expect(parseBenchArgs(['--quick'], '/p', 2)).toMatchObject(QUICK);
    expect(parseBenchArgs(['--quick', '--studies', '12'], '/p', 2).studies).toBe(12);
  });
  it('--skip leaves out the named figures, and only known ones', () => {
    expect([...parseBenchArgs(['--skip', 'builds,thumbnails'], '/p', 2).skip]).toEqual([
      'builds',
      'thumbnails',
    ]);
    expect(parseBenchArgs([], '/p', 2).skip.size).toBe(0);
    expect(() => parseBenchArgs(['--skip', 'scan'], '/p', 2)).toThrow(UsageError);
  });

  it('rejects bad numbers and unknown options', () => {
    expect(() => parseBenchArgs(['--runs', '0'], '/p', 2)).toThrow(UsageError);
    expect(() => parseBenchArgs(['--scale', '2.5'], '/p', 2)).toThrow(UsageError);
    expect(() => parseBenchArgs(['--fast'], '/p', 2)).toThrow(UsageError);
  });
});

describe('report', () => {
  it('names the result file by date and commit, sortable and without colons', () => {
    expect(resultFileName(new Date('2026-11-27T00:10:05.123Z'), 'abc1234')).toBe(
      '2026-11-27T00-10-05Z-abc1234.json',
    );
  });

  it('aligns table columns', () => {
    expect(
      table([
        ['a', '1'],
        ['bbb', '22'],
      ]),
    ).toBe('a     1\nbbb  22');
  });

  it('prints the machine, every figure and every target with its verdict', () => {
    const result = resultOf([size(800), size(4000, 1, { warm: 4000 * 20 })]);
    const report = formatReport(result);
    expect(report).toContain('Test CPU, 2 cores, 24576 MiB RAM');
    expect(report).toContain('== 800 studies: 20000 files');
    expect(report).toContain('dcmdump (dcmtk)');
    expect(report).not.toContain('cold cache');
    expect(report).toMatch(
      /MISS {2}4000 studies: warm build time \/ cold build time: 0\.13 \(target ≤ 0\.1\)/,
    );
    expect(report).toMatch(/PASS {2}800 studies: warm build time/);
  });
});
