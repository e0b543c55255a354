/**
 * An error as a finding's detail: its first line, without the absolute paths Node's file-system
 * errors carry (`EACCES: permission denied, open '/home/…/studies/x.dcm'`): findings name files
 * by their dataset-relative path, never where the dataset sits on the build machine.
 * @example errorText(new Error("EACCES: permission denied, open '/data/studies/a.dcm'")) // 'EACCES: permission denied'
 */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text
    .split('\n')[0]!
    .replace(/, \w+ '[^']*'(?: -> '[^']*')?$/, '')
    .replace(/(^|[\s'"(])\/[^\s'")]+/g, '$1<path>')
    .slice(0, 200);
}
