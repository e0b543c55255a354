/** Study and series folder names made safe for file paths and URLs. */
import { createHash } from 'node:crypto';

/**
 * A name safe in a file path and a URL segment: kept when it is plain, otherwise its unsafe
 * characters replaced and a short hash of the original appended so names stay distinct.
 *
 * @example
 * safeName('1.2.840.113619') // '1.2.840.113619'
 * safeName('series #1') // 'series__1-<8 hex digits>'
 */
export function safeName(name: string): string {
  if (/^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(name) && name.length <= 128) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${name
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^[.]/, '_')
    .slice(0, 96)}-${hash}`;
}

/**
 * A safe name for each of `names`, distinct from every other even where two names make the same
 * safe name or differ only in case (a case-insensitive disk or server would give them one
 * folder): the later one (in sorted order) gets `-2`, `-3`.
 * @example uniqueSafeNames(['Study', 'study']) // Map { 'Study' => 'Study', 'study' => 'study-2' }
 */
export function uniqueSafeNames(names: readonly string[]): Map<string, string> {
  const taken = new Set<string>();
  const result = new Map<string, string>();
  for (const name of [...names].sort()) {
    const base = safeName(name);
    let chosen = base;
    for (let n = 2; taken.has(chosen.toLowerCase()); n += 1) chosen = `${base}-${n}`;
    taken.add(chosen.toLowerCase());
    result.set(name, chosen);
  }
  return result;
}
