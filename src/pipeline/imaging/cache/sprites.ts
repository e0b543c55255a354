/**
 * The rendered images of the imaging cache: `<cacheDir>/sprites/<series key>-<preset|cover>.webp`
 * (and `-<preset>-detail.webp`), written by the render workers, copied into the output by
 * publish.ts, pruned here when no series of a complete build uses them.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tempFileOwner } from '../../outputs/write-file-atomic.ts';

/** The folder of the rendered images in `cacheDir`. */
export function spritesCacheDir(cacheDir: string): string {
  return join(cacheDir, 'sprites');
}

/**
 * Deletes the sprites of series not in `keep`, and temporary files left by a killed build
 * (their writer's process is gone; a running build's own are still being renamed into place).
 */
export function pruneSprites(dir: string, keep: ReadonlySet<string>): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const key = name.slice(0, name.indexOf('-'));
    const stale = name.endsWith('.tmp')
      ? !isAliveOtherProcess(tempFileOwner(name))
      : !keep.has(key);
    if (stale) rmSync(join(dir, name), { force: true });
  }
}

function isAliveOtherProcess(pid: number): boolean {
  if (pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
