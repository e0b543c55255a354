/**
 * --checksums: SHA256SUMS that GNU `sha256sum -c` accepts in the dataset folder, study digests
 * that anyone can recompute from it, a rebuild that re-hashes only the file that changed, and
 * a vanished file reported by name rather than hashed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanImaging, type ImagingResult } from '../../../src/pipeline/imaging/index.ts';
import { hashFile } from '../../../src/pipeline/imaging/checksums/hash-file.ts';
import { writeCtSeries } from '../../fixtures/dicom/ct-files.ts';

const root = mkdtempSync(join(tmpdir(), 'imaging-checksums-'));
const dataset = join(root, 'dataset');
const options = {
  datasetDir: dataset,
  thumbsDir: join(root, 'thumbs'),
  cacheDir: join(root, 'cache'),
  concurrency: 2,
  checksums: true,
};
afterAll(() => rmSync(root, { recursive: true, force: true }));

const A = '1.2.826.0.9.1';
const B = '1.2.826.0.9.2';
let first: ImagingResult;
/** Names GNU sha256sum writes escaped, on a line that starts with a backslash. */
const ODD_NAMES = ['back\\slash.txt', 'new\nline.txt', 'carriage\rreturn.txt'];

beforeAll(async () => {
  writeCtSeries(join(dataset, 'studies', A, `${A}.1`), {
    studyUid: A,
    seriesUid: `${A}.1`,
    count: 4,
  });
  writeCtSeries(join(dataset, 'studies', B, `${B}.1`), {
    studyUid: B,
    seriesUid: `${B}.1`,
    count: 3,
  });
  writeFileSync(join(dataset, 'studies', B, 'notes with space.txt'), 'not an image');
  for (const name of ODD_NAMES) writeFileSync(join(dataset, 'studies', B, name), name);
  first = await scanImaging(options);
});

describe('--checksums', () => {
  it('writes SHA256SUMS that sha256sum -c accepts in the dataset folder', () => {
    const sums = first.checksums!.sums;
    expect(sums.split('\n').filter(Boolean)).toHaveLength(11);
    writeFileSync(join(root, 'SHA256SUMS'), sums);
    const out = execFileSync('sha256sum', ['-c', '--strict', join(root, 'SHA256SUMS')], {
      cwd: dataset,
      encoding: 'utf8',
    });
    expect(out.trim().split('\n')).toHaveLength(11);
    expect(out).not.toMatch(/FAILED/);
    expect(first.checksums!.failed).toBe(0);
  });

  it('escapes names with a backslash, newline or carriage return as GNU sha256sum does', () => {
    const paths = ODD_NAMES.map((name) => `studies/${B}/${name}`);
    const gnu = execFileSync('sha256sum', ['--', ...paths], { cwd: dataset, encoding: 'utf8' });
    const ours = first.checksums!.sums.split('\n').filter((l) => l.startsWith('\\'));
    expect(ours).toHaveLength(ODD_NAMES.length);
    expect(ours.sort()).toEqual(gnu.split('\n').filter(Boolean).sort());
    // And a damaged odd file fails the check by its name (in a copy: the cache must see no change).
    const copy = join(root, 'damaged-copy');
    cpSync(join(dataset, 'studies'), join(copy, 'studies'), { recursive: true });
    writeFileSync(join(copy, 'studies', B, ODD_NAMES[1]!), 'damaged');
    writeFileSync(join(root, 'SHA256SUMS'), first.checksums!.sums);
    const check = spawnSync('sha256sum', ['-c', '--quiet', join(root, 'SHA256SUMS')], {
      cwd: copy,
      encoding: 'utf8',
    });
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(`\\studies/${B}/new\\nline.txt: FAILED`);
  });

  it('gives each study folder the digest of its lines of SHA256SUMS', () => {
    const lines = first
      .checksums!.sums.split('\n')
      .filter((l) => l.includes(`  studies/${A}/`))
      .map((l) => `${l}\n`)
      .join('');
    expect(first.checksums!.byFolder[A]).toBe(createHash('sha256').update(lines).digest('hex'));
  });

  it('re-hashes only the file that changed', async () => {
    const again = await scanImaging(options);
    expect(again.checksums!.hashedNow).toBe(0);
    expect(again.checksums!.sums).toBe(first.checksums!.sums);
    const touched = join(dataset, 'studies', B, 'notes with space.txt');
    writeFileSync(touched, 'changed text');
    utimesSync(touched, new Date(), new Date(Date.now() + 5000));
    const third = await scanImaging(options);
    expect(third.checksums!.hashedNow).toBe(1);
    expect(third.checksums!.sums).not.toBe(first.checksums!.sums);
    writeFileSync(join(root, 'SHA256SUMS'), third.checksums!.sums);
    execFileSync('sha256sum', ['-c', '--quiet', join(root, 'SHA256SUMS')], { cwd: dataset });
  });

  it('reports a file that vanished or changed since the scan', () => {
    const path = join(root, 'gone.bin');
    expect(hashFile({ path, size: 3, mtimeMs: 0 })).toMatchObject({ problem: 'vanished' });
    writeFileSync(path, 'abc');
    expect(hashFile({ path, size: 4, mtimeMs: 0 })).toMatchObject({ problem: 'changed' });
  });
});
