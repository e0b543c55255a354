import { describe, expect, it } from 'vitest';
import { median, perSecond, summarize } from '../../../scripts/bench/stats.ts';

describe('median', () => {
  it('takes the middle of an odd count, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5);
  });
  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('is not moved by one disturbed run', () => {
    expect(median([100, 101, 900])).toBe(101);
  });
  it('refuses an empty list', () => {
    expect(() => median([])).toThrow(RangeError);
  });
});

describe('summarize and perSecond', () => {
  it('keeps the runs and their range', () => {
    expect(summarize([30, 10, 20])).toEqual({ median: 20, min: 10, max: 30, runs: [30, 10, 20] });
  });
  it('turns a count over milliseconds into a rate', () => {
    expect(perSecond(300, 1500)).toBe(200);
    expect(() => perSecond(1, 0)).toThrow(RangeError);
  });
});
