/**
 * Browser-test support: serve a built site on loopback and drive Debian's Chromium with
 * playwright-core (no browser download). Flags keep Chromium off the closed network.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/lib/chromium.ts';
import { builtBase, createSiteHandler } from '../../scripts/lib/serve-site.ts';

export { CHROMIUM_PATH };

export interface StaticSite {
  /**
   * The site's root URL without the trailing slash, base path included
   * (`http://127.0.0.1:1234/datasets/hemorrhage`): `${url}/en/` is the English home page.
   */
  url: string;
  /** `http://127.0.0.1:1234`: for links that already carry the base path. */
  origin: string;
  /** The base path the site is served under, e.g. `/datasets/hemorrhage/` or `/`. */
  base: string;
  close(): Promise<void>;
}

/**
 * Serves `dir` on 127.0.0.1 on a free port under its base path (the one it was built with, see
 * `builtBase`, unless given), with the site's 404 pages, as `npm run preview` does.
 */
export async function serveStatic(dir: string, base?: string): Promise<StaticSite> {
  const rootPage = join(dir, 'index.html');
  const prefix = base ?? (existsSync(rootPage) ? builtBase(readFileSync(rootPage, 'utf8')) : '/');
  const server: Server = createServer(createSiteHandler(dir, prefix, { etag: false }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${prefix.replace(/\/$/, '')}`,
    origin,
    base: prefix,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_FLAGS],
  });
}
