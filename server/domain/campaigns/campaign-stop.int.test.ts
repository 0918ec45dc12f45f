// A campaign over the Twilio protocol (a local HTTP server speaking it): a 429 with Retry-After: 1 is retried no sooner
// than a second later and is not a failed try; a spool deferred by a 429 is not sent once the campaign is stopped (it
// goes back to the campaign and a start sends it); stop sends nothing more within a second, start resumes with exactly
// what is left, and the campaign is completed only when every transmission has settled. A message still with the
// gateway when the campaign stops is counted, and announced, once it is sent.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PERMISSIONS } from '../../auth/permissions';
import type { Ctx } from '../../context';
import { db } from '../../db';
import { stopJobBoss } from '../../jobs/boss';
import { startWorker, type WorkerHandle } from '../../jobs/worker';
import { api } from '../../test/api-client';
import { newTenant, type Tenant } from '../../test/factories';
import { GatewayPeer } from '../../test/gateway-peers';
import { createCampaign, getCampaign } from './manage-campaigns';
import { startCampaign, stopCampaign } from './run-campaign';
import { until } from '../../test/until';

const twilio = new GatewayPeer('twilio');
let worker: WorkerHandle;
let t: Tenant;
let ctx: Ctx;
let programId: string;
let exchange = 200;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function must(p: ReturnType<typeof api>, status: number): Promise<any> {
  const r = await p;
  if (r.status !== status) throw new Error(`${status} expected, got ${r.status}: ${r.text}`);
  return r.body;
}

async function groupOf(n: number): Promise<{ groupId: string; phones: string[] }> {
  const prefix = String(exchange++);
  const group = await db.contactGroup.create({ data: { organizationId: t.organizationId, name: `G${prefix}` } });
  const phones = Array.from({ length: n }, (_, i) => `+1312${prefix}${String(i).padStart(4, '0')}`);
  const contacts = await db.contact.createManyAndReturn({ data: phones.map((phone, i) => ({ organizationId: t.organizationId, firstName: `S${i}`, phone })), select: { id: true } });
  await db.contactGroupMember.createMany({ data: contacts.map((c) => ({ groupId: group.id, contactId: c.id })) });
  return { groupId: group.id, phones };
}

const requestsTo = (phones: string[]) => twilio.received.filter((r) => phones.includes(r.form.get('To') ?? ''));
const spoolsOf = (campaignId: string) => db.spool.findMany({ where: { transmission: { campaignId } } });

beforeAll(async () => {
  process.env.PROVIDER_ALLOW_PRIVATE_HOSTS = 'true';
  await twilio.start();
  t = await newTenant('campaign-stop');
  ctx = { organizationId: t.organizationId, actor: { kind: 'apiKey', id: t.apiKeyId, createdById: null }, permissions: new Set(PERMISSIONS), requestId: 'test' };
  const h = t.keyHeaders;
  const text = await must(api('POST', '/messages/texts', { headers: h, json: { name: 'Hi', data: 'Hi {{firstName}}' } }), 201);
  programId = (await must(api('POST', '/programs/sendsms', { headers: h, json: { textId: text.id } }), 201)).programId;
  await must(api('POST', '/accounts', { headers: h, json: { name: 'Line', type: 'phone', address: '+13125550000' } }), 201);
  await must(api('POST', '/providers', { headers: h, json: { name: 'Twilio', type: 'twilio', serviceFlags: ['sms'], host: twilio.url, username: twilio.credentials.username, password: twilio.credentials.password, settings: { timeoutSeconds: 2 } } }), 201);
  worker = await startWorker({ queues: ['transmissions.deliver', 'campaigns.dispatch'], concurrency: 4 });
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await stopJobBoss(1000);
  await twilio.stop();
  delete process.env.PROVIDER_ALLOW_PRIVATE_HOSTS;
});

it('honours a 429 with Retry-After: 1 (no sooner, not a failed try) and completes only once it is sent', async () => {
  const { groupId, phones } = await groupOf(1);
  twilio.mode = { kind: 'throttle', retryAfter: '1', times: 1 };
  // One try allowed: were the 429 counted as a failed try, the contact would never get the message.
  const c = await createCampaign({ ctx, input: { programId, groupId, cpm: 600, tryAllowed: 1 } });
  await startCampaign({ ctx, id: c.id });
  await until(() => requestsTo(phones).length, (n) => n >= 1);
  // Deferred, not settled: the campaign is still running.
  expect((await getCampaign({ ctx, id: c.id })).status).toBe('running');
  const done = await until(() => getCampaign({ ctx, id: c.id }), (v) => v.status === 'completed');
  expect(done.counts).toMatchObject({ total: 1, sent: 1, failed: 0 });
  const [first, second, ...more] = requestsTo(phones);
  expect(more).toHaveLength(0);
  expect(second!.headers['i-twilio-idempotency-token']).toBe(first!.headers['i-twilio-idempotency-token']);
  expect(second!.at - first!.at).toBeGreaterThanOrEqual(1000);
  const spools = await spoolsOf(c.id);
  expect(spools).toHaveLength(1);
  expect(spools[0]).toMatchObject({ status: 'completed', deferrals: 1 });
});

it('does not send a deferred spool once the campaign is stopped; start sends it', async () => {
  const { groupId, phones } = await groupOf(1);
  twilio.mode = { kind: 'throttle', retryAfter: '2', times: 1 };
  const c = await createCampaign({ ctx, input: { programId, groupId, cpm: 600 } });
  await startCampaign({ ctx, id: c.id });
  await until(() => requestsTo(phones).length, (n) => n >= 1);
  await until(() => spoolsOf(c.id), (s) => s[0]?.deferredUntil != null);
  await stopCampaign({ ctx, id: c.id });
  await new Promise((r) => setTimeout(r, 3500));
  expect(requestsTo(phones)).toHaveLength(1);
  // Given back to the campaign: nothing reached the contact, so nothing is on record as a try.
  expect(await getCampaign({ ctx, id: c.id })).toMatchObject({ status: 'stopped', counts: { total: 1, pending: 1, sent: 0, processing: 0 } });
  await startCampaign({ ctx, id: c.id });
  const done = await until(() => getCampaign({ ctx, id: c.id }), (v) => v.status === 'completed');
  expect(done.counts).toMatchObject({ total: 1, sent: 1 });
  expect(requestsTo(phones)).toHaveLength(2);
});

it('stop sends nothing more within a second; start resumes with exactly what is left', { timeout: 90_000 }, async () => {
  const { groupId, phones } = await groupOf(60);
  const c = await createCampaign({ ctx, input: { programId, groupId, cpm: 600 } });
  await startCampaign({ ctx, id: c.id });
  await until(() => requestsTo(phones).length, (n) => n >= 10);
  await stopCampaign({ ctx, id: c.id });
  const stoppedAt = Date.now();
  await new Promise((r) => setTimeout(r, 3000));
  const after = requestsTo(phones).filter((r) => r.at > stoppedAt + 1000);
  expect(after).toHaveLength(0);
  const sentBefore = new Set(requestsTo(phones).map((r) => r.form.get('To')));
  const mid = await getCampaign({ ctx, id: c.id });
  expect(mid.counts).toMatchObject({ total: 60, sent: sentBefore.size, pending: 60 - sentBefore.size, processing: 0 });
  expect(sentBefore.size).toBeLessThan(60);

  await startCampaign({ ctx, id: c.id });
  const done = await until(() => getCampaign({ ctx, id: c.id }), (v) => v.status === 'completed', 60_000);
  expect(done.counts).toMatchObject({ total: 60, sent: 60, pending: 0 });
  // Exactly what was left: each contact once, none twice.
  const all = requestsTo(phones).map((r) => r.form.get('To'));
  expect(all).toHaveLength(60);
  expect(new Set(all).size).toBe(60);
});

it('a message with the gateway when the campaign stops is announced once sent (an open page shows the right counts)', async () => {
  const { groupId, phones } = await groupOf(1);
  twilio.mode = { kind: 'slow', ms: 1500 };
  try {
    const c = await createCampaign({ ctx, input: { programId, groupId, cpm: 600 } });
    await startCampaign({ ctx, id: c.id });
    await until(() => requestsTo(phones).length, (n) => n >= 1);
    // Handed to the gateway, not answered yet: the stop announces what is sent so far (nothing).
    await stopCampaign({ ctx, id: c.id });
    expect((await getCampaign({ ctx, id: c.id })).counts.sent).toBe(0);
    await until(() => getCampaign({ ctx, id: c.id }), (v) => v.counts.sent === 1 && v.counts.processing === 0);
    // The campaign's page follows campaign.progress: its newest one must say so too.
    const lastAnnounced = async () => {
      const [e] = await db.realtimeEvent.findMany({ where: { organizationId: t.organizationId, type: 'campaign.progress', subject: `campaign:${c.id}` }, orderBy: { id: 'desc' }, take: 1 });
      return (e?.payload as { status: string; counts: { sent: number } } | undefined) ?? null;
    };
    const last = await until(lastAnnounced, (p) => p?.counts.sent === 1, 10_000);
    expect(last?.status).toBe('stopped');
  } finally {
    twilio.mode = { kind: 'ok' };
  }
});
