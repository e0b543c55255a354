/**
 * Which of the picked files belong to the study of the page. The reader may pick the dataset
 * folder, its `studies/` folder or the study's own folder: in every case a folder of the file's
 * relative path is the study's folder (`studies/<folder>/<series>/<file>`), and the folder after
 * it is the series. Pure, so it is tested without a browser.
 */

/**
 * The study's files by series folder ('' for files directly in the study folder), in the order
 * they were given. Hidden files (`.DS_Store`, `._x`) are left out.
 *
 * @example
 * studyFilesBySeries(['hem/studies/1.2/3.4/a.dcm', 'hem/studies/9/8/b.dcm'], (p) => p, '1.2')
 * // Map { '3.4' => ['hem/studies/1.2/3.4/a.dcm'] }
 */
export function studyFilesBySeries<T>(
  files: readonly T[],
  pathOf: (file: T) => string,
  studyFolder: string,
): Map<string, T[]> {
  const bySeries = new Map<string, T[]>();
  for (const file of files) {
    const parts = pathOf(file).split('/').filter(Boolean);
    const name = parts.at(-1) ?? '';
    if (name.startsWith('.')) continue;
    const at = parts.lastIndexOf(studyFolder, parts.length - 2);
    if (at < 0) continue;
    const series = at + 2 < parts.length ? parts[at + 1]! : '';
    const list = bySeries.get(series);
    if (list) list.push(file);
    else bySeries.set(series, [file]);
  }
  return bySeries;
}

/**
 * Series folders in the order the study page lists them (`known`), then any others by name.
 *
 * @example
 * orderSeries(['b', 'x', 'a'], ['a', 'b']) // ['a', 'b', 'x']
 */
export function orderSeries(found: readonly string[], known: readonly string[]): string[] {
  const rank = (folder: string) => {
    const i = known.indexOf(folder);
    return i < 0 ? known.length : i;
  };
  return [...found].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}
