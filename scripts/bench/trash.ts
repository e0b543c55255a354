/**
 * Clearing the folders of a timed run (outputs, caches, a peer's images) without the file
 * system's cost of deleting them landing in the next timed run.
 *
 * Why: on ext4 without a journal (the disks of this project's build machines), creating a file
 * checks every inode freed in the last minutes before it takes one (`recently_deleted`). A build
 * right after `rm -rf` of the last run's 3,000-odd files paid for that check in system time:
 * 2.2-3.0 s of it after the old folders were renamed away, 2.4, 3.4 and then 4.1 s in three
 * builds in a row that each deleted them first (the 200-study sample; docs/benchmark.md). A
 * fresh clone, what a cold build stands for, has deleted nothing. So each folder is renamed into
 * a trash folder (one rename, no inode freed) and the trash is deleted after the last timed run;
 * until then it holds every set-aside copy (the cold builds': one sample per run).
 */
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

export class Trash {
  private readonly dir: string;
  private count = 0;

  /** `dir`: where set-aside folders wait; it must be on the file system of what goes there. */
  constructor(dir: string) {
    this.dir = dir;
  }

  /** Moves each existing path into the trash; one on another file system is deleted instead. */
  async setAside(paths: readonly string[]): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    for (const path of paths) {
      try {
        await rename(path, join(this.dir, String(this.count++)));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') continue;
        if (code !== 'EXDEV') throw error;
        await rm(path, { recursive: true, force: true });
      }
    }
  }

  /** Deletes everything set aside (and what an interrupted earlier run left there). */
  async empty(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
