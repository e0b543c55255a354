import { describe, expect, it } from 'vitest';
import { slugify, uniqueSlugs } from '../../../src/pipeline/slug.ts';

describe('slugify', () => {
  it('turns DICOM UIDs and free text into lower-case hyphenated ASCII', () => {
    expect(slugify('1.2.643.5.1.13')).toBe('1-2-643-5-1-13');
    expect(slugify('Study 7 / Ä')).toBe('study-7-a');
    expect(slugify('<script>')).toBe('script');
  });
});

describe('uniqueSlugs', () => {
  it('keeps slugs unique and never empty', () => {
    expect(uniqueSlugs(['a.b', 'a-b', 'A_B', 'Исследование'])).toEqual([
      'a-b',
      'a-b-2',
      'a-b-3',
      'study',
    ]);
  });
});

describe('slugs and handles', () => {
  it('never gives a slug shaped like a handle, whose address is the redirect page', () => {
    expect(uniqueSlugs(['124', 'F2', 'f2', '1.2.3', '0124'])).toEqual([
      'study-124',
      'study-f2',
      'study-f2-2',
      '1-2-3',
      '0124',
    ]);
  });
});
