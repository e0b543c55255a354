/**
 * The closing summary of a build: what was built, what is wrong with the data, where the
 * time went. Pure: returns text.
 */
import type { QualityFile } from '../../src/domain/schemas.ts';
import type { StageTiming } from '../../src/pipeline/progress.ts';
import { formatDuration } from './progress-display.ts';

export interface SummaryInput {
  quality: QualityFile;
  timings: readonly StageTiming[];
  outDir: string | null;
  generatedDir: string;
  strict: boolean;
  /**
   * The site's address: origin (`--site`, undefined when not given) and base path. Omitted
   * (e.g. a data-only run): no address line.
   */
  address?: { site: string | undefined; base: string };
}

/** What a build without `--site` leaves out, said in the summary. */
export const NO_SITE_WARNING =
  'Warning: no --site (or SITE_URL) given: canonical, hreflang and Open Graph URLs, the sitemap ' +
  "and robots.txt's Sitemap line are left out. Give the address " +
  'the site is published at, e.g. --site https://example.net (see docs/deploy.md).';

/** Up to this many error findings are listed by name in the summary. */
const LISTED_ERRORS = 5;

/** The summary as lines of text. */
export function formatSummary({
  quality,
  timings,
  outDir,
  generatedDir,
  strict,
  address,
}: SummaryInput): string {
  const { counts } = quality;
  const total = timings.reduce((sum, t) => sum + t.ms, 0);
  const width = Math.max(...timings.map((t) => t.stage.length), 5);
  const lines = [
    '',
    `Studies: ${counts.studies}   series: ${counts.series}   files: ${counts.files} (${counts.filesParsed} parsed)   registry rows: ${counts.registryRows}`,
    `Findings: ${counts.error} error, ${counts.warning} warning, ${counts.info} info  → ${generatedDir}/data/quality.json`,
  ];
  const errors = quality.findings.filter((f) => f.severity === 'error');
  for (const f of errors.slice(0, LISTED_ERRORS)) {
    const where = [f.file, f.row !== undefined ? `row ${f.row}` : null, f.column]
      .filter(Boolean)
      .join(', ');
    lines.push(`  error ${f.code}${where ? ` (${where})` : ''}: ${f.message.en}`);
  }
  if (errors.length > LISTED_ERRORS)
    lines.push(`  … and ${errors.length - LISTED_ERRORS} more errors`);
  lines.push('Time per stage:');
  for (const t of timings) lines.push(`  ${t.stage.padEnd(width)}  ${formatDuration(t.ms)}`);
  lines.push(`  ${'total'.padEnd(width)}  ${formatDuration(total)}`);
  if (outDir) lines.push(`Site: ${outDir}  (npm run preview)`);
  if (outDir && address) {
    if (address.site) lines.push(`Address: ${new URL(address.base, address.site).href}`);
    else lines.push(`Base path: ${address.base}`, NO_SITE_WARNING);
  }
  if (strict && counts.error > 0)
    lines.push(`--strict: ${counts.error} error-level findings, exit code 1`);
  return lines.join('\n');
}
