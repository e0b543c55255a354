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
import { normalizeBase } from '../src/site/base.ts';
import { integerOption, parseOptions, runCommand } from './lib/cli.ts';
import { createSiteHandler, builtBase } from './lib/serve-site.ts';

const USAGE = `Usage: npm run preview -- [options]

  --dir <dir>     the built site (default: dist)
  --port <n>      port to listen on; 0 picks a free one (default: 4321)
  --host <host>   address to listen on (default: 127.0.0.1)
  --base <path>   the base path to serve the site under (default: $BASE_PATH, else the one
                  the site was built with)
  -h, --help      show this help`;

function parse(argv: string[]) {
  const values = parseOptions(argv, {
    dir: { type: 'string', default: 'dist' },
    port: { type: 'string', default: '4321' },
    host: { type: 'string', default: '127.0.0.1' },
    base: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  return { ...values, port: integerOption('port', values.port, 0)! };
}

async function main(args: ReturnType<typeof parse>): Promise<number> {
  const dir = resolve(args.dir);
  const rootPage = join(dir, 'index.html');
  if (!existsSync(rootPage)) {
    process.stderr.write(`No built site in ${dir}: run \`npm run build\` first.\n`);
    return 1;
  }
  const base = normalizeBase(
    args.base ?? (process.env['BASE_PATH'] || builtBase(readFileSync(rootPage, 'utf8'))),
  );
  const server = createServer(createSiteHandler(dir, base));
  server.on('error', (error) => {
    process.stderr.write(`Cannot serve ${dir} on ${args.host}:${args.port}: ${error.message}\n`);
    process.exitCode = 1;
  });
  server.listen(args.port, args.host, () => {
    // The port actually bound (`--port 0` picks a free one).
    const bound = (server.address() as AddressInfo).port;
    process.stdout.write(
      `Serving ${dir} at http://${args.host}:${bound}${base} (Ctrl+C to stop)\n`,
    );
  });
  return 0;
}

process.exitCode = await runCommand({
  name: 'preview',
  usage: USAGE,
  parse: () => parse(process.argv.slice(2)),
  main,
});
