// Twilio reconcile: a spool handed to Twilio by a worker that died before recording the answer is not sent again
// blindly — the delivery asks Twilio's list-messages API (a local HTTP server speaking Twilio's protocol) for the
// spool's message first, records the one Twilio holds, and sends only when Twilio has none.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { db } from '../../db';
import { stopJobBoss } from '../../jobs/boss';
import type { JobContext } from '../../jobs/job-context';
import { api } from '../../test/api-client';
import { newTenant, type Tenant } from '../../test/factories';
import { GatewayPeer } from '../../test/gateway-peers';
import { deliverSpool } from './deliver-spool';

const twilio = new GatewayPeer('twilio');
let t: Tenant;
let programId: string;
const job: JobContext = { id: 'test', retryCount: 0, retryLimit: 0, signal: new AbortController().signal };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function must(p: ReturnType<typeof api>, status: number): Promise<any> {
  const r = await p;
  if (r.status !== status) throw new Error(`${status} expected, got ${r.status}: ${r.text}`);
  return r.body;
}

/** A queued SMS to a new contact: its spool, not yet attempted (no worker runs in this file). */
async function queuedSms(phone: string): Promise<string> {
  const h = t.keyHeaders;
  const contact = await must(api('POST', '/contacts', { headers: h, json: { firstName: 'Rita', phone } }), 201);
  const tr = await must(api('POST', '/transmissions', { headers: h, json: { contactId: contact.id, programId, title: 'Hello' } }), 201);
  return (await must(api('POST', `/transmissions/${tr.id}/send`, { headers: h }), 201)).spoolId;
}

const posts = (to: string) => twilio.received.filter((r) => r.method === 'POST' && r.form.get('To') === to);
const lists = () => twilio.received.filter((r) => r.method === 'GET');

beforeAll(async () => {
  process.env.PROVIDER_ALLOW_PRIVATE_HOSTS = 'true';
  await twilio.start();
  t = await newTenant('twilio-reconcile');
  const h = t.keyHeaders;
  const text = await must(api('POST', '/messages/texts', { headers: h, json: { name: 'Hi', data: 'Hi {{firstName}}' } }), 201);
  programId = (await must(api('POST', '/programs/sendsms', { headers: h, json: { textId: text.id } }), 201)).programId;
  await must(api('POST', '/accounts', { headers: h, json: { name: 'Line', type: 'phone', address: '+13125550300' } }), 201);
  await must(api('POST', '/providers', { headers: h, json: { name: 'Twilio', type: 'twilio', serviceFlags: ['sms'], host: twilio.url, username: twilio.credentials.username, password: twilio.credentials.password } }), 201);
});

afterAll(async () => {
  await stopJobBoss(1000);
  await twilio.stop();
  delete process.env.PROVIDER_ALLOW_PRIVATE_HOSTS;
});

it('records the message Twilio already holds instead of sending it again', async () => {
  const to = '+13125550301';
  const spoolId = await queuedSms(to);
  await deliverSpool(spoolId, job);
  const first = await db.spool.findUniqueOrThrow({ where: { id: spoolId } });
  expect(first).toMatchObject({ status: 'completed', providerMessageId: expect.stringMatching(/^SM/) });
  expect(first.handedAt).not.toBeNull();
  expect(posts(to)).toHaveLength(1);
  // The worker died after Twilio took the message and before the answer was recorded: the spool is as it was then.
  await db.spool.update({ where: { id: spoolId }, data: { status: 'initiated', providerMessageId: null, endedAt: null, response: undefined, claimedUntil: new Date(Date.now() - 1000) } });
  await db.transmission.update({ where: { id: first.transmissionId }, data: { status: 'processing' } });
  const listsBefore = lists().length;

  await deliverSpool(spoolId, job);
  expect(posts(to)).toHaveLength(1);
  expect(lists().length).toBe(listsBefore + 1);
  expect(lists().at(-1)!.query.get('To')).toBe(to);
  const again = await db.spool.findUniqueOrThrow({ where: { id: spoolId }, include: { transmission: true } });
  expect(again).toMatchObject({ status: 'completed', providerMessageId: first.providerMessageId, response: { reconciled: true }, transmission: { status: 'completed' } });
});

it('sends a handed spool that never reached Twilio, once', async () => {
  const to = '+13125550302';
  const spoolId = await queuedSms(to);
  // Handed over, then the worker died before the request left: Twilio has nothing for it.
  await db.spool.update({ where: { id: spoolId }, data: { handedAt: new Date(), claimedUntil: new Date(Date.now() - 1000) } });
  const listsBefore = lists().length;
  await deliverSpool(spoolId, job);
  expect(lists().length).toBe(listsBefore + 1);
  expect(posts(to)).toHaveLength(1);
  expect(await db.spool.findUniqueOrThrow({ where: { id: spoolId } })).toMatchObject({ status: 'completed', providerMessageId: twilio.messages.find((m) => m.to === to)!.sid });
});

it('deliveries started together are claimed in one statement, and a spool asked for twice is sent once', async () => {
  const spools = await Promise.all(['+13125550311', '+13125550312', '+13125550313'].map(queuedSms));
  // As a worker's batch starts its jobs: all in the same turn, the first spool twice (a job and its retry).
  await Promise.all([...spools, spools[0]!].map((id) => deliverSpool(id, job)));
  for (const to of ['+13125550311', '+13125550312', '+13125550313']) expect(posts(to)).toHaveLength(1);
  const rows = await db.spool.findMany({ where: { id: { in: spools } } });
  expect(rows.map((r) => r.status)).toEqual(['completed', 'completed', 'completed']);
});

it('a fresh spool is sent without asking', async () => {
  const to = '+13125550303';
  const spoolId = await queuedSms(to);
  const listsBefore = lists().length;
  await deliverSpool(spoolId, job);
  expect(lists().length).toBe(listsBefore);
  expect(posts(to)).toHaveLength(1);
});
