/**
 * docs/build.md's table of finding codes is the finding catalog's: the same codes in the same
 * order, each with its severity, stage, title and action. Regenerate with `npm run docs:findings`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { FINDING_CODES } from '../../src/domain/findings-catalog.ts';
import { findingsTableRows, tableInDoc } from '../../scripts/lib/findings-table.ts';

it('docs/build.md lists every finding code as the catalog has it (npm run docs:findings)', () => {
  const doc = readFileSync(join(import.meta.dirname, '../../docs/build.md'), 'utf8');
  const rows = tableInDoc(doc);
  expect(rows, 'the table markers in docs/build.md').not.toBeNull();
  expect(rows!.map((r) => r[0])).toEqual(FINDING_CODES.map((code) => `\`${code}\``));
  expect(rows).toEqual(findingsTableRows());
});
