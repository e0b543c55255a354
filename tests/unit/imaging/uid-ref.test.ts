/**
 * References to UIDs read from inside DICOM files (src/pipeline/imaging/plan/uid-ref.ts): the same
 * for the same UID and input, different when the unpublished key material differs.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { uidRef, uidRefKey } from '../../../src/pipeline/imaging/plan/uid-ref.ts';

const root = mkdtempSync(join(tmpdir(), 'uid-ref-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function dataset(name: string, pixels: string): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'studies/a/b'), { recursive: true });
  writeFileSync(join(dir, 'studies/a/b/1.dcm'), `header-${pixels}`);
  return dir;
}

describe('uidRef', () => {
  const uid = '1.3.6.1.4.1.5962.1.2.1.20040119072730.12322';

  it('reveals nothing of the UID and is stable for the same key', async () => {
    const key = await uidRefKey(dataset('one', 'p1'), ['studies/a/b/1.dcm']);
    const ref = uidRef(uid, key);
    expect(ref).toMatch(/^ref-[0-9a-f]{12}$/);
    expect(ref).not.toContain('20040119');
    const again = await uidRefKey(dataset('one-again', 'p1'), ['studies/a/b/1.dcm']);
    expect(uidRef(uid, again)).toBe(ref);
    expect(uidRef(`${uid}.1`, key)).not.toBe(ref);
  });

  it('depends on the file contents, which the site does not publish', async () => {
    const a = await uidRefKey(dataset('a', 'pixels A'), ['studies/a/b/1.dcm']);
    const b = await uidRefKey(dataset('b', 'pixels B'), ['studies/a/b/1.dcm']);
    expect(uidRef(uid, a)).not.toBe(uidRef(uid, b));
  });
});
