/**
 * Serving a built site the way a static host does, under its base path: files from the site
 * folder (sirv), `/` redirected to the base, the 404 page of the path's language for anything
 * else. Used by `npm run preview` and by the browser tests.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sirv from 'sirv';
import { LOCALES } from '../../src/i18n/locales.ts';
import { normalizeBase, stripBase } from '../../src/site/base.ts';

/**
 * The base path a site was built with, read from its root page (`index.html`): the path of
 * its favicon link, which every build writes as `<base>favicon.svg`.
 * @example builtBase('<link rel="icon" href="/d/h/favicon.svg">') // '/d/h/'
 */
export function builtBase(rootPageHtml: string): string {
  const match = /<link[^>]+href="([^"]*)favicon\.svg"/.exec(rootPageHtml);
  return normalizeBase(match?.[1] ?? '/');
}

/** The 404 page for a path (base taken off): the language's own, else the bilingual one. */
async function notFoundPage(dir: string, sitePath: string): Promise<Buffer | null> {
  const locale = LOCALES.find((l) => sitePath.startsWith(`/${l}/`));
  const candidates = [
    ...(locale ? [join(dir, locale, '404', 'index.html')] : []),
    join(dir, '404.html'),
  ];
  for (const candidate of candidates) {
    const page = await readFile(candidate).catch(() => null);
    if (page) return page;
  }
  return null;
}

/** A request handler serving `dir` under `base`. */
export function createSiteHandler(
  dir: string,
  base: string,
  options: { etag?: boolean } = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  const prefix = normalizeBase(base);
  const serve = sirv(dir, { dev: false, etag: options.etag ?? true });
  const notFound = async (res: ServerResponse, sitePath: string) => {
    const page = await notFoundPage(dir, sitePath);
    res.statusCode = 404;
    res.setHeader('Content-Type', page ? 'text/html; charset=utf-8' : 'text/plain');
    res.end(page ?? 'Not found');
  };
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (prefix !== '/' && url.pathname === '/') {
      res.writeHead(302, { Location: prefix }).end();
      return;
    }
    const inside = url.pathname.startsWith(prefix) || `${url.pathname}/` === prefix;
    if (!inside) {
      void notFound(res, url.pathname);
      return;
    }
    const sitePath = stripBase(url.pathname, prefix);
    req.url = `${sitePath}${url.search}`;
    serve(req, res, () => void notFound(res, sitePath));
  };
}
