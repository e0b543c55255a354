/**
 * A study's short handle: what a researcher says aloud, types into search or a URL, and finds
 * in the registry. It is the study's row number in the registry sheet (the row the spreadsheet
 * shows, so "#124" is row 124 of dataset_registry.xlsx). A study folder with no registry row
 * gets `F1`, `F2`, … in the order of its folder name. Row numbers are unique within a sheet, and
 * the `F` prefix keeps the two kinds apart, so handles are unique within a build.
 */

/**
 * The handle of a registry row.
 * @example rowHandle(124) // '124'
 */
export function rowHandle(row: number): string {
  return String(row);
}

/**
 * The handle of the n-th (1-based) study folder that has no registry row.
 * @example folderHandle(2) // 'F2'
 */
export function folderHandle(n: number): string {
  return `F${n}`;
}

/**
 * The handle as the site shows it, next to the UID.
 * @example handleLabel('124') // '#124'
 */
export function handleLabel(handle: string): string {
  return `#${handle}`;
}

/** A handle's shape: a row number, or `F` and a number (either case, as URLs may be typed). */
const HANDLE_SHAPE = /^(?:[1-9]\d*|[Ff][1-9]\d*)$/;

/**
 * True when `text` is shaped like a handle as written in a URL (`124`, `F2`). Study page slugs
 * are never shaped like this (src/pipeline/slug.ts), so `/<lang>/studies/124/` can only be a
 * handle's address.
 * @example isHandleShaped('124') // true
 * @example isHandleShaped('1-2-643') // false
 */
export function isHandleShaped(text: string): boolean {
  return HANDLE_SHAPE.test(text);
}

/**
 * The handle a reader typed, in its one form, or null when the text is not a handle: what they
 * copy from the page (`#124`), the bare number, with spaces or leading zeros, `f2` for `F2`.
 * @example parseHandle(' #124 ') // '124'
 * @example parseHandle('0124') // '124'
 * @example parseHandle('#f2') // 'F2'
 * @example parseHandle('subdural') // null
 */
export function parseHandle(text: string): string | null {
  const match = /^\s*#?\s*([Ff]?)0*([1-9]\d*)\s*$/.exec(text);
  if (!match) return null;
  return `${match[1] ? 'F' : ''}${match[2]}`;
}
