import { describe, expect, it } from 'vitest';
import { groupFindings, verdict } from '../../../src/site/quality-report.ts';
import type { FindingCode } from '../../../src/domain/findings-catalog.ts';
import type { QualityFinding } from '../../../src/domain/schemas.ts';

// Severities chosen freely (not the catalog's), to test the grouping alone.
const finding = (severity: QualityFinding['severity'], code: FindingCode): QualityFinding => ({
  severity,
  code,
  message: { ru: code, en: code },
});
const match = { key: 'studies', declared: 800, computed: 800, match: true };
const mismatch = { key: 'male', declared: 459, computed: 458, match: false };

describe('groupFindings', () => {
  it('groups by severity (errors first) and code (most frequent first), with counts', () => {
    const groups = groupFindings([
      finding('info', 'dicom-localizer'),
      finding('warning', 'registry-unknown-column'),
      finding('error', 'dicom-truncated'),
      finding('warning', 'registry-dicom-sex-mismatch'),
      finding('warning', 'registry-dicom-sex-mismatch'),
    ]);
    expect(groups.map((g) => [g.severity, g.count])).toEqual([
      ['error', 1],
      ['warning', 3],
      ['info', 1],
    ]);
    expect(groups[1]!.codes.map((c) => [c.code, c.findings.length])).toEqual([
      ['registry-dicom-sex-mismatch', 2],
      ['registry-unknown-column', 1],
    ]);
  });
});

describe('verdict', () => {
  it('is consistent only without errors and with a matching overview', () => {
    expect(verdict({ findings: [], overview: [match] }).verdict).toBe('consistent');
    expect(
      verdict({ findings: [finding('info', 'dicom-no-position')], overview: [match] }).verdict,
    ).toBe('consistentWithNotes');
    expect(
      verdict({ findings: [finding('warning', 'dicom-no-position')], overview: [mismatch] }),
    ).toMatchObject({
      verdict: 'mismatch',
      mismatches: 1,
    });
    expect(
      verdict({ findings: [finding('error', 'dicom-no-position')], overview: [match] }),
    ).toMatchObject({
      verdict: 'errors',
      error: 1,
    });
  });
});
