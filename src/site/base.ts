/**
 * The ONE place that puts the site's base path (`--base`, e.g. `/datasets/hemorrhage/`) in front
 * of a link. Every internal link, asset, data download and script fetch goes through `withBase`
 * (directly or through `localePath`); nothing else writes a leading `/`. Absolute URLs (with
 * the site's address) come from `./canonical.ts`.
 *
 * The base comes from Astro (`import.meta.env.BASE_URL`, set by `npm run build -- --base`), so
 * the same code works in pages at build time and in browser scripts, where Vite writes the
 * value in. It is `/` without `--base`.
 */

/**
 * A base path in its one canonical form: leading and trailing slash, no doubled slashes.
 * @example normalizeBase('datasets/hemorrhage') // '/datasets/hemorrhage/'
 * @example normalizeBase('') // '/'
 */
export function normalizeBase(base: string): string {
  const inner = base.split('/').filter(Boolean).join('/');
  return inner ? `/${inner}/` : '/';
}

/** The base path of this build, e.g. `/` or `/datasets/hemorrhage/`. */
export const BASE: string = normalizeBase(
  // Optional: a script run by plain Node (no Vite) has no import.meta.env.
  import.meta.env?.BASE_URL ?? '/',
);

/**
 * A site path (relative to the site's root, with or without a leading slash) as a link under the
 * base path. Keeps `?query` and `#fragment`. A bare `#fragment` or an absolute URL
 * (`https:`, `mailto:`) is returned unchanged.
 * @example withBase('data/registry.csv', '/datasets/h/') // '/datasets/h/data/registry.csv'
 * @example withBase('/en/studies/', '/datasets/h/') // '/datasets/h/en/studies/'
 * @example withBase('', '/datasets/h/') // '/datasets/h/'
 */
export function withBase(path: string, base: string = BASE): string {
  if (path.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) {
    return path;
  }
  return `${normalizeBase(base)}${path.replace(/^\/+/, '')}`;
}

/**
 * A URL path as seen from the site's root: the base path taken off. A path outside the base is
 * returned as it was.
 * @example stripBase('/datasets/h/en/cite/', '/datasets/h/') // '/en/cite/'
 * @example stripBase('/datasets/h', '/datasets/h/') // '/'
 */
export function stripBase(pathname: string, base: string = BASE): string {
  const b = normalizeBase(base);
  if (pathname.startsWith(b)) return `/${pathname.slice(b.length)}`;
  if (`${pathname}/` === b) return '/';
  return pathname;
}
