import { describe, expect, it } from 'vitest';
import { fixtureStudies } from '../../fixtures/fixture-studies.ts';
import {
  coverSize,
  formatNumber,
  imageCount,
  studyLabels,
} from '../../../src/site/studies/format.ts';
import { withBase } from '../../../src/site/base.ts';

describe('study display helpers', () => {
  it('writes numbers in the page language and says "not stated" for missing values', () => {
    expect(formatNumber('ru', 0.625)).toBe('0,625');
    expect(formatNumber('en', 0.625)).toBe('0.625');
    expect(formatNumber('en', null)).toBeNull();
    expect(studyLabels('ru').number(null)).toBe('не указано');
    expect(studyLabels('en').text('  ')).toBe('not stated');
    expect(studyLabels('en').facetValue('unknown', false)).toBe('not stated');
    expect(studyLabels('ru').facetValue('2.5', true)).toBe('2,5');
    expect(studyLabels('en').sexOf('unknown')).toBe('Not specified');
  });

  it('puts image paths under the base path and sizes covers by the first rendered brain tile', () => {
    expect(withBase('thumbs/a/cover.webp', '/')).toBe('/thumbs/a/cover.webp');
    expect(withBase('/thumbs/a/cover.webp', '/d/h/')).toBe('/d/h/thumbs/a/cover.webp');
    const study = fixtureStudies(1)[0]!;
    const brain = study.series[0]!.sprites.find((s) => s.preset === 'brain')!;
    expect(coverSize(study)).toEqual({ width: brain.tileWidth, height: brain.tileHeight });
    const failed = {
      ...study,
      series: study.series.map((s) => ({ ...s, status: 'failed' as const, sprites: [] })),
    };
    expect(coverSize(failed)).toEqual({ width: 128, height: 128 });
    expect(imageCount(study)).toBe(study.series.reduce((n, s) => n + s.imageCount, 0));
  });
});
