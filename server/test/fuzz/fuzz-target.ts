// Runs one fuzz target: every systematic example (the known-dangerous inputs) in full, then generated inputs until the
// target's share of time is up. On a loaded machine the time may run out before any generated input has run; that is
// not a failure (the systematic ones ran) — only a counterexample is, shrunk and reported with its seed.
import fc from 'fast-check';

export async function fuzzTarget<T>(
  arbitrary: fc.Arbitrary<T>,
  examples: T[],
  check: (value: T) => Promise<void>,
  opts: { seed: number; numRuns: number; timeLimitMs: number },
): Promise<void> {
  for (const example of examples) {
    try {
      await check(example);
    } catch (error) {
      throw new Error(`systematic input failed (seed ${opts.seed}): ${(error as Error).message}`, { cause: error });
    }
  }
  const details = await fc.check(fc.asyncProperty(arbitrary, check), { seed: opts.seed, numRuns: opts.numRuns, interruptAfterTimeLimit: opts.timeLimitMs, markInterruptAsFailure: false });
  if (details.failed && details.counterexample !== null) throw new Error(fc.defaultReportMessage(details) ?? `a generated input failed (seed ${opts.seed})`);
}
