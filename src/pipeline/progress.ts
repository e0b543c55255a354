/**
 * What a pipeline stage reports while it works; `scripts/` turns these into a progress display.
 * `total` is null while the stage does not yet know how much there is.
 */
export interface ProgressEvent {
  stage: string;
  done: number;
  total: number | null;
}

export type OnProgress = (event: ProgressEvent) => void;
