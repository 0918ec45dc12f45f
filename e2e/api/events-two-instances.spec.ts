// GET /api/v1/events across two app instances on one database: a client on A disconnects, events happen on B, and
// reconnecting to A with Last-Event-ID returns exactly the missed events it may see, in order.
import { expect, test } from '@playwright/test';
import { E2E_PORT } from '../../playwright.config';
import { OPEN_BUDGETS, startAppServer, type AppServer } from '../fixtures/app-server';
import { addMember } from '../fixtures/membership';
import { bootstrapTenant } from '../fixtures/tenant';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let a: AppServer;
let b: AppServer;

test.beforeAll(async () => {
  const env = { ...OPEN_BUDGETS, WORKER: 'off' };
  [a, b] = await Promise.all([
    startAppServer({ port: E2E_PORT + 4, databaseUrl: process.env.E2E_DATABASE_URL!, env, quiet: true }),
    startAppServer({ port: E2E_PORT + 5, databaseUrl: process.env.E2E_DATABASE_URL!, env, quiet: true }),
  ]);
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

type SseEvent = { id: string; event: string; data: { type: string; payload: Record<string, unknown> } };

/** Reads an SSE stream until `stop` says so (or the timeout), returning the parsed events. */
async function readEvents(url: string, headers: Record<string, string>, stop: (events: SseEvent[]) => boolean, timeoutMs = 15_000): Promise<SseEvent[]> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const res = await fetch(url, { headers, signal: abort.signal });
  expect(res.status).toBe(200);
  const events: SseEvent[] = [];
  let buffer = '';
  const decoder = new TextDecoder();
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const field = (name: string) => block.match(new RegExp(`^${name}: (.*)$`, 'm'))?.[1];
        if (field('id')) events.push({ id: field('id')!, event: field('event')!, data: JSON.parse(field('data')!) });
      }
      if (stop(events)) break;
    }
  } catch (e) {
    if (!abort.signal.aborted) throw e;
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
  return events;
}

test('a client resumes on instance A with exactly what it missed on B, and nothing it may not see', async ({ request }) => {
  const tenant = await bootstrapTenant(process.env.E2E_BASE_URL!, 'sse-two');
  // The listener is a plain member: it may not see the security log's events.
  const email = `sse-member-${Date.now()}@example.test`;
  const password = 'a long enough password';
  const user = await (await request.post(`${a.url}/api/v1/auth/register`, { data: { email, password, firstName: 'Sse', lastName: 'Member' } })).json();
  await addMember(tenant.organizationId, user.id, 'member');
  const token = (await (await request.post(`${a.url}/api/v1/auth/token`, { data: { email, password } })).json()).access as string;
  const member = { authorization: `Bearer ${token}`, 'x-organization-id': tenant.organizationId };
  const owner = { 'x-api-key': tenant.apiKey };
  const rename = async (server: AppServer, name: string) =>
    expect((await request.patch(`${server.url}/api/v1/organizations/${tenant.organizationId}`, { headers: owner, data: { name } })).status()).toBe(200);

  // Connected to A: the first rename (made on B) arrives through B's NOTIFY and A's listener.
  const firstRead = readEvents(`${a.url}/api/v1/events`, member, (e) => e.some((x) => x.data.payload.name === 'First name'));
  await new Promise((r) => setTimeout(r, 500));
  await rename(b, 'First name');
  const first = await firstRead;
  const seen = first.find((e) => e.data.payload.name === 'First name')!;
  expect(seen.event).toBe('organization.updated');

  // Disconnected: on B, two renames and an API key (an audit event the member may not see).
  await rename(b, 'Second name');
  expect((await request.post(`${b.url}/api/v1/api-keys`, { headers: owner, data: { name: 'hidden from members', scopes: ['organization:read'] } })).status()).toBe(201);
  await rename(b, 'Third name');

  const resumed = await readEvents(`${a.url}/api/v1/events`, { ...member, 'last-event-id': seen.id }, (e) => e.some((x) => x.data.payload.name === 'Third name'));
  expect(resumed.map((e) => [e.event, e.data.payload.name])).toEqual([
    ['organization.updated', 'Second name'],
    ['organization.updated', 'Third name'],
  ]);
  const ids = resumed.map((e) => BigInt(e.id));
  expect(ids[0]! > BigInt(seen.id) && ids[1]! > ids[0]!).toBe(true);

  // The owner's key (holding audit:read) resuming from the same point sees the audit event too, in its place.
  const ownerView = await readEvents(`${a.url}/api/v1/events`, { ...owner, 'last-event-id': seen.id }, (e) => e.some((x) => x.data.payload.name === 'Third name'));
  expect(ownerView.map((e) => e.event)).toEqual(['organization.updated', 'audit.recorded', 'organization.updated']);
});
