/**
 * Every finding code the build can emit has a human title in both languages on the quality
 * page. The codes are read from the pipeline's source, so a new code without a title fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { codeTitle, TITLED_CODES } from '../../../src/components/quality/code-titles.ts';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? sources(join(dir, d.name))
      : d.name.endsWith('.ts')
        ? [readFileSync(join(dir, d.name), 'utf8')]
        : [],
  );
}

it('every code in the pipeline has a title in Russian and English', () => {
  const text = sources(join(import.meta.dirname, '../../../src/pipeline')).join('\n');
  const literal = [...text.matchAll(/['`]((?:dicom|registry|overview|study)-[a-z-]+)['`]/g)].map(
    (m) => m[1]!,
  );
  // `dicom-${problem}`: the file problems, keyed in findings.ts.
  const findings = readFileSync(
    join(import.meta.dirname, '../../../src/pipeline/imaging/findings.ts'),
    'utf8',
  );
  const block = findings.slice(findings.indexOf('const FILE_PROBLEMS'), findings.indexOf('};'));
  const problems = [...block.matchAll(/^ {2}'?([a-z-]+)'?: \{/gm)].map((m) => `dicom-${m[1]}`);
  const codes = new Set([...literal, ...problems].filter((c) => c !== 'dicom-parser'));
  expect(problems.length).toBeGreaterThan(5);
  for (const code of codes) {
    expect(TITLED_CODES, code).toContain(code);
    for (const locale of ['ru', 'en'] as const) expect(codeTitle(code, locale)).not.toBe(code);
  }
});
