/**
 * One list of classes and one of sexes, "not stated" spelled once: the statistics count, the
 * filters offer and the charts draw the same values, in the same order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeStats } from '../../../src/domain/compute-stats.ts';
import { CLOSED_VALUES, facetOptions } from '../../../src/domain/facets.ts';
import { CLASS_KEYS, classOf } from '../../../src/domain/field-table.ts';
import { SEX_KEYS, UNKNOWN } from '../../../src/domain/field-values.ts';
import { makeStudy } from './make-study.ts';

const studies = [
  makeStudy({ with: ['subdural'], sex: 'F' }),
  makeStudy({ sex: 'M' }),
  makeStudy({ pathology: null, sex: null }),
];

describe('the classes and sexes of a study', () => {
  it('are with, without, not stated; M, F, not stated', () => {
    expect(CLASS_KEYS).toEqual(['with', 'without', 'unknown']);
    expect(SEX_KEYS).toEqual(['M', 'F', 'unknown']);
    expect(classOf(null)).toBe(UNKNOWN);
  });

  it('are what the statistics count, key for key', () => {
    const stats = computeStats(studies);
    expect(Object.keys(stats.classBalance)).toEqual([...CLASS_KEYS]);
    expect(Object.keys(stats.sex)).toEqual([...SEX_KEYS]);
  });

  it('are what the filters offer, from the same list', () => {
    expect(CLOSED_VALUES.pathology).toBe(CLASS_KEYS);
    expect(CLOSED_VALUES.sex).toBe(SEX_KEYS);
    expect(facetOptions(studies, 'pathology').map((o) => o.value)).toEqual([...CLASS_KEYS]);
    expect(facetOptions(studies, 'sex').map((o) => o.value)).toEqual([...SEX_KEYS]);
  });

  it('are listed once in the code', () => {
    const root = resolve(import.meta.dirname, '../../..');
    const files = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(ts|astro)$/.test(e.name))
      .map((e) => join(e.parentPath, e.name));
    const listing = (pattern: RegExp) =>
      files.filter((f) => pattern.test(readFileSync(f, 'utf8'))).map((f) => relative(root, f));
    expect(listing(/\[\s*'with',\s*'without'/)).toEqual(['src/domain/field-table.ts']);
    expect(listing(/\[\s*'M',\s*'F',\s*'unknown'/)).toEqual([]);
    // "Not stated" as a class or sex is UNKNOWN, never a literal of its own.
    expect(listing(/\| 'unknown'|(\?\?|:) 'unknown';/)).toEqual([]);
  });
});
