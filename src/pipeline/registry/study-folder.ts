/**
 * The study folder a registry row points to. Registries write the path in several ways
 * (`studies/<uid>`, `studies\<uid>\`, `./studies/<uid>`, with the dataset's own folder in
 * front); what identifies the study is the folder name right under `studies/`.
 */

/**
 * The study folder name from a registry path, or null when there is none.
 * @example studyFolderFromPath('studies/1.2.3') // '1.2.3'
 * @example studyFolderFromPath('C:\\data\\MosMed\\studies\\1.2.3\\') // '1.2.3'
 * @example studyFolderFromPath('1.2.3') // '1.2.3'
 */
export function studyFolderFromPath(path: string | null): string | null {
  if (path === null) return null;
  const parts = path
    .trim()
    .split(/[\\/]+/)
    .filter((p) => p !== '' && p !== '.');
  if (parts.length === 0) return null;
  const studies = parts.map((p) => p.toLowerCase()).lastIndexOf('studies');
  if (studies >= 0 && studies < parts.length - 1) return parts[studies + 1]!;
  return parts[parts.length - 1]!;
}

/**
 * Whether a name can be a study folder right under `studies/`: not empty, not `.` or `..`,
 * without a separator or NUL. A registry path `studies/..` would otherwise name the dataset
 * itself (and the subset kit would copy all of it).
 * @example isSafeFolder('1.2.3') // true
 * @example isSafeFolder('..') // false
 */
export function isSafeFolder(name: string | null): boolean {
  if (name === null) return false;
  return name !== '' && name !== '.' && name !== '..' && !/[\\/\0]/.test(name);
}
