// Shared by the outbound benches (bench:transmissions, bench:campaigns): one timed run with this process's CPU time,
// PostgreSQL's (when the bench knows its postmaster) and the peak RSS; and a pool of n callers working through items,
// as the bare loops and the API callers of the benches do.
import { treeCpuMs } from './cpu-time';

export type Measure<Extra = void> = { seconds: number; cpuSeconds: number; pgCpuSeconds: number | null; peakRssMb: number; extra?: Extra };

/** Times `run`; what it returns is kept as `extra` (a phase's own duration, say). `postgres`: the postmaster's pid. */
export async function measure<Extra = void>(run: () => Promise<Extra | void>, postgres: number | null = null): Promise<Measure<Extra>> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const pg0 = postgres ? treeCpuMs(postgres) : 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const extra = await run();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  return {
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    pgCpuSeconds: postgres ? (treeCpuMs(postgres) - pg0) / 1000 : null,
    peakRssMb: peak / 1024 / 1024,
    ...(extra === undefined ? {} : { extra: extra as Extra }),
  };
}

/** `n` callers at once, each taking the next item until none is left. */
export async function pool<T>(items: readonly T[], n: number, each: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) await each(items[next++]!);
  }));
}
