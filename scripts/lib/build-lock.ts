/**
 * One Astro stage at a time per checkout: Astro writes its generated types and content store
 * into the project's own `.astro/` folder, which two builds on one checkout would share. The
 * lock is a file holding the pid of its owner; a lock whose owner is dead is taken over. A
 * build that has to wait says so, naming the build it waits for.
 */
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isAlive } from './staging.ts';

const POLL_MS = 500;

/** Takes the lock at `path` (waiting while a live build holds it); returns its release. */
export async function acquireLock(
  path: string,
  onWait: (line: string) => void = () => {},
): Promise<() => Promise<void>> {
  await mkdir(dirname(path), { recursive: true });
  let told = false;
  let unwritten = 0;
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
    const written = Number.isInteger(owner) && owner > 0;
    // A lock without a pid for long belongs to a build that died while taking it.
    unwritten = written ? 0 : unwritten + 1;
    if ((written && !isAlive(owner)) || unwritten > 40) {
      await rm(path, { force: true });
      unwritten = 0;
      continue;
    }
    if (!written) {
      await new Promise((done) => setTimeout(done, 50));
      continue;
    }
    if (!told) {
      onWait(
        `Waiting for build ${owner} (another build on this checkout) to finish its Astro stage`,
      );
      told = true;
    }
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
}
