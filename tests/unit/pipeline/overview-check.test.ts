import { describe, expect, it } from 'vitest';
import { DECLARED_OVERVIEW } from '../../../src/domain/overview.ts';
import {
  checkOverview,
  unstatedSexFindings,
} from '../../../src/pipeline/quality/overview-check.ts';

describe('checkOverview', () => {
  it("adds no note of its own when the figures match: the README's unstated sex is the table's", () => {
    const { overview, findings } = checkOverview(DECLARED_OVERVIEW, DECLARED_OVERVIEW);
    expect(overview.every((c) => c.match)).toBe(true);
    expect(findings).toEqual([]);
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
    expect(findings.filter((f) => f.code === 'overview-sex-not-specified')).toHaveLength(0);
  });

  it('records the comparison without notes', () => {
    const { overview } = checkOverview(DECLARED_OVERVIEW, { ...DECLARED_OVERVIEW, studies: 40 });
    expect(Object.keys(overview[0]!)).toEqual(['key', 'declared', 'computed', 'match']);
  });
});

describe('unstatedSexFindings', () => {
  it('notes each study without a stated sex, by study and row: the count is of studies', () => {
    const studies = [
      { id: '1.1', sex: 'M' as const, registryRow: 2 },
      { id: '1.2', sex: null, registryRow: 3 },
      { id: '1.3', sex: null, registryRow: 4 },
      { id: '1.4', sex: null, registryRow: null },
      { id: '1.5', sex: 'F' as const, registryRow: 6 },
    ];
    const findings = unstatedSexFindings(studies);
    expect(findings.map((f) => [f.study, f.row])).toEqual([
      ['1.2', 3],
      ['1.3', 4],
      ['1.4', undefined],
    ]);
    expect(findings.every((f) => f.code === 'overview-sex-not-specified')).toBe(true);
    expect(findings[0]!.message.en).toBe("Neither the registry nor DICOM states the patient's sex");
  });

  it('notes nothing when every study states a sex', () => {
    expect(unstatedSexFindings([{ id: '1.1', sex: 'F', registryRow: 2 }])).toEqual([]);
  });
});
