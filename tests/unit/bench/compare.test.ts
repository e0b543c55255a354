import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../../scripts/bench/args.ts';
import { UsageError } from '../../../scripts/lib/cli.ts';
import {
  change,
  formatComparison,
  parseResult,
  sizeFigures,
} from '../../../scripts/bench/compare.ts';
import { resultOf, size } from './figures.ts';

describe('change', () => {
  it('says which way a figure moved, by how much, for rates and for times', () => {
    expect(change({ value: 100, better: 'higher' }, 150)).toBe('1.50× better');
    expect(change({ value: 100, better: 'higher' }, 50)).toBe('2.00× worse');
    expect(change({ value: 10, better: 'lower' }, 5)).toBe('2.00× better');
    expect(change({ value: 10, better: 'lower' }, 12)).toBe('1.20× worse');
  });
  it('calls a change within ±2% the same', () => {
    expect(change({ value: 100, better: 'lower' }, 101)).toBe('same');
    expect(change({ value: 0, better: 'lower' }, 0)).toBe('same');
  });
});

describe('sizeFigures', () => {
  it('lists the scan rates, thumbnails and every build stage, and only what was measured', () => {
    const names = sizeFigures(size(800)).map((f) => f.name);
    expect(names).toContain('scan ours, warm (files/s)');
    expect(names).toContain('scan dcmdump, warm (files/s)');
    expect(names).toContain('thumbnails (slices/s)');
    expect(names).toContain('cold build: imaging (s)');
    expect(names).toContain('warm build peak memory (MiB)');
    const scanOnly = sizeFigures({ ...size(800), build: null, thumbnails: null });
    expect(scanOnly.map((f) => f.name).some((n) => /build|thumbnails/.test(n))).toBe(false);
  });
});

describe('formatComparison', () => {
  it('puts each figure and target of the sizes both files measured side by side', () => {
    const before = resultOf([size(800), size(4000)]);
    const after = { ...resultOf([size(800, 0.5)]), git: { sha: 'def5678', dirty: true } };
    const text = formatComparison(before, after);
    expect(text).toContain('Before: abc1234 2026-11-27T00:10');
    expect(text).toContain('After:  def5678+');
    expect(text).toContain('== 800 studies ==');
    expect(text).not.toContain('4000 studies');
    // Everything took half the time: rates doubled, build times halved.
    expect(text).toMatch(/scan ours, warm \(files\/s\) +\d+ +\d+ +2\.00× better/);
    expect(text).toMatch(/cold build \(s\) +120 +60\.0 +2\.00× better/);
    expect(text).toMatch(/cold-build-seconds +120 PASS +60\.0 PASS +≤ 180/);
  });
  it('warns when the two files come from different machines', () => {
    const other = resultOf([size(800)]);
    other.machine = { ...other.machine, cores: 8 };
    expect(formatComparison(resultOf([size(800)]), other)).toContain('different machines');
  });
});

describe('parseResult', () => {
  it('refuses text that is not a result file of this schema, naming the file', () => {
    expect(() => parseResult('{', 'a.json')).toThrow(/a\.json: not JSON/);
    expect(() => parseResult('{"schema":"other"}', 'b.json')).toThrow(/b\.json: not a bench/);
    const good = resultOf([size(800)]);
    expect(parseResult(JSON.stringify(good), 'c.json')).toEqual(good);
  });
});

describe('--compare', () => {
  it('compares a file with latest.json in the results folder unless --to names another', () => {
    expect(parseBenchArgs(['--compare', 'old.json'], '/p', 2).compare).toEqual({
      before: '/p/old.json',
      after: '/p/bench/results/latest.json',
    });
    expect(
      parseBenchArgs(['--compare', 'old.json', '--to', '/x/new.json'], '/p', 2).compare,
    ).toEqual({ before: '/p/old.json', after: '/x/new.json' });
    expect(parseBenchArgs([], '/p', 2).compare).toBeNull();
    expect(() => parseBenchArgs(['--to', 'new.json'], '/p', 2)).toThrow(UsageError);
  });
});
