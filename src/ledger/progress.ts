/** Reported by batch jobs after each committed batch. `total` is an estimate taken when the job started. */
export interface Progress {
  readonly done: number;
  readonly total: number;
}
/** May return a promise: the job waits for it before the next batch. */
export type OnProgress = (progress: Progress) => void | Promise<void>;
