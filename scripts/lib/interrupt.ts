/**
 * Ctrl-C at a safe moment: the swap of `--out` (two renames) must not be cut in half, so a
 * signal that arrives during it is acted on right after it.
 */
let depth = 0;
let pending: (() => void) | null = null;

/** Runs `work`; an interrupt that arrives meanwhile waits until it has finished. */
export async function uninterruptible<T>(work: () => Promise<T>): Promise<T> {
  depth += 1;
  try {
    return await work();
  } finally {
    depth -= 1;
    if (depth === 0 && pending) {
      const act = pending;
      pending = null;
      act();
    }
  }
}

/** Calls `act` now, or as soon as no uninterruptible work is running. */
export function whenInterruptible(act: () => void): void {
  if (depth === 0) act();
  else pending = act;
}
