/**
 * `npm run preview [-- --dir dist --port 4321 --host 127.0.0.1 --base /datasets/hemorrhage/]`:
 * serves the built site locally under its base path, with the site's 404 page (per language)
 * for unknown paths, as a static host would. The base path is the one the site was built with
 * (read from its root page), unless `--base` (or BASE_PATH) says otherwise.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { normalizeBase } from '../src/site/base.ts';
import { createSiteHandler, builtBase } from './lib/serve-site.ts';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist' },
    port: { type: 'string', default: '4321' },
    host: { type: 'string', default: '127.0.0.1' },
    base: { type: 'string' },
  },
});
const dir = resolve(values.dir);
const port = Number(values.port);
const rootPage = join(dir, 'index.html');
if (!existsSync(rootPage)) {
  process.stderr.write(`No built site in ${dir}: run \`npm run build\` first.\n`);
  process.exit(1);
}
const base = normalizeBase(
  values.base ?? (process.env['BASE_PATH'] || builtBase(readFileSync(rootPage, 'utf8'))),
);
const server = createServer(createSiteHandler(dir, base));
server.on('error', (error) => {
  process.stderr.write(`Cannot serve ${dir} on ${values.host}:${port}: ${error.message}\n`);
  process.exitCode = 1;
});
server.listen(port, values.host, () => {
  // The port actually bound (`--port 0` picks a free one).
  const bound = (server.address() as AddressInfo).port;
  process.stdout.write(
    `Serving ${dir} at http://${values.host}:${bound}${base} (Ctrl+C to stop)\n`,
  );
});
