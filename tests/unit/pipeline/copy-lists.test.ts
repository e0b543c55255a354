import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyIndexSchema, copyStudyListSchema } from '../../../src/domain/copy-lists.ts';
import { copyLists, writeCopyLists } from '../../../src/pipeline/outputs/copy-lists.ts';

const H = (c: string) => c.repeat(64);
const files = [
  { rel: 'studies/2.2/s/1.dcm', size: 5 },
  { rel: 'studies/1.1/s/1.dcm', size: 3 },
  { rel: 'studies/1.1/s/2.dcm', size: 4 },
  { rel: 'studies/loose.txt', size: 1 },
];
const studies = [{ path: 'studies/1.1', slug: '1-1', handle: '7' }];

describe('the expected lists of the Your copy page', () => {
  it('groups files by study folder, with sizes and hashes, and names lists by position', () => {
    const sums = new Map(files.map((f, i) => [f.rel, H('abcd'[i]!)]));
    const { index, lists } = copyLists(files, sums, studies);
    expect(copyIndexSchema.parse(index)).toEqual({
      checksums: true,
      studies: [
        { folder: '1.1', slug: '1-1', handle: '7', files: 2, bytes: 7, list: '0.json' },
        { folder: '2.2', slug: null, handle: null, files: 1, bytes: 5, list: '1.json' },
      ],
      loose: [['studies/loose.txt', 1, H('d')]],
    });
    expect(copyStudyListSchema.parse(lists.get('0.json'))).toEqual({
      folder: '1.1',
      files: [
        ['studies/1.1/s/1.dcm', 3, H('b')],
        ['studies/1.1/s/2.dcm', 4, H('c')],
      ],
    });
  });

  it('holds sizes only without checksums', () => {
    const { index, lists } = copyLists(files, null, studies);
    expect(index.checksums).toBe(false);
    expect(lists.get('1.json')!.files).toEqual([['studies/2.2/s/1.dcm', 5, null]]);
  });

  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes the index and the lists, and removes the lists of folders that are gone', async () => {
    dir = await mkdtemp(join(tmpdir(), 'copy-lists-'));
    await mkdir(join(dir, 'copy'));
    await writeFile(join(dir, 'copy/5.json'), '{}');
    const changed = await writeCopyLists(dir, copyLists(files, null, studies));
    expect((await readdir(join(dir, 'copy'))).sort()).toEqual(['0.json', '1.json', 'index.json']);
    expect(changed).toContain('copy/5.json');
    expect(JSON.parse(await readFile(join(dir, 'copy/index.json'), 'utf8')).studies).toHaveLength(
      2,
    );
    expect(await writeCopyLists(dir, copyLists(files, null, studies))).toEqual([]);
  });
});
