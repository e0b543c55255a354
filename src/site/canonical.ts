/**
 * The ONE place that turns a link into an absolute URL with the site's address (`--site`), for
 * what must be absolute: canonical and hreflang links, Open Graph, JSON-LD, Croissant, the
 * sitemap and robots.txt. Without `--site` there is no address: these functions return null and
 * the caller leaves the URL out (or uses the relative link where the format allows one); the site
 * never shows a made-up domain.
 */
import { withBase } from './base.ts';

/**
 * The absolute URL of a site path: the site's origin, the base path, the path.
 * `site` is Astro's `site` (`Astro.site`, the `site` of an API route) or undefined.
 * @example absoluteUrl('en/cite/', new URL('https://example.net'), '/datasets/h/') // 'https://example.net/datasets/h/en/cite/'
 * @example absoluteUrl('en/cite/', undefined) // null
 */
export function absoluteUrl(
  path: string,
  site: URL | string | undefined,
  base?: string,
): string | null {
  if (site === undefined) return null;
  return new URL(base === undefined ? withBase(path) : withBase(path, base), site).href;
}

/**
 * The absolute URL of a link that already carries the base path (from `withBase` or
 * `localePath`), e.g. a page's own `Astro.url.pathname`.
 * @example absoluteLink('/datasets/h/en/', new URL('https://example.net')) // 'https://example.net/datasets/h/en/'
 */
export function absoluteLink(link: string, site: URL | string | undefined): string | null {
  if (site === undefined) return null;
  return new URL(link, site).href;
}
