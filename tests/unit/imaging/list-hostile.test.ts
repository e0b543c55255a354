/**
 * Listing a hostile `studies/` tree (issue 23): every entry that cannot be listed is a finding
 * with a dataset-relative path and the listing goes on; no symbolic link is followed out of the
 * dataset.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { errorText } from '../../../src/pipeline/imaging/error-text.ts';
import { listStudyFiles, nodeWalkFs } from '../../../src/pipeline/imaging/list/walk.ts';

const root = mkdtempSync(join(tmpdir(), 'list-hostile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function dataset(name: string): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'studies/s1/a'), { recursive: true });
  writeFileSync(join(dir, 'studies/s1/a/1.dcm'), 'x');
  return dir;
}

const details = (l: Awaited<ReturnType<typeof listStudyFiles>>) =>
  l.findings.map((f) => [f.code, f.file, f.message.en]);

describe('listStudyFiles on a hostile tree', () => {
  it('turns bad names, dangling links, loops and FIFOs into findings and lists the rest', async () => {
    const dir = dataset('bad-entries');
    const series = join(dir, 'studies/s1/a');
    writeFileSync(
      Buffer.concat([Buffer.from(`${series}/`), Buffer.from([0xff, 0xfe]), Buffer.from('.dcm')]),
      'x',
    );
    mkdirSync(Buffer.concat([Buffer.from(`${dir}/studies/`), Buffer.from([0xc3, 0x28])]));
    symlinkSync(join(series, 'missing.dcm'), join(series, 'dangling.dcm'));
    symlinkSync(join(series, 'loop-b.dcm'), join(series, 'loop-a.dcm'));
    symlinkSync(join(series, 'loop-a.dcm'), join(series, 'loop-b.dcm'));
    symlinkSync(join(series, '1.dcm'), join(series, 'inside-link.dcm'));
    execFileSync('mkfifo', [join(series, 'fifo.dcm')]);
    const listing = await listStudyFiles(dir);
    expect(listing.files.map((f) => f.rel)).toEqual([
      'studies/s1/a/1.dcm',
      'studies/s1/a/inside-link.dcm',
    ]);
    expect(listing.studyFolders).toEqual(['s1']);
    const found = details(listing);
    expect(found.map(([code, file]) => [code, file])).toEqual(
      expect.arrayContaining([
        ['dicom-listing-error', 'studies/s1/a/\ufffd\ufffd.dcm'],
        ['dicom-listing-error', 'studies/\ufffd('],
        ['dicom-listing-error', 'studies/s1/a/dangling.dcm'],
        ['dicom-listing-error', 'studies/s1/a/loop-a.dcm'],
        ['dicom-listing-error', 'studies/s1/a/loop-b.dcm'],
        ['dicom-listing-error', 'studies/s1/a/fifo.dcm'],
      ]),
    );
    expect(found).toHaveLength(6);
    expect(JSON.stringify(found)).toContain('not valid UTF-8');
    expect(JSON.stringify(found)).toContain('dangling symbolic link');
    expect(JSON.stringify(found)).toContain('symbolic link loop');
  });

  it('never follows a symbolic link out of the dataset, and says so', async () => {
    const dir = dataset('outside-links');
    const outside = join(root, 'outside');
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(outside, 'secret.dcm'), 'secret');
    const series = join(dir, 'studies/s1/a');
    symlinkSync('/etc/passwd', join(series, 'passwd.dcm'));
    symlinkSync(join(outside, 'secret.dcm'), join(series, 'secret.dcm'));
    symlinkSync(outside, join(dir, 'studies/s1/b'));
    symlinkSync('../../../../outside/secret.dcm', join(series, 'relative.dcm'));
    const listing = await listStudyFiles(dir);
    expect(listing.files.map((f) => f.rel)).toEqual(['studies/s1/a/1.dcm']);
    const outsideFindings = listing.findings.filter((f) => f.code === 'dicom-symlink-outside');
    expect(outsideFindings.map((f) => f.file).sort()).toEqual([
      'studies/s1/a/passwd.dcm',
      'studies/s1/a/relative.dcm',
      'studies/s1/a/secret.dcm',
      'studies/s1/b',
    ]);
    expect(outsideFindings[0]!.message.en).toContain('not followed');
  });

  it('reports an unreadable folder (as a non-root user sees it) and lists the other folders', async () => {
    const dir = dataset('unreadable');
    mkdirSync(join(dir, 'studies/s2/a'), { recursive: true });
    writeFileSync(join(dir, 'studies/s2/a/1.dcm'), 'x');
    const locked = join(dir, 'studies/s1/a');
    const fs = {
      ...nodeWalkFs,
      readdir: async (path: string) => {
        if (path === locked) {
          throw Object.assign(new Error(`EACCES: permission denied, scandir '${locked}'`), {
            code: 'EACCES',
          });
        }
        return nodeWalkFs.readdir(path);
      },
    };
    const listing = await listStudyFiles(dir, () => {}, fs);
    expect(listing.files.map((f) => f.rel)).toEqual(['studies/s2/a/1.dcm']);
    expect(details(listing)).toEqual([
      [
        'dicom-listing-error',
        'studies/s1/a',
        'folder not readable: EACCES: permission denied; the rest of the dataset was listed',
      ],
    ]);
    // Nothing names where the dataset sits on the build machine.
    expect(JSON.stringify(listing.findings)).not.toContain(root);
  });

  it('keeps absolute paths out of error details', () => {
    expect(errorText(new Error("EACCES: permission denied, open '/srv/data/studies/a.dcm'"))).toBe(
      'EACCES: permission denied',
    );
    expect(errorText(new Error('cannot read /srv/data/x.dcm: bad'))).toBe('cannot read <path> bad');
  });
});
