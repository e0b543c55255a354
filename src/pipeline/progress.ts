/**
 * What a build stage reports while it works and when it ends; `scripts/` turns these into a
 * progress display. `total` is null while the stage does not yet know how much there is.
 */
export interface ProgressEvent {
  stage: string;
  done: number;
  total: number | null;
}

export type OnProgress = (event: ProgressEvent) => void;

/** A stage starting or ending, for the one line per finished stage. */
export interface StageEvent {
  stage: string;
  phase: 'start' | 'end';
  /** Milliseconds the stage took (on `end`). */
  ms?: number;
}

/** How long one stage took. */
export interface StageTiming {
  stage: string;
  ms: number;
}

/**
 * The one stage timer of the build (the data pipeline and the site build around it): runs a
 * stage, reports its start and end to `onStage` and appends its time to `timings`. `now` is
 * injected so tests need no real time.
 */
export function stageTimer(
  timings: StageTiming[],
  onStage?: (event: StageEvent) => void,
  now: () => number = () => performance.now(),
): <T>(stage: string, work: () => Promise<T> | T) => Promise<T> {
  return async (stage, work) => {
    onStage?.({ stage, phase: 'start' });
    const start = now();
    const result = await work();
    const ms = now() - start;
    timings.push({ stage, ms });
    onStage?.({ stage, phase: 'end', ms });
    return result;
  };
}
