// The guard of issue 7: every operation of the OpenAPI document — today's and every one added later — is sent
// generated bad input through its real route handler, with a real tenant's credentials, and must answer without a
// 5xx, with problem+json errors of known codes, and without leaking internals. Seeded (printed) and time-bounded.
// Reproduce a failure: FUZZ_SEED=<seed> [FUZZ_TARGET='POST /api-keys'] npx vitest run server/rest/fuzz.int.test.ts
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openApiDocument } from './openapi/document';
import { api } from '../test/api-client';
import { newTenant } from '../test/factories';
import { fuzzBudget, seedFor } from '../test/fuzz/budget';
import { fuzzTarget } from '../test/fuzz/fuzz-target';
import { callRoute } from '../test/fuzz/call-route';
import { brokenPromises } from '../test/fuzz/invariants';
import { operationsOf, requestFor, type Credentials, type KnownIds } from '../test/fuzz/rest-requests';
import { resolverFor } from '../test/fuzz/schema-arbitrary';
import { systematicRequests } from '../test/fuzz/systematic';

const doc = JSON.parse(JSON.stringify(openApiDocument()));
const resolve = resolverFor(doc);
const operations = operationsOf(doc, resolve).filter((op) => !process.env.FUZZ_TARGET || `${op.method} ${op.template}`.includes(process.env.FUZZ_TARGET));
const budget = fuzzBudget(`REST, ${operations.length} operations`, 40);
const perOperationMs = Math.max(500, Math.floor(budget.totalMs / Math.max(1, operations.length)));
const FUZZ_IP = '198.51.100.77';

type Tenant = Awaited<ReturnType<typeof newTenant>>;
let a: Tenant;
let b: Tenant;
let creds: Credentials;
let ids: KnownIds;
const seen = new Map<string, Map<number, number>>();

async function setUp() {
  [a, b] = await Promise.all([newTenant('fuzz-a'), b && (await isAlive(b)) ? Promise.resolve(b) : newTenant('fuzz-b')]);
  // A key the fuzzer may revoke without losing its own credentials.
  const spare = await api('POST', '/api-keys', { json: { name: 'spare', scopes: ['statistics:read'] }, headers: a.orgHeaders });
  creds = { apiKey: a.apiKey, bearer: a.owner.access, organizationId: a.organizationId, otherOrganizationId: b.organizationId };
  ids = { own: [a.organizationId, spare.body.id, a.owner.userId], foreign: [b.organizationId, b.apiKeyId, b.owner.userId] };
}

async function isAlive(t: Tenant) {
  const [byKey, byToken] = await Promise.all([api('GET', '/me', { headers: t.keyHeaders }), api('GET', `/organizations/${t.organizationId}`, { headers: t.orgHeaders })]);
  return byKey.status === 200 && byToken.status === 200;
}

beforeAll(async () => {
  // The fuzzer is one very busy client: budgets that would answer it 429 would also hide what is behind them.
  vi.stubEnv('RATE_LIMIT_PER_MINUTE', '100000000');
  vi.stubEnv('RATE_LIMIT_PUBLIC_PER_MINUTE', '100000000');
  vi.stubEnv('RATE_LIMIT_AUTH_PER_MINUTE', '100000000');
  await setUp();
}, 60_000);

afterAll(() => {
  vi.unstubAllEnvs();
  const rows = [...seen].map(([op, statuses]) => `  ${op.padEnd(44)} ${[...statuses].sort(([x], [y]) => x - y).map(([s, n]) => `${s}×${n}`).join(' ')}`);
  console.log(`[fuzz] REST answers by operation (seed ${budget.seed}):\n${rows.join('\n')}`);
});

describe('REST fuzz: bad input never breaks an operation', () => {
  it('covers every operation of the document', () => {
    expect(operations.length).toBeGreaterThan(0);
  });

  for (const op of operations) {
    const name = `${op.method} ${op.template}`;
    it(name, async () => {
      // An earlier operation may have deleted the tenant or revoked its key (that is allowed): start from a live one.
      if (!(await isAlive(a))) await setUp();
      const statuses = new Map<number, number>();
      seen.set(name, statuses);
      await fuzzTarget(
        requestFor(op, resolve, creds, ids),
        systematicRequests(op, resolve, creds, ids, seedFor(budget.seed, name)),
        async (request) => {
          const answer = await callRoute({ ...request, headers: { ...request.headers, 'x-pitchcraft-peer': FUZZ_IP } });
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          const broken = brokenPromises(answer);
          if (broken.length > 0) {
            throw new Error(`${broken.join('; ')}\n  request: ${request.notes.join('\n           ')}\n  answer: ${answer.status} ${answer.text.slice(0, 600)}`);
          }
        },
        // The known-dangerous inputs first, every run; then random ones until the operation's share of time is up.
        { seed: seedFor(budget.seed, name), numRuns: budget.maxRunsPerTarget, timeLimitMs: perOperationMs },
      );
      // Not vacuous: some requests got past authentication and the rate limit to the operation itself.
      const reached = [...statuses].filter(([s]) => s !== 401 && s !== 429).reduce((n, [, c]) => n + c, 0);
      expect(reached, `${name}: answers ${JSON.stringify([...statuses])}`).toBeGreaterThan(0);
    }, perOperationMs + 60_000);
  }
});
