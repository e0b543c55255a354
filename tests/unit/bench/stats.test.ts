import { describe, expect, it } from 'vitest';
import { perSecond, summarize } from '../../../scripts/bench/stats.ts';

describe('the median of the runs', () => {
  it('takes the middle of an odd count, whatever the order', () => {
    expect(summarize([9, 1, 5]).median).toBe(5);
  });
  it('averages the two middle values of an even count', () => {
    expect(summarize([4, 1, 3, 2]).median).toBe(2.5);
  });
  it('is not moved by one disturbed run', () => {
    expect(summarize([100, 101, 900]).median).toBe(101);
  });
  it('refuses an empty list', () => {
    expect(() => summarize([])).toThrow(RangeError);
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
