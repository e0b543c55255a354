/**
 * Summaries of repeated measurements: the bench reports the median of its runs (robust to one
 * run disturbed by other work on the machine) and keeps every run for the reader.
 */
import { median } from 'd3';

/** The figures of one measured quantity over several runs. */
export interface Measured {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

/**
 * Median (d3-array's: the mean of the two middle values for an even count), range and the runs
 * themselves, of a non-empty list.
 *
 * @example
 * summarize([10, 30, 20]) // { median: 20, min: 10, max: 30, runs: [10, 30, 20] }
 */
export function summarize(runs: readonly number[]): Measured {
  const middle = median(runs);
  if (middle === undefined) throw new RangeError('summary of an empty list');
  return { median: middle, min: Math.min(...runs), max: Math.max(...runs), runs: [...runs] };
}

/**
 * Items per second, from a count and a duration in milliseconds.
 *
 * @example
 * perSecond(500, 250) // 2000
 */
export function perSecond(count: number, ms: number): number {
  if (!(ms > 0)) throw new RangeError(`duration must be positive, got ${ms} ms`);
  return (count * 1000) / ms;
}
