// What a handler answers, before either door turns it into an HTTP response: shared by the REST door and the
// domain functions that stream media (the domain never imports a door).
export type ApiResponse = {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  raw?: BodyInit;
  contentType?: string;
  /**
   * Top-level body fields that are secrets shown once (an API key, a token). They are never stored for an
   * Idempotency-Key replay: the replay carries null there and names them in `Idempotent-Replay-Omitted`.
   */
  secretFields?: readonly string[];
};
