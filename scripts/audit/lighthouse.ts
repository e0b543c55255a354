/** One page through Lighthouse (mobile preset), and the CPU slowdown calibrated to the machine. */
import { loadavg } from 'node:os';
import lighthouse from 'lighthouse';
import { throttling } from 'lighthouse/core/config/constants.js';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export interface PageAudit {
  type: string;
  locale: string;
  path: string;
  /** The page asks search engines to leave it out (its own `<meta name="robots" content="noindex">`). */
  noindex: boolean;
  scores: Record<(typeof CATEGORIES)[number], number | null>;
  /** Bytes over the wire for the whole page load (Lighthouse total-byte-weight). */
  transferBytes: number;
  /** Bytes over the wire of JavaScript, and their size uncompressed. */
  scriptTransferBytes: number;
  scriptResourceBytes: number;
  requests: number;
  /** Lighthouse's measure of this machine's CPU for the run (higher is faster). */
  benchmarkIndex: number | null;
  /** Load average over the last minute when the page was audited. */
  loadAverage: number;
  /** Core Web Vitals and the other scored metrics, in ms (CLS unitless). */
  metrics: Record<string, number | null>;
  /** Audits that scored below 1 in any category, for follow-up. */
  failedAudits: Array<{
    id: string;
    category: string;
    title: string;
    score: number;
    detail?: string;
  }>;
}

interface NetworkRequest {
  resourceType?: string;
  transferSize?: number;
  resourceSize?: number;
}

/** The first items of an audit's table (e.g. the console errors, the small tap targets). */
function auditDetail(details: unknown): string | undefined {
  const items = (details as { items?: Array<Record<string, unknown>> } | undefined)?.items ?? [];
  const text = items.slice(0, 3).map((item) => {
    const node = item.node as { snippet?: string } | undefined;
    return String(item.description ?? item.url ?? node?.snippet ?? item.source ?? '').slice(0, 160);
  });
  return text.filter(Boolean).join(' | ') || undefined;
}

/** The high-end desktop index Lighthouse's 4x default is meant for (middle of 1500-2000). */
export const REFERENCE_BENCHMARK_INDEX = 1750;
export const DEFAULT_CPU_SLOWDOWN = 4;

/**
 * The CPU slowdown that makes this machine emulate the phone the default aims at.
 * @example calibratedSlowdown(875) // 2
 */
export function calibratedSlowdown(benchmarkIndex: number): number {
  const factor = (DEFAULT_CPU_SLOWDOWN * benchmarkIndex) / REFERENCE_BENCHMARK_INDEX;
  return Math.round(Math.min(DEFAULT_CPU_SLOWDOWN, Math.max(1, factor)) * 10) / 10;
}

const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
] as const;

export async function auditPage(
  url: string,
  port: number,
  cpuSlowdown: number,
): Promise<Omit<PageAudit, 'type' | 'locale' | 'path' | 'noindex'>> {
  const loadAverage = loadavg()[0]!;
  const result = await lighthouse(
    url,
    { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
    {
      extends: 'lighthouse:default',
      settings: {
        throttling: {
          ...throttling.mobileSlow4G,
          cpuSlowdownMultiplier: cpuSlowdown,
        },
      },
    },
  );
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message} (${url})`);
  const requests =
    (lhr.audits['network-requests']?.details as { items?: NetworkRequest[] } | undefined)?.items ??
    [];
  const scripts = requests.filter((r) => r.resourceType === 'Script');
  const failedAudits = new Map<string, PageAudit['failedAudits'][number]>();
  for (const category of CATEGORIES) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
        const detail = auditDetail(audit.details);
        const failed = { id: ref.id, category, title: audit.title, score: audit.score };
        failedAudits.set(ref.id, detail ? { ...failed, detail } : failed);
      }
    }
  }
  return {
    scores: Object.fromEntries(
      CATEGORIES.map((c) => {
        const score = lhr.categories[c]?.score;
        return [c, score === null || score === undefined ? null : Math.round(score * 100)];
      }),
    ) as PageAudit['scores'],
    transferBytes: Math.round(Number(lhr.audits['total-byte-weight']?.numericValue ?? 0)),
    scriptTransferBytes: scripts.reduce((n, r) => n + (r.transferSize ?? 0), 0),
    scriptResourceBytes: scripts.reduce((n, r) => n + (r.resourceSize ?? 0), 0),
    requests: requests.length,
    benchmarkIndex: lhr.environment.benchmarkIndex ?? null,
    loadAverage: Math.round(loadAverage * 100) / 100,
    metrics: Object.fromEntries(
      METRICS.map((id) => {
        const value = lhr.audits[id]?.numericValue;
        return [id, value === undefined ? null : Math.round(value * 1000) / 1000];
      }),
    ),
    failedAudits: [...failedAudits.values()].sort((a, b) => a.id.localeCompare(b.id)),
  };
}
