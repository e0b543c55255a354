/**
 * Starts Debian's nginx on loopback with the documented configuration (deploy/nginx/), the way
 * docs/deploy.md tells a publisher to install it: the two installation-specific strings
 * replaced (the base path and the folder of dist/), included in a `server { }`. Everything nginx
 * writes goes to a temporary prefix (`-p`, `-e`, temp paths), it runs in the foreground
 * (`daemon off`) without a master process (so it runs as the invoking user, root or not), and
 * `stop()` kills it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findCommand } from '../../scripts/lib/system-tools.ts';

export const DEPLOY_DIR = resolve(import.meta.dirname, '../../deploy/nginx');
/** The placeholders of deploy/nginx/hemorrhage.conf (docs/deploy.md). */
export const DOCUMENTED_BASE = '/datasets/hemorrhage/';
export const DOCUMENTED_ROOT = '/srv/hemorrhage/';

export interface NginxSite {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  stop(): Promise<void>;
}

/** A free loopback port (nginx cannot listen on port 0 and report it). */
async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

async function waitForPort(origin: string, child: ChildProcess, log: () => Promise<string>) {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${await log()}`);
    const up = await fetch(origin).then(
      () => true,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx did not answer on ${origin}: ${await log()}`);
}

/** Serves `siteDir` (built with `base`) through nginx and the deploy configuration. */
export async function startNginx(siteDir: string, base: string): Promise<NginxSite> {
  const nginx = findCommand('nginx');
  if (!nginx) throw new Error('nginx not found: apt-get install nginx');
  const prefix = await mkdtemp(join(tmpdir(), 'nginx-deploy-'));
  const site = (await readFile(join(DEPLOY_DIR, 'hemorrhage.conf'), 'utf8'))
    .replaceAll(DOCUMENTED_BASE.slice(0, -1), base.replace(/\/$/, ''))
    .replaceAll(DOCUMENTED_ROOT, `${resolve(siteDir)}/`);
  await writeFile(join(prefix, 'hemorrhage.conf'), site);
  await writeFile(
    join(prefix, 'hemorrhage-headers.conf'),
    await readFile(join(DEPLOY_DIR, 'hemorrhage-headers.conf')),
  );
  const errorLog = join(prefix, 'error.log');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `  ${kind}_temp_path ${join(prefix, kind)};`)
    .join('\n');
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    await writeFile(
      join(prefix, 'nginx.conf'),
      `daemon off;
master_process off;
pid ${join(prefix, 'nginx.pid')};
error_log ${errorLog} warn;
events { worker_connections 64; }
http {
  access_log off;
${temp}
  server {
    listen 127.0.0.1:${port};
    server_name localhost;
    include hemorrhage.conf;
  }
}
`,
    );
    const child = spawn(nginx, ['-p', prefix, '-e', errorLog, '-c', join(prefix, 'nginx.conf')], {
      stdio: 'ignore',
    });
    const origin = `http://127.0.0.1:${port}`;
    const log = () => readFile(errorLog, 'utf8').catch(() => '');
    try {
      await waitForPort(origin, child, log);
    } catch (error) {
      child.kill('SIGKILL');
      // Another process took the port between the probe and nginx: try another.
      if (attempt < 3 && (await log()).includes('Address already in use')) continue;
      await rm(prefix, { recursive: true, force: true });
      throw error;
    }
    return {
      origin,
      stop: async () => {
        if (child.exitCode === null) {
          const exited = new Promise((r) => child.once('exit', r));
          child.kill('SIGTERM');
          await exited;
        }
        await rm(prefix, { recursive: true, force: true });
      },
    };
  }
}
