/**
 * Where our imaging time goes, per render step: the worker threads' totals
 * (src/pipeline/imaging/render/step-profile.ts, written when MOSMED_RENDER_PROFILE names a
 * folder) summed over the workers of one build. Pure except `readProfiles`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  RENDER_STEPS,
  type RenderProfile,
  type RenderStep,
} from '../../src/pipeline/imaging/render/step-profile.ts';

/** One build's render steps, summed over its worker threads. */
export interface RenderSteps {
  series: number;
  workers: number;
  /** Wall ms summed over the workers (two workers busy for 1 s count 2 s); CPU ms of the render threads. */
  steps: Record<RenderStep, { wallMs: number; cpuMs: number }>;
  /** CPU ms of libvips' threads, where the WebP encoding itself runs (the render thread only waits). */
  encodeCpuMs: number;
}

/** The totals files of one build's workers, keyed by file name (`<pid>-<threadId>.json`). */
export async function readProfiles(dir: string): Promise<Map<string, RenderProfile>> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));
  const profiles = new Map<string, RenderProfile>();
  for (const name of names) {
    profiles.set(name, JSON.parse(await readFile(join(dir, name), 'utf8')) as RenderProfile);
  }
  return profiles;
}

/**
 * Sums the workers' totals; libvips' CPU is process-wide, so each process counts once (its
 * largest figure: the last series written).
 * @example sumProfiles(new Map()).series // 0
 */
export function sumProfiles(profiles: ReadonlyMap<string, RenderProfile>): RenderSteps {
  const steps = Object.fromEntries(RENDER_STEPS.map((s) => [s, { wallMs: 0, cpuMs: 0 }])) as Record<
    RenderStep,
    { wallMs: number; cpuMs: number }
  >;
  const libvipsByPid = new Map<string, number>();
  let series = 0;
  for (const [name, profile] of profiles) {
    series += profile.series;
    for (const step of RENDER_STEPS) {
      steps[step].wallMs += profile.steps[step]?.wallMs ?? 0;
      steps[step].cpuMs += profile.steps[step]?.cpuMs ?? 0;
    }
    const pid = name.split('-')[0]!;
    libvipsByPid.set(pid, Math.max(libvipsByPid.get(pid) ?? 0, profile.libvipsCpuMs));
  }
  const encodeCpuMs = [...libvipsByPid.values()].reduce((a, b) => a + b, 0);
  return { series, workers: profiles.size, steps, encodeCpuMs };
}

/** Each figure's median over several builds' steps (one summed profile per build). */
export function medianSteps(runs: readonly RenderSteps[]): RenderSteps {
  const median = (values: number[]) => {
    const sorted = [...values].sort((x, y) => x - y);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  const of = (pick: (r: RenderSteps) => number) => median(runs.map(pick));
  const steps = Object.fromEntries(
    RENDER_STEPS.map((step) => [
      step,
      { wallMs: of((r) => r.steps[step].wallMs), cpuMs: of((r) => r.steps[step].cpuMs) },
    ]),
  ) as RenderSteps['steps'];
  return {
    series: of((r) => r.series),
    workers: of((r) => r.workers),
    steps,
    encodeCpuMs: of((r) => r.encodeCpuMs),
  };
}

/**
 * The CPU ms of a step: the encode's are libvips' threads' (the render thread only waits for
 * them, and may run other work meanwhile), the rest the render threads' own.
 */
export function stepCpuMs(steps: RenderSteps, step: RenderStep): number {
  return step === 'encode' ? steps.encodeCpuMs : steps.steps[step].cpuMs;
}

const s = (ms: number) => (ms / 1000).toFixed(1);

/** One line per step: CPU seconds, wall seconds summed over workers, share of all CPU. */
export function formatRenderSteps(steps: RenderSteps): string[] {
  const cpu = RENDER_STEPS.map((step) => stepCpuMs(steps, step));
  const total = cpu.reduce((a, b) => a + b, 0);
  const wall = RENDER_STEPS.reduce((sum, step) => sum + steps.steps[step].wallMs, 0);
  return [
    `where our render time goes (${steps.series} series, ${steps.workers} workers; CPU s / wall s summed over workers / share of CPU):`,
    ...RENDER_STEPS.map(
      (step, i) =>
        `    ${step.padEnd(8)} ${s(cpu[i]!).padStart(6)} CPU ${s(steps.steps[step].wallMs).padStart(6)} wall ${total > 0 ? Math.round((100 * cpu[i]!) / total) : 0}%`,
    ),
    `    ${'total'.padEnd(8)} ${s(total).padStart(6)} CPU ${s(wall).padStart(6)} wall (encode CPU: libvips' threads; the render thread waits)`,
  ];
}
