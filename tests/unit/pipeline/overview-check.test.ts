import { describe, expect, it } from 'vitest';
import { DECLARED_OVERVIEW } from '../../../src/domain/overview.ts';
import { checkOverview } from '../../../src/pipeline/quality/overview-check.ts';

describe('checkOverview', () => {
  it('explains the README sex split (459 + 338 = 797: 3 not specified) even when all match', () => {
    const { overview, findings } = checkOverview(DECLARED_OVERVIEW, DECLARED_OVERVIEW);
    expect(overview.every((c) => c.match)).toBe(true);
    expect(findings).toHaveLength(2);
    expect(findings.every((f) => f.severity === 'info')).toBe(true);
    expect(findings[0]!.message.en).toContain(
      '459 male + 338 female = 797 of 800 patients — 3 not specified',
    );
    expect(findings[0]!.message.ru).toContain('пол 3 не указан');
  });

  it('reports each mismatch with both figures and the difference', () => {
    const computed = {
      ...DECLARED_OVERVIEW,
      studies: 30,
      patients: 30,
      male: 17,
      female: 13,
      sexUnknown: 0,
    };
    const { overview, findings } = checkOverview(DECLARED_OVERVIEW, computed);
    expect(overview.find((c) => c.key === 'studies')).toEqual({
      key: 'studies',
      declared: 800,
      computed: 30,
      match: false,
    });
    const mismatches = findings.filter((f) => f.code === 'overview-mismatch');
    expect(mismatches.map((f) => f.severity)).toEqual(Array(5).fill('warning'));
    expect(mismatches[0]!.message.en).toBe(
      'Number of studies: the README declares 800, the data give 30 (-770)',
    );
    // The figure's label is the quality page's (findings.json's overview words).
    expect(mismatches[2]!.message.en).toBe(
      'Male patients: the README declares 459, the data give 17 (-442)',
    );
    expect(mismatches[2]!.message.ru).toBe(
      'Мужчины, чел.: в README заявлено 459, по данным 17 (-442)',
    );
    // The computed split adds up, so only the README's gap is explained.
    expect(findings.filter((f) => f.code === 'overview-sex-not-specified')).toHaveLength(1);
  });

  it("explains the data's own unstated sex as well, and records the comparison without notes", () => {
    const computed = {
      ...DECLARED_OVERVIEW,
      studies: 40,
      patients: 40,
      male: 23,
      female: 16,
      sexUnknown: 1,
    };
    const { overview, findings } = checkOverview(DECLARED_OVERVIEW, computed);
    const sex = findings.filter((f) => f.code === 'overview-sex-not-specified');
    expect(sex.map((f) => f.message.en)).toEqual([
      'In the README: 459 male + 338 female = 797 of 800 patients — 3 not specified',
      'In the data: 23 male + 16 female = 39 of 40 patients — 1 not specified',
    ]);
    expect(Object.keys(overview[0]!)).toEqual(['key', 'declared', 'computed', 'match']);
  });
});
