/** A figure against its target, as the result file keeps it. */

export interface TargetCheck {
  id: string;
  description: string;
  /** The measured value in the target's unit (a ratio or seconds). */
  value: number;
  limit: number;
  /** Whether `value` must stay at most or at least `limit`. */
  direction: 'max' | 'min';
  pass: boolean;
}

/**
 * A target check; `pass` from the value, the limit and the direction.
 * @example check('x', 'x', 0.8, 0.7, 'max').pass // false
 */
export function check(
  id: string,
  description: string,
  value: number,
  limit: number,
  direction: 'max' | 'min',
): TargetCheck {
  const pass = direction === 'max' ? value <= limit : value >= limit;
  return { id, description, value, limit, direction, pass };
}
