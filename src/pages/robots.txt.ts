/**
 * `robots.txt`: everything may be crawled; points at the sitemap when the build knows the site's
 * address (a sitemap line must be an absolute URL). Crawlers read robots.txt only at the root of
 * an origin: a site under a base path has to add the Sitemap line to its host's own robots.txt
 * (see docs/deploy.md).
 */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../site/canonical.ts';

export const GET: APIRoute = ({ site }) => {
  const sitemap = absoluteUrl('sitemap-index.xml', site);
  const lines = ['User-agent: *', 'Allow: /', ...(sitemap ? ['', `Sitemap: ${sitemap}`] : [])];
  return new Response(`${lines.join('\n')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
