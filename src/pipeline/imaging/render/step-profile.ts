/**
 * Where a render's time goes, for the benchmark (`npm run bench`, real scale): per step, the
 * wall time and the render thread's own CPU time, summed over the series a worker renders.
 * Off unless MOSMED_RENDER_PROFILE names a folder; then each worker thread keeps its running
 * totals in `<folder>/<pid>-<threadId>.json` (rewritten after each series), with the CPU time
 * of libvips' threads, where sharp encodes the WebP sheets. Off, a step costs one branch.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';

export const RENDER_STEPS = ['read', 'decode', 'resample', 'window', 'encode', 'write'] as const;
export type RenderStep = (typeof RENDER_STEPS)[number];

/** One worker thread's totals, as written to its file. */
export interface RenderProfile {
  series: number;
  /** Per step: wall milliseconds and this thread's CPU milliseconds (user + system). */
  steps: Record<RenderStep, { wallMs: number; cpuMs: number }>;
  /** CPU milliseconds of the process's libvips threads, exited ones included (process-wide, so the same for every worker). */
  libvipsCpuMs: number;
}

export const PROFILE_ENV = 'MOSMED_RENDER_PROFILE';

const folder = process.env[PROFILE_ENV] || null;
const totals: RenderProfile | null = folder
  ? {
      series: 0,
      steps: Object.fromEntries(RENDER_STEPS.map((s) => [s, { wallMs: 0, cpuMs: 0 }])) as Record<
        RenderStep,
        { wallMs: number; cpuMs: number }
      >,
      libvipsCpuMs: 0,
    }
  : null;

/** A step's start mark: [wall ms, thread CPU µs], or null when profiling is off. */
export type Mark = readonly [number, number] | null;

const threadCpuMicros = () => {
  const usage = process.threadCpuUsage();
  return usage.user + usage.system;
};

/** Marks a step's start (null, at no cost, when profiling is off). */
export function mark(): Mark {
  return totals ? [performance.now(), threadCpuMicros()] : null;
}

/** Adds the time since `start` to `step`. */
export function charge(step: RenderStep, start: Mark): void {
  if (!totals || !start) return;
  const entry = totals.steps[step];
  entry.wallMs += performance.now() - start[0];
  entry.cpuMs += (threadCpuMicros() - start[1]) / 1000;
}

/**
 * CPU milliseconds of libvips' threads, exited ones included (libvips ends idle pool threads,
 * and /proc forgets them): the process's CPU time less that of every other live thread
 * (Linux /proc; 0 elsewhere). Run before any other thread has exited, it is the encoding.
 */
function libvipsCpuMs(): number {
  let otherTicks = 0;
  try {
    for (const task of readdirSync('/proc/self/task')) {
      const comm = readFileSync(`/proc/self/task/${task}/comm`, 'utf8');
      if (comm.startsWith('libvips')) continue;
      const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      otherTicks += Number(fields[11]) + Number(fields[12]); // utime, stime
    }
  } catch {
    return 0;
  }
  const usage = process.cpuUsage(); // the whole process, exited threads included
  return Math.max(0, (usage.user + usage.system) / 1000 - otherTicks * 10); // USER_HZ = 100
}

/** After a series: counts it and rewrites this thread's totals file. */
export function seriesDone(): void {
  if (!totals || !folder) return;
  totals.series++;
  totals.libvipsCpuMs = libvipsCpuMs();
  writeFileSync(join(folder, `${process.pid}-${threadId}.json`), JSON.stringify(totals));
}
