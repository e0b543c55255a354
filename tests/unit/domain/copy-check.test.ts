import { describe, expect, it } from 'vitest';
import {
  copyReport,
  datasetPath,
  filesToHash,
  presentFolders,
  studiesPrefix,
  type CopyFile,
} from '../../../src/domain/copy-check.ts';
import type { CopyIndex, CopyStudyList } from '../../../src/domain/copy-lists.ts';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const lists: CopyStudyList[] = [
  {
    folder: '1.1',
    files: [
      ['studies/1.1/s/1.dcm', 10, A],
      ['studies/1.1/s/2.dcm', 10, B],
    ],
  },
  { folder: '1.2', files: [['studies/1.2/s/1.dcm', 20, A]] },
  { folder: '1.3', files: [['studies/1.3/s/1.dcm', 30, B]] },
];
const index: CopyIndex = {
  checksums: true,
  studies: lists.map((l, i) => ({
    folder: l.folder,
    slug: l.folder.replace('.', '-'),
    handle: String(i + 1),
    files: l.files.length,
    bytes: 0,
    list: `${i}.json`,
  })),
  loose: [],
};
const folders = new Set(lists.map((l) => l.folder));
const meta = { dataset: 'D', version: '1.0.0' };

describe('where the studies are among the picked paths', () => {
  it('accepts the dataset root, its studies/ folder, a folder of studies and one study folder', () => {
    expect(studiesPrefix(['copy/dataset_registry.xlsx', 'copy/studies/1.2/s/1.dcm'], folders)).toBe(
      'copy/studies/',
    );
    expect(studiesPrefix(['studies/1.1/s/1.dcm'], folders)).toBe('studies/');
    expect(studiesPrefix(['mine/1.3/s/1.dcm', 'mine/x/y.dcm'], folders)).toBe('mine/');
    expect(studiesPrefix(['1.1/s/1.dcm'], folders)).toBe('');
    expect(studiesPrefix(['copy/README.md', 'copy/1.1'], folders)).toBeNull();
  });

  it('maps picked paths to dataset paths, leaving files outside studies/ out', () => {
    expect(datasetPath('copy/studies/1.1/s/1.dcm', 'copy/studies/')).toBe('studies/1.1/s/1.dcm');
    expect(datasetPath('copy/README_EN.md', 'copy/studies/')).toBeNull();
    expect(datasetPath('1.1/s/1.dcm', '')).toBe('studies/1.1/s/1.dcm');
  });
});

describe('the report', () => {
  const copyOf = (entries: [string, number, string | null][]) =>
    new Map<string, CopyFile>(entries.map(([p, size, sha256]) => [p, { size, sha256 }]));

  it('names the missing, corrupt (size or hash) and extra files, and each study by state', () => {
    const copy = copyOf([
      ['studies/1.1/s/1.dcm', 10, A],
      ['studies/1.2/s/1.dcm', 20, B], // hash differs
      ['studies/1.2/s/notes.txt', 3, null],
      ['studies/9.9/x.dcm', 1, null], // a folder the dataset does not have
    ]);
    const present = presentFolders(index, copy.keys());
    expect(present).toEqual(['1.1', '1.2']);
    const used = lists.filter((l) => present.includes(l.folder));
    expect(filesToHash(used, copy)).toEqual(['studies/1.1/s/1.dcm', 'studies/1.2/s/1.dcm']);
    expect(copyReport(meta, index, used, copy)).toEqual({
      dataset: 'D',
      version: '1.0.0',
      checkedFiles: 2,
      missing: ['studies/1.1/s/2.dcm'],
      corrupt: ['studies/1.2/s/1.dcm'],
      extra: ['studies/1.2/s/notes.txt', 'studies/9.9/x.dcm'],
      studies: { complete: [], incomplete: ['1.1', '1.2'], absent: ['1.3'] },
    });
  });

  it('finds a different size without hashing, and without checksums checks sizes only', () => {
    const sizesOnly = lists.map((l) => ({
      ...l,
      files: l.files.map(([p, size]): [string, number, null] => [p, size, null]),
    }));
    const copy = copyOf([
      ['studies/1.1/s/1.dcm', 10, null],
      ['studies/1.1/s/2.dcm', 11, null],
      ['studies/1.3/s/1.dcm', 30, null],
    ]);
    expect(filesToHash(sizesOnly, copy)).toEqual([]);
    const report = copyReport(
      meta,
      { ...index, checksums: false },
      [sizesOnly[0]!, sizesOnly[2]!],
      copy,
    );
    expect(report.corrupt).toEqual(['studies/1.1/s/2.dcm']);
    expect(report.studies).toEqual({ complete: ['1.3'], incomplete: ['1.1'], absent: ['1.2'] });
  });

  it('counts a file that could not be hashed as corrupt, never as intact', () => {
    const copy = copyOf([['studies/1.2/s/1.dcm', 20, null]]);
    expect(copyReport(meta, index, [lists[1]!], copy).corrupt).toEqual(['studies/1.2/s/1.dcm']);
  });
});
