/**
 * `npm run preview [-- --dir dist --port 4321 --host 127.0.0.1]`: serves the built site
 * locally, with the site's 404 page for unknown paths, as a static host would.
 */
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    port: { type: 'string', default: '4321' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});
const dir = resolve(values.dir);
const port = Number(values.port);
if (!existsSync(join(dir, 'index.html'))) {
  process.stderr.write(`No built site in ${dir}: run \`npm run build\` first.\n`);
  process.exit(1);
}
const serve = sirv(dir, { dev: false, etag: true });

/** The 404 page of the locale in the path (`/en/...` → en), else the Russian one. */
async function notFound(url: string): Promise<Buffer | null> {
  const locale = url.startsWith('/en/') ? 'en' : 'ru';
  for (const candidate of [join(dir, locale, '404.html'), join(dir, '404.html')]) {
    const page = await readFile(candidate).catch(() => null);
    if (page) return page;
  }
  return null;
}

const server = createServer((req, res) =>
  serve(req, res, async () => {
    const page = await notFound(req.url ?? '/');
    res.statusCode = 404;
    res.setHeader('Content-Type', page ? 'text/html; charset=utf-8' : 'text/plain');
    res.end(page ?? 'Not found');
  }),
);
server.on('error', (error) => {
  process.stderr.write(`Cannot serve ${dir} on ${values.host}:${port}: ${error.message}\n`);
  process.exitCode = 1;
});
server.listen(port, values.host, () => {
  process.stdout.write(`Serving ${dir} at http://${values.host}:${port}/ (Ctrl+C to stop)\n`);
});
