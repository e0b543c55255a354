/**
 * A slice file's bytes, read into one buffer per worker thread that grows to the largest slice.
 * A render reads every chosen slice whole; a fresh buffer each (hundreds of megabytes a build)
 * kept V8 starting full collections every few series for the memory outside its heap. The
 * bytes are valid until the next read: nothing a render keeps may point into them (render.ts
 * copies the one frame it keeps, the cover's).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

let scratch = Buffer.allocUnsafe(0);

export function readSliceBytes(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (scratch.length < size) scratch = Buffer.allocUnsafe(Math.max(size, scratch.length * 2));
    let done = 0;
    while (done < size) {
      const n = readSync(fd, scratch, done, size - done, done);
      if (n === 0) break;
      done += n;
    }
    return new Uint8Array(scratch.buffer, scratch.byteOffset, done);
  } finally {
    closeSync(fd);
  }
}

/** A frame that owns its samples (a copy of them), to keep past the next read. */
export function ownedFrame<F extends { samples: ArrayLike<number> }>(frame: F): F {
  const { samples } = frame;
  const copy = ArrayBuffer.isView(samples)
    ? (samples as unknown as { slice(): ArrayLike<number> }).slice()
    : Array.from(samples);
  return { ...frame, samples: copy };
}
