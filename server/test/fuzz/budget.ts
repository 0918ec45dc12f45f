// Seed and time budget of a fuzz run: printed, so any failure reproduces with FUZZ_SEED=<seed>; bounded, so the
// suite stays about a minute however many operations the API grows to.
import { createHash } from 'node:crypto';

export type FuzzBudget = { seed: number; totalMs: number; maxRunsPerTarget: number };

export function fuzzBudget(label: string, defaultSeconds: number): FuzzBudget {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
  const seconds = Number(process.env.FUZZ_SECONDS ?? defaultSeconds);
  const maxRunsPerTarget = Number(process.env.FUZZ_RUNS ?? 400);
  console.log(`[fuzz] ${label}: seed ${seed}, ${seconds} s, at most ${maxRunsPerTarget} runs per target — reproduce with FUZZ_SEED=${seed}`);
  return { seed, totalMs: seconds * 1000, maxRunsPerTarget };
}

/** A target's own seed: stable for a given run seed and target name, whatever targets are added around it. */
export function seedFor(seed: number, target: string): number {
  return (seed ^ createHash('sha256').update(target).digest().readInt32LE(0)) | 0;
}
