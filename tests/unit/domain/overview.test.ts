import { describe, expect, it } from 'vitest';
import { median } from '../../../src/domain/overview.ts';

describe('median', () => {
  it('takes the middle value of an odd count and the mean of the middle pair of an even one', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
