import { describe, expect, it } from 'vitest';
import { askedHandle, nearestHandle } from '../../../src/scripts/not-found.ts';

describe('the not-found page for a study number', () => {
  it('reads the number from a study address, and nothing else', () => {
    expect(askedHandle('/datasets/hemorrhage/en/studies/1/')).toBe(1);
    expect(askedHandle('/en/studies/900')).toBe(900);
    expect(askedHandle('/en/studies/F2/')).toBeNull();
    expect(askedHandle('/en/about/1/')).toBeNull();
  });

  it('offers the nearest existing number, the lower one on a tie', () => {
    expect(nearestHandle([2, 3, 801], 1)).toBe(2);
    expect(nearestHandle([2, 3, 801], 900)).toBe(801);
    expect(nearestHandle([2, 4], 3)).toBe(2);
    expect(nearestHandle([], 3)).toBeNull();
  });
});
