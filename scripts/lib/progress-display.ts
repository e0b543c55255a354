/**
 * Showing pipeline progress: bars with count, rate and ETA on a terminal (cli-progress),
 * plain throttled lines otherwise (CI logs), and one line per finished stage in both cases.
 */
import cliProgress from 'cli-progress';
import type { OnProgress, ProgressEvent, StageEvent } from '../../src/pipeline/progress.ts';

export interface ProgressDisplay {
  onProgress: OnProgress;
  onStage: (event: StageEvent) => void;
  /** Prints a line without breaking the bars. */
  log: (line: string) => void;
  stop: () => void;
}

/**
 * Milliseconds as a short human duration.
 * @example formatDuration(1500) // '1.5 s'
 * @example formatDuration(125_000) // '2 min 5 s'
 */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

/** Below this much elapsed time a rate is noise (or, for cached work, absurd): none is shown. */
const MIN_RATE_MS = 500;

/**
 * Items per second since the stage's first report (`baseline` items were already done then,
 * e.g. found in a cache), or 0 while too little time has passed to tell.
 * @example itemRate(60, 10, 5000) // 10
 */
export function itemRate(done: number, baseline: number, elapsedMs: number): number {
  return elapsedMs >= MIN_RATE_MS ? ((done - baseline) * 1000) / elapsedMs : 0;
}

/**
 * One plain progress line: count, percentage, rate and ETA when they are known.
 * @example progressLine({ stage: 'imaging', done: 50, total: 200 }, 10_000) // '[imaging] 50/200 (25%) 5.0/s, ETA 30.0 s'
 */
export function progressLine(event: ProgressEvent, elapsedMs: number, baseline = 0): string {
  const { stage, done, total } = event;
  const rate = itemRate(done, baseline, elapsedMs);
  const rateText = rate > 0 ? ` ${rate.toFixed(1)}/s` : '';
  if (total === null || total === 0) return `[${stage}] ${done}${rateText}`;
  const percent = Math.floor((done / total) * 100);
  const eta =
    rate > 0 && done < total ? `, ETA ${formatDuration(((total - done) / rate) * 1000)}` : '';
  return `[${stage}] ${done}/${total} (${percent}%)${rateText}${eta}`;
}

/**
 * Plain lines, bounded per stage so a long build does not flood a CI log: with a known total,
 * one line per new tenth of the work (at most 11), and never two within `intervalMs`; without
 * one (a stage still counting), at most one line every `intervalMs`. The final count always.
 */
export function createPlainProgress(
  write: (line: string) => void,
  now: () => number = () => performance.now(),
  intervalMs = 2000,
): ProgressDisplay {
  const started = new Map<string, { at: number; baseline: number }>();
  const lastShown = new Map<string, { at: number; tenth: number }>();
  return {
    onProgress(event) {
      const t = now();
      if (!started.has(event.stage)) started.set(event.stage, { at: t, baseline: event.done });
      const { total, done } = event;
      const tenth = total ? Math.floor((done / total) * 10) : -1;
      const last = lastShown.get(event.stage) ?? { at: -Infinity, tenth: -Infinity };
      const finished = total !== null && done >= total;
      const due = t - last.at >= intervalMs && (total ? tenth > last.tenth : true);
      if (!finished && !due) return;
      lastShown.set(event.stage, { at: t, tenth });
      const start = started.get(event.stage)!;
      write(progressLine(event, t - start.at, start.baseline));
    },
    onStage(event) {
      if (event.phase === 'end') write(`✓ ${event.stage} (${formatDuration(event.ms ?? 0)})`);
    },
    log: write,
    stop() {},
  };
}

/** Bars on a terminal: one per stage that reports progress. */
export function createTtyProgress(stream: NodeJS.WriteStream): ProgressDisplay {
  const multi = new cliProgress.MultiBar(
    {
      stream,
      clearOnComplete: false,
      hideCursor: true,
      etaBuffer: 200,
      format: ' {stage} [{bar}] {value}/{total} | {rate}/s | ETA {eta_formatted}',
    },
    cliProgress.Presets.shades_classic,
  );
  // A stage that cannot know its total yet (listing files) shows a count, not a bar.
  const countOnly = ' {stage} {value} | {rate}/s';
  const bars = new Map<
    string,
    { bar: cliProgress.SingleBar; start: number; baseline: number; known: boolean }
  >();
  return {
    onProgress(event) {
      let entry = bars.get(event.stage);
      if (!entry) {
        const known = event.total !== null;
        const payload = { stage: event.stage.padEnd(12), rate: '–' };
        const bar = known
          ? multi.create(event.total!, event.done, payload)
          : multi.create(0, event.done, payload, { format: countOnly });
        entry = { bar, start: performance.now(), baseline: event.done, known };
        bars.set(event.stage, entry);
      }
      const rate = itemRate(event.done, entry.baseline, performance.now() - entry.start);
      if (entry.known && event.total !== null) entry.bar.setTotal(event.total);
      entry.bar.update(event.done, { rate: rate > 0 ? rate.toFixed(1) : '–' });
    },
    onStage(event) {
      if (event.phase === 'end') multi.log(`✓ ${event.stage} (${formatDuration(event.ms ?? 0)})\n`);
    },
    log: (line) => multi.log(`${line}\n`),
    stop: () => multi.stop(),
  };
}

/** The display that suits `stream`: bars on a terminal, plain lines otherwise. */
export function createProgressDisplay(stream: NodeJS.WriteStream): ProgressDisplay {
  return stream.isTTY
    ? createTtyProgress(stream)
    : createPlainProgress((line) => stream.write(`${line}\n`));
}
