/**
 * One number formatter per language wherever a reader sees a figure: a Russian page writes a
 * decimal comma in the charts' tooltips, the datasheet's skews and the study pages alike, and
 * the downloads (CSV) keep the plain figure.
 */
import { csvParseRows } from 'd3';
import { describe, expect, it } from 'vitest';
import { chartCsv } from '../../../src/site/charts/chart-files.ts';
import { buildCharts } from '../../../src/site/charts/chart-specs.ts';
import { toSvgString } from '../../../src/site/charts/svg-tree.ts';
import { studyLabels } from '../../../src/site/studies/format.ts';
import { computeStats } from '../../../src/domain/compute-stats.ts';
import { knownSkews } from '../../../src/domain/known-skews.ts';
import { makeStudy } from './make-study.ts';

// Ages whose quartiles fall between whole years, and a slice thickness of 2.5 mm.
const studies = [30, 45, 46, 61].map((age) =>
  makeStudy({ with: ['subdural'], age, sliceThickness: 2.5 }),
);
const stats = computeStats(studies);
const q1 = stats.ageByFinding.find((s) => s.id === 'subdural')!.q1!;

function ageFinding(locale: 'ru' | 'en') {
  const source = {
    synthetic: true,
    registryFile: null,
    registrySha256: null,
    registryLayout: null,
    builtAt: '2026-01-01T00:00:00.000Z',
  };
  const specs = buildCharts(stats, { locale, source, datasetTotal: 4, width: 400 });
  return specs.find((s) => s.id === 'age-finding')!;
}

describe('a figure with decimals', () => {
  it('is a quartile between whole years (the case under test)', () => {
    expect(Number.isInteger(q1)).toBe(false);
  });

  it("reads alike in a Russian chart's tooltip and on a Russian study page", () => {
    const written = studyLabels('ru').number(q1);
    expect(written).toContain(',');
    const svg = toSvgString(ageFinding('ru').svg);
    expect(svg).toContain(` / ${written} / `);
    expect(svg).not.toContain(String(q1));
    expect(toSvgString(ageFinding('en').svg)).toContain(` / ${studyLabels('en').number(q1)} / `);
  });

  it('stays plain in the chart download', () => {
    const rows = csvParseRows(chartCsv(ageFinding('ru')));
    expect(rows.flat()).toContain(String(q1));
  });

  it("is written the page's way in the datasheet's skews", () => {
    const protocol = knownSkews(stats).find((s) => s.id === 'protocol')!.text;
    expect(protocol.ru).toContain('2,5 мм');
    expect(protocol.en).toContain('2.5 mm');
  });
});
