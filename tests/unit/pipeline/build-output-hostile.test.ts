/**
 * The output side of a build under stress (issue 23): stale staging folders of dead builds are
 * removed (and a previous output put back when a build died mid-swap), a folder moves across
 * file systems, the Astro stage is one build at a time per checkout and says so, telemetry is
 * off, and Ctrl-C says what happened and exits 130.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock } from '../../../scripts/lib/build-lock.ts';
import { onInterrupt } from '../../../scripts/lib/interrupt-exit.ts';
import { uninterruptible } from '../../../scripts/lib/interrupt.ts';
import { disableAstroTelemetry } from '../../../scripts/lib/site-output.ts';
import { cleanStaleStaging, moveDir } from '../../../scripts/lib/staging.ts';

/** The pid of a process that has exited (so it is certainly not running). */
async function deadPid(): Promise<number> {
  const child = spawn('true');
  await new Promise((done) => child.on('exit', done));
  return child.pid!;
}

async function site(dir: string, text: string) {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'index.html'), text);
}

describe('staging folders', () => {
  it('removes the staging folders of dead builds only', async () => {
    const root = await mkdtemp(join(tmpdir(), 'staging-'));
    const out = join(root, 'dist');
    const dead = await deadPid();
    await site(out, 'current');
    await site(`${out}.tmp-${dead}`, 'half');
    await site(`${out}.old-${dead}`, 'older');
    await site(`${out}.tmp-${process.pid}`, 'mine');
    await site(join(root, 'dist-other.tmp-1'), 'not ours');
    const lines = await cleanStaleStaging(out, null);
    expect((await readdir(root)).sort()).toEqual([
      'dist',
      'dist-other.tmp-1',
      `dist.tmp-${process.pid}`,
    ]);
    expect(lines).toHaveLength(2);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('current');
  });

  it('puts the previous output back when a build died between the two renames', async () => {
    const root = await mkdtemp(join(tmpdir(), 'staging-'));
    const out = join(root, 'dist');
    const dead = await deadPid();
    await site(`${out}.old-${dead}`, 'previous');
    await site(`${out}.tmp-${dead}`, 'new but unfinished');
    const lines = await cleanStaleStaging(out, null);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('previous');
    expect(await readdir(root)).toEqual(['dist']);
    expect(lines[0]).toContain('Restored');
  });

  it('moves a folder to another file system (EXDEV: copy, then remove the source)', async () => {
    if (!existsSync('/dev/shm')) return;
    const from = await mkdtemp(join(tmpdir(), 'move-'));
    await site(join(from, 'site'), 'moved');
    const to = join(await mkdtemp('/dev/shm/move-'), 'site');
    await moveDir(join(from, 'site'), to);
    expect(await readFile(join(to, 'index.html'), 'utf8')).toBe('moved');
    expect(existsSync(join(from, 'site'))).toBe(false);
  });
});

describe('one Astro stage at a time per checkout', () => {
  it('waits for a live holder and says so; takes over the lock of a dead one', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'lock-')), 'astro.lock');
    const release = await acquireLock(path);
    const said: string[] = [];
    let second = false;
    const waiting = acquireLock(path, (line) => said.push(line)).then((r) => {
      second = true;
      return r;
    });
    await new Promise((done) => setTimeout(done, 200));
    expect(second).toBe(false);
    expect(said[0]).toContain(`Waiting for build ${process.pid}`);
    await release();
    await (
      await waiting
    )();
    await writeFile(path, String(await deadPid()));
    await (
      await acquireLock(path)
    )();
    expect(existsSync(path)).toBe(false);
  });
});

describe('Astro telemetry', () => {
  it('is turned off for every build', () => {
    const env: NodeJS.ProcessEnv = {};
    disableAstroTelemetry(env);
    expect(env['ASTRO_TELEMETRY_DISABLED']).toBe('1');
  });
});

describe('Ctrl-C', () => {
  it('waits for the swap, removes the staging folder, says what happened and exits 130', async () => {
    const root = await mkdtemp(join(tmpdir(), 'interrupt-'));
    const out = join(root, 'dist');
    await site(`${out}.tmp-${process.pid}`, 'staged');
    const written: string[] = [];
    const exits: number[] = [];
    const stop = onInterrupt({
      root,
      out,
      stage: () => 'astro',
      write: (t) => written.push(t),
      exit: (code) => exits.push(code),
    });
    try {
      await uninterruptible(async () => {
        process.emit('SIGINT', 'SIGINT');
        expect(exits).toEqual([]); // not during the swap
      });
      expect(exits).toEqual([130]);
      expect(written.join('')).toContain('Interrupted (SIGINT) during the astro stage');
      expect(written.join('')).toContain(`${out} was left as it was`);
      expect(existsSync(`${out}.tmp-${process.pid}`)).toBe(false);
    } finally {
      stop();
    }
  });
});
