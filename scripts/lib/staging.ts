/**
 * The folders a build keeps next to `--out` and in `.cache/` while it works, and what is left
 * when a build dies: `<out>.tmp-<pid>` (the site being assembled), `<out>.old-<pid>` (the
 * previous output during the swap) and `.cache/astro-work/<pid>` (Astro's own output). A later
 * build removes those of builds that are no longer running, and puts a previous output back
 * when a build died between the two renames of the swap. Only folders whose pid is dead are
 * touched: a build running at the same time keeps its own.
 */
import { cp, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Where this process assembles the site before the swap. */
export function stagingDir(out: string, pid = process.pid): string {
  return `${out}.tmp-${pid}`;
}

/** Where the previous output waits during the swap. */
export function previousDir(out: string, pid = process.pid): string {
  return `${out}.old-${pid}`;
}

/** Astro's work folder for this build (see site-output.ts astroBuild). */
export function astroWorkDir(root: string, pid = process.pid): string {
  return join(root, '.cache/astro-work', String(pid));
}

/** Whether a process with this pid is running (EPERM: it runs, as another user). */
export function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/**
 * Cleans up after builds that died (see the module doc). Returns what it did, one line each,
 * for the build's log.
 */
export async function cleanStaleStaging(out: string, root: string | null): Promise<string[]> {
  const done: string[] = [];
  const name = basename(out);
  const parent = dirname(out);
  const pattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(tmp|old)-(\\d+)$`);
  const entries = await readdir(parent).catch(() => [] as string[]);
  // A previous output first: it is the site, if `out` went missing with its build.
  const stale = entries
    .map((entry) => ({ entry, match: pattern.exec(entry) }))
    .filter(({ match }) => match !== null && !isAlive(Number(match[2])))
    .sort((a, b) => (a.match![1] === 'old' ? -1 : 0) - (b.match![1] === 'old' ? -1 : 0));
  for (const { entry, match } of stale) {
    const path = join(parent, entry);
    if (match![1] === 'old' && !(await exists(out))) {
      await rename(path, out);
      done.push(`Restored ${out} from ${entry} (a build died while replacing it)`);
    } else {
      await rm(path, { recursive: true, force: true });
      done.push(`Removed ${entry} (left by build ${match![2]}, which is no longer running)`);
    }
  }
  if (root !== null) {
    const work = join(root, '.cache/astro-work');
    for (const entry of await readdir(work).catch(() => [] as string[])) {
      if (/^\d+$/.test(entry) && !isAlive(Number(entry))) {
        await rm(join(work, entry), { recursive: true, force: true });
      }
    }
  }
  return done;
}

/**
 * Moves a folder: one rename on the same file system; across file systems (EXDEV: a mounted
 * disk, a Docker volume) a copy next to the target, then removal of the source.
 */
export async function moveDir(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await rm(to, { recursive: true, force: true });
    await cp(from, to, { recursive: true, verbatimSymlinks: true });
    await rm(from, { recursive: true, force: true });
  }
}
