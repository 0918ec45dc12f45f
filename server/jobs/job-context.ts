// What a job handler is told about the attempt it runs.
export type JobContext = {
  id: string;
  /** 0 on the first attempt. */
  retryCount: number;
  retryLimit: number;
  /** Aborted when the worker is stopping and the drain time is over. */
  signal: AbortSignal;
};
