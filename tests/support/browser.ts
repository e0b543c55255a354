/**
 * Browser-test support: serve a built site on loopback and drive Debian's Chromium with
 * playwright-core (no browser download). Flags keep Chromium off the closed network.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import sirv from 'sirv';

import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/lib/chromium.ts';

export { CHROMIUM_PATH };

export interface StaticSite {
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 on a free port, with a 404 page like a static host would. */
export async function serveStatic(dir: string): Promise<StaticSite> {
  const handler = sirv(dir, { dev: false, etag: false });
  const server: Server = createServer((req, res) =>
    handler(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_FLAGS],
  });
}
