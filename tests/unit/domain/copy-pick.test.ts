/**
 * A dropped folder is read to its end: Chromium's readEntries gives at most 100 entries a call,
 * so fromDrop must call it until it returns none (fake entries, 250 files in batches of 100).
 */
import { describe, expect, it } from 'vitest';
import { fromDrop } from '../../../src/scripts/your-copy/pick.ts';

interface FakeEntry {
  isFile: boolean;
  isDirectory: boolean;
  fullPath: string;
  file?: (ok: (f: File) => void) => void;
  createReader?: () => { readEntries: (ok: (e: FakeEntry[]) => void) => void };
}

function fileEntry(path: string): FakeEntry {
  return {
    isFile: true,
    isDirectory: false,
    fullPath: path,
    file: (ok) => ok(new File(['x'], path.split('/').at(-1)!)),
  };
}

function dirEntry(path: string, children: FakeEntry[]): FakeEntry {
  return {
    isFile: false,
    isDirectory: true,
    fullPath: path,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (ok) => {
          const batch = children.slice(at, at + 100);
          at += batch.length;
          ok(batch);
        },
      };
    },
  };
}

describe('a dropped folder', () => {
  it('is read until readEntries returns nothing, every file with its path', async () => {
    const files = Array.from({ length: 250 }, (_, i) => fileEntry(`/copy/studies/1.2/s/${i}.dcm`));
    const root = dirEntry('/copy', [
      dirEntry('/copy/studies', [
        dirEntry('/copy/studies/1.2', [dirEntry('/copy/studies/1.2/s', files)]),
      ]),
      fileEntry('/copy/README_EN.md'),
    ]);
    const items = [{ webkitGetAsEntry: () => root }] as unknown as DataTransferItemList;
    const picked = await fromDrop(items);
    expect(picked).toHaveLength(251);
    expect(picked[0]!.path).toBe('copy/studies/1.2/s/0.dcm');
    expect(picked.at(-1)!.path).toBe('copy/README_EN.md');
  });
});
