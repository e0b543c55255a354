/**
 * The viewer's decoded slices: each file decoded once while it is among the last few shown
 * (going back and forth costs nothing), failures kept as their reason so that they are named,
 * not retried on every key press.
 */
import type { DecodedFrame } from '../../pipeline/imaging/pixels/frame.ts';
import { reason, type SliceEntry } from './load-series.ts';
import { decodeSlice, type SliceHeader } from './read-slice.ts';

export type Decoded = { header: SliceHeader; frame: DecodedFrame } | { error: string };

/** Decoded slices kept (a 512×512 slice is 0.5 MB). */
const KEEP = 24;

export class SliceCache {
  private readonly slices = new Map<string, Promise<Decoded>>();

  /** The slice `key` names, decoded from `entry` unless it is kept. */
  get(key: string, entry: SliceEntry): Promise<Decoded> {
    let found = this.slices.get(key);
    if (!found) {
      found = entry.error
        ? Promise.resolve({ error: entry.error })
        : decodeSlice(entry.file).catch((error: unknown) => ({ error: reason(error) }));
      this.slices.set(key, found);
      if (this.slices.size > KEEP) this.slices.delete(this.slices.keys().next().value!);
    }
    return found;
  }

  clear(): void {
    this.slices.clear();
  }
}
