/** The audit's static host: the built site on loopback, text gzipped as real hosts do. */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import { builtBase, createSiteHandler } from '../lib/serve-site.ts';

const TEXT_TYPES =
  /\.(html|css|js|mjs|json|svg|xml|txt|csv|webmanifest|pf_meta|pf_index|pf_fragment)$/;

/**
 * A loopback static host that gzips text like GitHub Pages or Netlify do, serving the site under
 * the base path it was built with. `url` ends before the base's last slash: `url + '/en/'`.
 */
export async function serve(dir: string): Promise<{ url: string; server: Server }> {
  const base = builtBase(await readFile(join(dir, 'index.html'), 'utf8'));
  const files = createSiteHandler(dir, base);
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const wantsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (wantsGzip && (TEXT_TYPES.test(path) || path.endsWith('/'))) {
      // Hold sirv's head and body, then send them gzipped, as a real host would.
      const chunks: Buffer[] = [];
      // Without a writeHead call (sirv's fallback, our 404 page) the status is res.statusCode.
      let head: [number, Record<string, string | number>] | undefined;
      const writeHead = res.writeHead.bind(res);
      const end = res.end.bind(res);
      res.writeHead = ((status: number, headers?: Record<string, string | number>) => {
        head = [status, headers ?? {}];
        return res;
      }) as typeof res.writeHead;
      res.write = ((chunk: Buffer | string) => {
        chunks.push(Buffer.from(chunk));
        return true;
      }) as typeof res.write;
      res.end = ((chunk?: Buffer | string) => {
        if (chunk) chunks.push(Buffer.from(chunk));
        const body = gzipSync(Buffer.concat(chunks), { level: constants.Z_BEST_COMPRESSION });
        const [status, given] = head ?? [res.statusCode, {}];
        const headers = Object.fromEntries(
          Object.entries(given).filter(([k]) => k.toLowerCase() !== 'content-length'),
        );
        writeHead(status, {
          ...headers,
          'Content-Encoding': 'gzip',
          'Content-Length': body.length,
        });
        return end(body);
      }) as typeof res.end;
    }
    files(req, res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: `${origin}${base.slice(0, -1)}`, server };
}
