/**
 * Two releases compared from what they published: studies by id, registry cells by column
 * (never the row-based handle), files by SHA256SUMS only when both have it, declared facts;
 * and the CHANGES text in the CPAN/BIDS convention.
 */
import { describe, expect, it } from 'vitest';
import { changesText } from '../../../src/pipeline/releases/changes-text.ts';
import {
  compareReleases,
  firstRelease,
  parseSums,
  type PublishedRelease,
} from '../../../src/pipeline/releases/compare.ts';

const H = (c: string) => c.repeat(64);
const release = (over: Partial<PublishedRelease>): PublishedRelease => ({
  version: '1.0.0',
  built: '2024-01-01T00:00:00.000Z',
  studies: ['a', 'b'],
  registryCsv: 'handle,study_uid,pathology,age\n2,a,1,50\n3,b,0,60\n',
  sha256sums: `${H('1')}  studies/a/1.dcm\n${H('2')}  studies/b/1.dcm\n`,
  declared: { version: '1.0.0', 'overview.studies': 800 },
  ...over,
});

describe('compareReleases', () => {
  const before = release({});
  const after = release({
    version: '1.1.0',
    studies: ['b', 'c'],
    // Row numbers (handles) moved: not a change. b's age changed; c is new (folder and row).
    registryCsv: 'handle,study_uid,pathology,age\n2,b,0,61\n3,c,1,40\n',
    sha256sums: `${H('3')}  studies/b/1.dcm\n${H('4')}  studies/c/1.dcm\n`,
    declared: { version: '1.1.0', 'overview.studies': 777 },
  });

  it('lists added, removed and changed studies, files and declared facts', () => {
    expect(compareReleases(before, after)).toEqual({
      from: { version: '1.0.0', built: before.built },
      to: { version: '1.1.0', built: after.built },
      studies: {
        added: ['c'],
        removed: ['a'],
        changed: [{ study: 'b', field: 'age', from: '60', to: '61' }],
      },
      files: {
        added: ['studies/c/1.dcm'],
        removed: ['studies/a/1.dcm'],
        changed: ['studies/b/1.dcm'],
      },
      declared: [
        { key: 'version', from: '1.0.0', to: '1.1.0' },
        { key: 'overview.studies', from: 800, to: 777 },
      ],
    });
  });

  it('compares files only when both releases have SHA256SUMS', () => {
    expect(compareReleases(release({ sha256sums: null }), after).files).toEqual({
      added: [],
      removed: [],
      changed: [],
    });
  });

  it('finds nothing between a release and itself; the first release has no "from"', () => {
    const same = compareReleases(before, before);
    expect([same.studies, same.files, same.declared]).toEqual([
      { added: [], removed: [], changed: [] },
      { added: [], removed: [], changed: [] },
      [],
    ]);
    expect(firstRelease(before).from).toBeNull();
  });

  it('reads GNU-escaped SHA256SUMS names', () => {
    expect([...parseSums(`\\${H('a')}  studies/x\\\\y\\nz.dcm\n`).keys()]).toEqual([
      'studies/x\\y\nz.dcm',
    ]);
  });
});

describe('changesText', () => {
  it('writes "<version> <date>" blocks with "  - " items, newest first', () => {
    const changes = compareReleases(
      release({}),
      release({
        version: '1.1.0',
        studies: ['a'],
        declared: { version: '1.1.0', 'overview.studies': 800 },
      }),
    );
    const text = changesText(changes, [
      { version: '1.0.0', built: '2023-10-12T00:00:00Z', studies: 2, files: 2 },
      { version: '1.1.0', built: '2024-01-01T00:00:00.000Z', studies: 1, files: 2 },
    ]);
    expect(text).toBe(
      '1.1.0 2024-01-01\n  - Declared version: 1.0.0 -> 1.1.0\n  - Removed study b\n\n1.0.0 2023-10-12\n  - 2 studies, 2 files.\n',
    );
  });
});
