/**
 * The names the pages give Pagefind and the search page reads back: one place, so the
 * attributes written at build time and the filters offered in the browser agree.
 */

/** Study filters offered on the search page, in this order (data-pagefind-filter keys). */
export const SEARCH_FILTERS = ['class', 'finding', 'sex', 'manufacturer', 'kernel'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/**
 * Every indexed page carries `kind:study` or `kind:page`, so the search lists the studies that
 * match first, then the text pages (two queries, see search-results.ts).
 */
export const KIND_FILTER = 'kind';
export type SearchKind = 'study' | 'page';

/**
 * Every study page carries its handle as a filter (`handle:124`), so a handle typed into search
 * (`#124`, `124`) finds exactly that study: an exact match, where a word search would also
 * match the other studies whose titles or UIDs hold the number (Pagefind matches prefixes).
 */
export const HANDLE_FILTER = 'handle';

/** A run of three or more dot-separated numbers: a DICOM UID or a prefix of one. */
const UID_LIKE = /\d+(?:\.\d+){2,}\.?/g;

/**
 * A UID as one search word. Pagefind splits words at dots (and indexes the parts of words
 * joined by `_` or `-` as well), so a UID would index as a dozen short numbers ("2", "25", ...)
 * and a study's handle "#25" would match every UID holding a 25. As `uid` and its digits the
 * UID is one word that no short number is a prefix of; queries are rewritten the same way
 * (`searchQuery`), so a pasted UID, or its beginning, still finds it.
 * @example uidSearchWord('1.2.643.5') // 'uid126435'
 */
export function uidSearchWord(uid: string): string {
  return `uid${uid.replace(/[^0-9A-Za-z]/g, '')}`;
}

/**
 * What the search page hands Pagefind for what the reader typed: UID-like runs as one word.
 * @example searchQuery('study 1.2.643.5') // 'study uid126435'
 * @example searchQuery('0.625 mm') // '0.625 mm'
 */
export function searchQuery(typed: string): string {
  return typed.replace(UID_LIKE, (uid) => uidSearchWord(uid.replace(/\.$/, '')));
}

/** A UID's search word (see uidSearchWord), with what Pagefind may leave after it in an excerpt. */
const UID_WORD = /\s*\buid\d[0-9A-Za-z]*[.…]*/g;

/**
 * An excerpt's text without the UID search words: they are indexed (an attribute of the study
 * page), so Pagefind may end an excerpt with one, but they mean nothing to a reader (the title
 * shows the UID).
 * @example withoutUidWords('subdural hematoma. uid126435.') // 'subdural hematoma.'
 */
export function withoutUidWords(text: string): string {
  return text.replace(UID_WORD, '');
}
