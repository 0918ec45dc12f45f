// Load generators: N concurrent keep-alive HTTP clients for a fixed time (runLoad), or N concurrent loops over any
// async call (runLoadFn, e.g. a pg query as a baseline); both report requests/s and latency percentiles.
import http from 'node:http';

export type LoadResult = { requests: number; errors: number; seconds: number; rps: number; p50: number; p99: number };

export async function runLoad(url: string, headers: Record<string, string>, opts: { concurrency: number; seconds: number }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  try {
    return await runLoadFn(() => get(url, headers, agent), opts);
  } finally {
    agent.destroy();
  }
}

/** One GET on a keep-alive agent: resolves with the status once the body has been read (and thrown away). */
export function get(url: string, headers: Record<string, string>, agent: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** `fn` resolving to an HTTP status counts 200 as success; resolving to anything else (or nothing) counts as success. */
export async function runLoadFn(fn: () => Promise<unknown>, opts: { concurrency: number; seconds: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + opts.seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          const out = await fn();
          if (typeof out === 'number' && out !== 200) errors++;
          else latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, errors, seconds, rps: latencies.length / seconds, ...percentiles(latencies) };
}

/** p50 and p99 of sorted samples. */
export function percentiles(sorted: number[]): { p50: number; p99: number } {
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  return { p50: pct(50), p99: pct(99) };
}

/**
 * Sequential latency of two calls measured alternately (a, b, a, b, ...) after a warm-up, so a change in the machine's
 * load during the run weighs on both alike.
 */
export async function interleaved(a: () => Promise<unknown>, b: () => Promise<unknown>, runs: number, warmup = 20) {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    await a();
    as.push(performance.now() - t0);
    t0 = performance.now();
    await b();
    bs.push(performance.now() - t0);
  }
  as.sort((x, y) => x - y);
  bs.sort((x, y) => x - y);
  return { a: percentiles(as), b: percentiles(bs) };
}
