/** The audit's report: a table of the figures per page, and the targets each page misses. */
import { CATEGORIES, type PageAudit } from './lighthouse.ts';

/** Targets from issue 7. */
export const TARGETS = { score: 100, homeBytes: 100 * 1024 };

export function table(audits: PageAudit[]): string {
  const header = [
    'page',
    'lang',
    'perf',
    'a11y',
    'best',
    'seo',
    'KB sent',
    'JS KB sent',
    'requests',
    'CLS',
    'TBT ms',
    'LCP ms',
    'bench',
    'load',
  ];
  const rows = audits.map((a) => [
    a.type,
    a.locale,
    ...CATEGORIES.map((c) => String(a.scores[c] ?? '-')),
    (a.transferBytes / 1024).toFixed(1),
    (a.scriptTransferBytes / 1024).toFixed(1),
    String(a.requests),
    String(a.metrics['cumulative-layout-shift'] ?? '-'),
    String(Math.round(a.metrics['total-blocking-time'] ?? 0)),
    String(Math.round(a.metrics['largest-contentful-paint'] ?? 0)),
    String(Math.round(a.benchmarkIndex ?? 0)),
    a.loadAverage.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/**
 * A page the site itself marks `noindex` (the search page: Google's guidance keeps internal
 * search results out of its index), which Lighthouse's SEO category counts as "blocked from
 * indexing". Its SEO score is a miss only if anything else failed.
 */
export function onlyNoindexByDesign(a: PageAudit): boolean {
  return (
    a.noindex &&
    a.failedAudits.filter((f) => f.category === 'seo').every((f) => f.id === 'is-crawlable')
  );
}

export function targetsMissed(audits: PageAudit[]): string[] {
  const missed: string[] = [];
  for (const a of audits) {
    for (const c of CATEGORIES) {
      if (c === 'seo' && onlyNoindexByDesign(a)) continue;
      if ((a.scores[c] ?? 0) < TARGETS.score) {
        missed.push(`${a.type} (${a.locale}) ${c} ${a.scores[c]} < ${TARGETS.score}`);
      }
    }
    if (a.type === 'home' && a.transferBytes > TARGETS.homeBytes) {
      missed.push(`home (${a.locale}) sends ${a.transferBytes} B > ${TARGETS.homeBytes} B`);
    }
  }
  return missed;
}
