/**
 * URL-safe slugs for study pages.
 */
import { isHandleShaped } from '../domain/handle.ts';

/**
 * A lower-case slug of ASCII letters, digits and single hyphens. Dots (as in DICOM UIDs)
 * become hyphens, so `1.2.643.5` gives `1-2-643-5`; other characters are transliterated
 * away by NFKD or dropped.
 * @example slugify('1.2.643.5.1') // '1-2-643-5-1'
 * @example slugify('Study 7 / a') // 'study-7-a'
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Slugs for a list of ids, unique even when two ids slugify alike (`-2`, `-3` appended in
 * order) or to nothing (`study`). A slug never looks like a handle (`124`, `f2`): those
 * addresses belong to the handles' redirect pages (`/<lang>/studies/124/`), so a folder named
 * `124` gets `study-124`.
 * @example uniqueSlugs(['a.b', 'a-b', '']) // ['a-b', 'a-b-2', 'study']
 * @example uniqueSlugs(['124']) // ['study-124']
 */
export function uniqueSlugs(ids: readonly string[]): string[] {
  const taken = new Set<string>();
  return ids.map((id) => {
    const plain = slugify(id) || 'study';
    const base = isHandleShaped(plain) ? `study-${plain}` : plain;
    let slug = base;
    for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
    taken.add(slug);
    return slug;
  });
}
