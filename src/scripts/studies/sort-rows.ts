/**
 * Sorting of the index rows by a column's `data-value`: numbers as numbers, text in the
 * page's collation, empty values always last (whatever the direction).
 */

export type SortDirection = 'ascending' | 'descending';

/**
 * @example compareValues('9', '10', true) // negative
 * @example compareValues('', '3', true) // positive (empty last)
 */
export function compareValues(a: string, b: string, numeric: boolean, collator?: Intl.Collator) {
  if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
  if (numeric) return Number(a) - Number(b);
  return collator ? collator.compare(a, b) : a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders items by a key, stable, with empty keys last in both directions.
 * @example sortByValue([{ v: '2' }, { v: '' }, { v: '1' }], (x) => x.v, true, 'descending')
 * // [{ v: '2' }, { v: '1' }, { v: '' }]
 */
export function sortByValue<T>(
  items: readonly T[],
  valueOf: (item: T) => string,
  numeric: boolean,
  direction: SortDirection,
  collator?: Intl.Collator,
): T[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return items
    .map((item, index) => ({ item, index, value: valueOf(item) }))
    .sort((x, y) => {
      if (x.value === '' || y.value === '') return compareValues(x.value, y.value, numeric);
      return sign * compareValues(x.value, y.value, numeric, collator) || x.index - y.index;
    })
    .map(({ item }) => item);
}
