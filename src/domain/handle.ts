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
