// The guard of issue 7 for the browser's door: every tRPC procedure of the router — today's and every one added
// later — is called through the server caller with generated bad input, as a real signed-in owner of a real tenant,
// and must fail only with client errors (never INTERNAL_SERVER_ERROR) that leak nothing. Seeded and time-bounded.
// Reproduce a failure: FUZZ_SEED=<seed> [FUZZ_TARGET=account.register] npx vitest run server/trpc/fuzz.int.test.ts
import { randomUUID } from 'node:crypto';
import { TRPCError, type AnyProcedure } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ERROR_STATUS } from '../errors';
import { newTenant } from '../test/factories';
import { fuzzBudget, seedFor } from '../test/fuzz/budget';
import { fuzzTarget } from '../test/fuzz/fuzz-target';
import { hostileValue } from '../test/fuzz/hostile';
import { leaksIn } from '../test/fuzz/invariants';
import { mutated } from '../test/fuzz/mutate';
import { resolverFor, validValue, type JsonSchema } from '../test/fuzz/schema-arbitrary';
import { sampleValue, systematicValues } from '../test/fuzz/systematic';
import { createCallerFactory } from './init';
import { appRouter } from './root';

const createCaller = createCallerFactory(appRouter);
type Procedure = { path: string; type: string; schema: JsonSchema | undefined };

const procedures: Procedure[] = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>)
  .map(([path, procedure]) => {
    const def = procedure._def as unknown as { type: string; inputs: unknown[] };
    const input = def.inputs.at(-1);
    const schema = input instanceof z.ZodType ? (z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' }) as JsonSchema) : undefined;
    return { path, type: def.type, schema };
  })
  .filter((p) => !process.env.FUZZ_TARGET || p.path.includes(process.env.FUZZ_TARGET));
const budget = fuzzBudget(`tRPC, ${procedures.length} procedures`, 20);
const perProcedureMs = Math.max(500, Math.floor(budget.totalMs / Math.max(1, procedures.length)));

type Tenant = Awaited<ReturnType<typeof newTenant>>;
let a: Tenant;
let b: Tenant;
const seen = new Map<string, Map<string, number>>();

type Call = { userId: string | null; organizationId: string | null; input: unknown; note: string };

const callerFor = (call: Pick<Call, 'userId' | 'organizationId'>) =>
  createCaller({ userId: call.userId, requestedOrganizationId: call.organizationId, requestId: randomUUID(), ip: '198.51.100.78' });

async function invoke(path: string, type: string, call: Call): Promise<unknown> {
  const fn = path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], callerFor(call)) as (input: unknown) => Promise<unknown>;
  const result = await fn(call.input);
  // A subscription answers with a stream: opening it is enough, and it must not be left running.
  if (type === 'subscription' && result && typeof (result as AsyncIterator<unknown>).return === 'function') await (result as AsyncIterator<unknown>).return!();
  return result;
}

async function isAlive(t: Tenant) {
  const caller = callerFor({ userId: t.owner.userId, organizationId: t.organizationId });
  return Promise.all([caller.account.me(), caller.organization.get()]).then(
    () => true,
    () => false,
  );
}

beforeAll(async () => {
  vi.stubEnv('RATE_LIMIT_PER_MINUTE', '100000000');
  vi.stubEnv('RATE_LIMIT_PUBLIC_PER_MINUTE', '100000000');
  vi.stubEnv('RATE_LIMIT_AUTH_PER_MINUTE', '100000000');
  [a, b] = await Promise.all([newTenant('trpc-fuzz-a'), newTenant('trpc-fuzz-b')]);
}, 60_000);

afterAll(() => {
  vi.unstubAllEnvs();
  const rows = [...seen].map(([p, outcomes]) => `  ${p.padEnd(34)} ${[...outcomes].map(([o, n]) => `${o}×${n}`).join(' ')}`);
  console.log(`[fuzz] tRPC outcomes by procedure (seed ${budget.seed}):\n${rows.join('\n')}`);
});

describe('tRPC fuzz: bad input never breaks a procedure', () => {
  it('covers every procedure of the router', () => {
    expect(procedures.length).toBeGreaterThan(0);
  });

  for (const procedure of procedures) {
    it(procedure.path, async () => {
      if (!(await isAlive(a))) a = await newTenant('trpc-fuzz-a');
      const outcomes = new Map<string, number>();
      seen.set(procedure.path, outcomes);
      const resolve = resolverFor(procedure.schema ?? {});
      const who = fc.oneof(
        { arbitrary: fc.constant({ userId: a.owner.userId as string | null, organizationId: a.organizationId as string | null, note: 'owner' }), weight: 8 },
        { arbitrary: fc.constant({ userId: a.owner.userId, organizationId: b.organizationId, note: "owner, another tenant's organization" }), weight: 1 },
        { arbitrary: fc.constant({ userId: a.owner.userId, organizationId: null, note: 'owner, active organization' }), weight: 1 },
        { arbitrary: fc.constant({ userId: null, organizationId: null, note: 'signed out' }), weight: 1 },
        { arbitrary: fc.constantFrom('x', '-'.repeat(36), 'a\u0000b', randomUUID()).map((org) => ({ userId: a.owner.userId, organizationId: org, note: `organization ${JSON.stringify(org)}` })), weight: 1 },
      );
      const input = fc.oneof(
        { arbitrary: mutated(validValue(procedure.schema, resolve)).map(({ mutation, value }) => ({ input: value, note: mutation })), weight: 8 },
        { arbitrary: hostileValue.map((value) => ({ input: value, note: 'hostile' })), weight: 2 },
        { arbitrary: fc.constant({ input: undefined as unknown, note: 'no input' }), weight: 1 },
      );
      const calls = fc.tuple(who, input).map(([w, i]): Call => ({ userId: w.userId, organizationId: w.organizationId, input: i.input, note: `${w.note}; ${i.note}` }));
      const valid = sampleValue(procedure.schema, resolve, seedFor(budget.seed, procedure.path));
      const examples = systematicValues(valid).map(({ note, value }): Call => ({ userId: a.owner.userId, organizationId: a.organizationId, input: value, note: `systematic: ${note}` }));

      await fuzzTarget(
        calls,
        examples,
        async (call) => {
          try {
            await invoke(procedure.path, procedure.type, call);
            outcomes.set('ok', (outcomes.get('ok') ?? 0) + 1);
          } catch (error) {
            const described = `${procedure.path} (${call.note}) with ${JSON.stringify(call.input)?.slice(0, 300)}`;
            if (!(error instanceof TRPCError)) throw new Error(`threw a ${(error as Error)?.name} instead of a TRPCError: ${described}`);
            outcomes.set(error.code, (outcomes.get(error.code) ?? 0) + 1);
            const status = getHTTPStatusCodeFromError(error);
            if (status >= 500) throw new Error(`answered ${error.code} (${status}): ${described}\n  ${error.message}`);
            const appCode = (error.cause as { code?: string } | undefined)?.code;
            if (appCode && error.cause?.name === 'AppError' && !(appCode in ERROR_STATUS)) throw new Error(`unknown code ${appCode}: ${described}`);
            const leaks = leaksIn(error.message);
            if (leaks.length) throw new Error(`leaks ${leaks.join(', ')}: ${described}\n  ${error.message}`);
          }
        },
        { seed: seedFor(budget.seed, procedure.path), numRuns: budget.maxRunsPerTarget, timeLimitMs: perProcedureMs },
      );
      // Not vacuous: some calls got past sign-in and the rate limit to the procedure itself.
      const reached = [...outcomes].filter(([o]) => o !== 'UNAUTHORIZED' && o !== 'TOO_MANY_REQUESTS').reduce((n, [, c]) => n + c, 0);
      expect(reached, `${procedure.path}: ${JSON.stringify([...outcomes])}`).toBeGreaterThan(0);
    }, perProcedureMs + 60_000);
  }
});

