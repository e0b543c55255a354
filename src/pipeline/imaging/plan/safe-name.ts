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
