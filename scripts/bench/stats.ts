/**
 * Summaries of repeated measurements: the bench reports the median of its runs (robust to one
 * run disturbed by other work on the machine) and keeps every run for the reader.
 */

/** The figures of one measured quantity over several runs. */
export interface Measured {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

/**
 * The median of a non-empty list (mean of the two middle values for an even count).
 *
 * @example
 * median([3, 1, 2]) // 2
 * median([4, 1, 3, 2]) // 2.5
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Median, range and the runs themselves.
 *
 * @example
 * summarize([10, 30, 20]) // { median: 20, min: 10, max: 30, runs: [10, 30, 20] }
 */
export function summarize(runs: readonly number[]): Measured {
  return { median: median(runs), min: Math.min(...runs), max: Math.max(...runs), runs: [...runs] };
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
