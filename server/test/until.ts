// Polls `read` until `ok` holds for what it returned (and returns that), or fails after `timeoutMs` showing the last
// value: for integration tests waiting on a worker, a job or a gateway.
export async function until<T>(read: () => Promise<T> | T, ok: (v: T) => boolean, timeoutMs = 60_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms; last value ${JSON.stringify(v).slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
