// The built-in sink provider against a real PostgreSQL and a real worker: it takes no host or credentials (422 for
// any), a campaign over it delivers every contact's SMS and email through the normal transmissions, spools and provider
// choice — the texts kept in SinkMessage, the emails in the development mailbox — with counts that reconcile, an
// attempt sent again is kept once, and /dev/sink opens to this machine only (and only where the dev pages are on).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../auth/permissions';
import type { Ctx } from '../../context';
import { db } from '../../db';
import { stopJobBoss } from '../../jobs/boss';
import { startWorker, type WorkerHandle } from '../../jobs/worker';
import { sinkAdapter } from '../../providers/outbound/sink-adapter';
import { api } from '../../test/api-client';
import { newTenant, type Tenant } from '../../test/factories';
import { tinyPdf } from '../../test/outbound';
import { getCampaign } from '../campaigns/manage-campaigns';
import { listDevMailbox, readDevMail } from '../mail/dev-mailbox';
import { listEmailLog } from '../mail/list-email-log';
import { listDevSink } from './sink-messages';
import { until } from '../../test/until';

let worker: WorkerHandle;
let t: Tenant;
let other: Tenant;
let ctx: Ctx;
let sinkId: string;
let smsProgramId: string;
let emailProgramId: string;
let phoneAddress: string;

const ctxOf = (tenant: Tenant): Ctx => ({ organizationId: tenant.organizationId, actor: { kind: 'apiKey', id: tenant.apiKeyId, createdById: null }, permissions: new Set(PERMISSIONS), requestId: 'test' });
const SINK = { name: 'Sink', type: 'sink', serviceFlags: ['sms', 'email', 'voice', 'fax'] };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function must(p: ReturnType<typeof api>, status: number): Promise<any> {
  const r = await p;
  if (r.status !== status) throw new Error(`${status} expected, got ${r.status}: ${r.text}`);
  return r.body;
}

/** Runs `fn` with the environment changed, then puts it back. */
async function withEnv(vars: Record<string, string | undefined>, fn: () => Promise<void>) {
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(vars)) if (v === undefined) delete process.env[k];
  else process.env[k] = v;
  try {
    await fn();
  } finally {
    for (const [k, v] of Object.entries(before)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

beforeAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.DEV_PAGES;
  [t, other] = await Promise.all([newTenant('sink'), newTenant('sink-other')]);
  ctx = ctxOf(t);
  const h = t.keyHeaders;
  const text = await must(api('POST', '/messages/texts', { headers: h, json: { name: 'Hi', data: 'Hi {{firstName}}, your service is due' } }), 201);
  const template = await must(api('POST', '/messages/templates', { headers: h, json: { name: 'Offer', subject: 'Offer for {{firstName}}', body: '<p>Dear {{firstName}}</p>' } }), 201);
  await must(api('PUT', `/messages/templates/${template.id}/media`, { headers: h, body: tinyPdf() as BodyInit, contentType: 'application/pdf' }), 200);
  smsProgramId = (await must(api('POST', '/programs/sendsms', { headers: h, json: { textId: text.id } }), 201)).programId;
  emailProgramId = (await must(api('POST', '/programs/sendemail', { headers: h, json: { templateId: template.id } }), 201)).programId;
  phoneAddress = `+1202557${String(Math.floor(Math.random() * 9000) + 1000)}`;
  await must(api('POST', '/accounts', { headers: h, json: { name: 'Sales line', type: 'phone', address: phoneAddress } }), 201);
  await must(api('POST', '/accounts', { headers: h, json: { name: 'Sales', type: 'email', address: 'sales@sink.example.test' } }), 201);
  sinkId = (await must(api('POST', '/providers', { headers: h, json: SINK }), 201)).id;
  worker = await startWorker({ queues: ['transmissions.deliver', 'campaigns.dispatch'], concurrency: 4 });
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await stopJobBoss(1000);
});

describe('a sink provider', () => {
  it('is built in: no host, port, credentials or webhooks; giving one is 422 and changes nothing', async () => {
    const created = await must(api('GET', `/providers/${sinkId}`, { headers: t.keyHeaders }), 200);
    expect(created).toMatchObject({ type: 'sink', host: '', port: null, username: '', hasPassword: false, inboundUrls: {}, serviceFlags: ['sms', 'email', 'voice', 'fax'] });
    const before = await db.provider.count({ where: { organizationId: t.organizationId } });
    for (const [over, path] of [[{ host: 'sink.example.com' }, 'host'], [{ port: 25 }, 'port'], [{ username: 'me' }, 'username'], [{ password: 'secret-pw' }, 'password']] as const) {
      const r = await api('POST', '/providers', { headers: t.keyHeaders, json: { ...SINK, ...over } });
      expect(r.status, path).toBe(422);
      expect(r.body.errors[0]).toMatchObject({ path, message: expect.stringContaining('built in') });
    }
    // Every other type still needs its host (twilio has a default).
    const hostless = await api('POST', '/providers', { headers: t.keyHeaders, json: { name: 'Mail', type: 'smtp', serviceFlags: ['email'] } });
    expect([hostless.status, hostless.body.errors?.[0]]).toEqual([422, expect.objectContaining({ path: 'host', message: 'Enter the host' })]);
    expect(await db.provider.count({ where: { organizationId: t.organizationId } })).toBe(before);
    // Listed by type; it receives nothing by webhook.
    const listed = await must(api('GET', '/providers?type=sink', { headers: t.keyHeaders }), 200);
    expect(listed.results.map((p: { id: string }) => p.id)).toEqual([sinkId]);
    const inbound = await api('POST', `/inbound/${sinkId}/sms`, { json: { from: '+12025550100', text: 'hi' } });
    expect([inbound.status, inbound.body.detail]).toEqual([404, expect.stringContaining('receives nothing')]);
  });

  it('keeps no secret of what it was: a gateway turned into the sink loses its stored password', async () => {
    const twilio = await must(api('POST', '/providers', { headers: t.keyHeaders, json: { name: 'Was Twilio', type: 'twilio', serviceFlags: ['sms'], host: 'https://203.0.113.10', username: 'AC123', password: 'tw-secret-token', active: false } }), 201);
    expect(twilio.hasPassword).toBe(true);
    const turned = await must(api('PUT', `/providers/${twilio.id}`, { headers: t.keyHeaders, json: { ...SINK, name: 'Was Twilio', active: false } }), 200);
    expect(turned).toMatchObject({ type: 'sink', host: '', username: '', hasPassword: false });
    expect((await db.provider.findUniqueOrThrow({ where: { id: twilio.id } })).passwordSealed).toBeNull();
    await must(api('DELETE', `/providers/${twilio.id}`, { headers: t.keyHeaders }), 204);
  });

  it('“Send a test” keeps the message and says where to read it', async () => {
    const sms = await must(api('POST', `/providers/${sinkId}/test`, { headers: t.keyHeaders, json: { to: '+1 202 555 0199', service: 'sms' } }), 200);
    expect(sms).toMatchObject({ ok: true, message: expect.stringContaining('/dev/sink'), messageId: expect.any(String) });
    expect(await db.sinkMessage.findUniqueOrThrow({ where: { id: sms.messageId } })).toMatchObject({ organizationId: t.organizationId, service: 'sms', to: '+1 202 555 0199', from: phoneAddress, text: 'This is a test message from Pitchcraft.' });
    const email = await must(api('POST', `/providers/${sinkId}/test`, { headers: t.keyHeaders, json: { to: 'me@example.test', service: 'email' } }), 200);
    const kept = await db.sinkMessage.findUniqueOrThrow({ where: { id: email.messageId } });
    expect(email.message).toContain(`/dev/mail/${kept.emailMessageId}`);
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id: kept.emailMessageId! } })).toMatchObject({ organizationId: t.organizationId, to: 'me@example.test', subject: 'Pitchcraft test message', status: 'sent', transport: 'sink' });
  });

  it('delivers a campaign’s SMS and email to every contact of the group, and the counts reconcile', async () => {
    const n = 12;
    const tag = Math.random().toString(36).slice(2, 8);
    const group = await db.contactGroup.create({ data: { organizationId: t.organizationId, name: `Sink ${tag}` } });
    const prefix = String(200 + Math.floor(Math.random() * 700));
    const contacts = await db.contact.createManyAndReturn({
      data: Array.from({ length: n }, (_, i) => ({ organizationId: t.organizationId, firstName: `C${i}`, phone: `+1305${prefix}${String(i).padStart(4, '0')}`, email: `c${i}-${tag}@example.test` })),
    });
    await db.contactGroupMember.createMany({ data: contacts.map((c) => ({ groupId: group.id, contactId: c.id })) });
    const campaigns = [];
    for (const programId of [smsProgramId, emailProgramId]) {
      const c = await must(api('POST', '/campaigns', { headers: t.keyHeaders, json: { programId, groupId: group.id, cpm: 1200, tryAllowed: 1 } }), 201);
      await must(api('PUT', `/campaigns/${c.id}/start`, { headers: t.keyHeaders }), 200);
      campaigns.push(c.id as string);
    }
    for (const id of campaigns) await until(() => getCampaign({ ctx, id }), (c) => c.status === 'completed');

    for (const id of campaigns) {
      const campaign = await getCampaign({ ctx, id });
      expect(campaign.counts).toMatchObject({ total: n, sent: n, failed: 0, invalid: 0, pending: 0, processing: 0 });
      const spools = await db.spool.findMany({ where: { transmission: { campaignId: id } } });
      // One attempt each, through the sink, with its message id and the sink's receipt.
      expect(spools).toHaveLength(n);
      expect(new Set(spools.map((s) => s.transmissionId)).size).toBe(n);
      for (const s of spools) expect(s).toMatchObject({ status: 'completed', providerId: sinkId, deliveryStatus: 'delivered', deliveredAt: expect.any(Date) });
      const kept = await db.sinkMessage.findMany({ where: { spoolId: { in: spools.map((s) => s.id) } } });
      expect(kept).toHaveLength(n);
      expect(new Map(kept.map((k) => [k.spoolId, k.id]))).toEqual(new Map(spools.map((s) => [s.id, s.providerMessageId])));
      for (const k of kept) expect(k).toMatchObject({ organizationId: t.organizationId, providerId: sinkId });
    }
    const texts = await db.sinkMessage.findMany({ where: { organizationId: t.organizationId, service: 'sms', to: { in: contacts.map((c) => c.phone) } } });
    expect(texts.map((m) => [m.to, m.from, m.text]).sort()).toEqual(contacts.map((c) => [c.phone, phoneAddress, `Hi ${c.firstName}, your service is due`]).sort());
    // Each email is in the development mailbox, with its attachment noted on the sink's row.
    const mails = await db.emailMessage.findMany({ where: { organizationId: t.organizationId, transport: 'sink', to: { in: contacts.map((c) => c.email!) } } });
    expect(mails.map((m) => [m.to, m.subject, m.status]).sort()).toEqual(contacts.map((c) => [c.email, `Offer for ${c.firstName}`, 'sent']).sort());
    expect(mails.every((m) => m.html.includes('Dear C') && m.from.includes('sales@sink.example.test'))).toBe(true);
    const mailed = await db.sinkMessage.findMany({ where: { emailMessageId: { in: mails.map((m) => m.id) } } });
    expect(mailed).toHaveLength(n);
    expect(mailed.every((m) => (m.attachments as { contentType: string }[])[0]?.contentType === 'application/pdf')).toBe(true);
    // Campaign mail is listed with its transmissions, not in the organization's email log; nothing reached the other one.
    expect((await listEmailLog({ ctx, input: { limit: 100 } })).results.some((e) => e.to.endsWith(`-${tag}@example.test`))).toBe(false);
    expect(await db.sinkMessage.count({ where: { organizationId: other.organizationId } })).toBe(0);
  }, 120_000);

  it('keeps an attempt sent again once, answering the message it kept the first time', async () => {
    const config = { id: sinkId, type: 'sink' as const, host: '', port: null, username: '', password: null, settings: {}, prefix: null };
    const message = { spoolId: crypto.randomUUID(), service: 'email' as const, to: 'again@example.test', from: 'sales@sink.example.test', subject: 'Again', text: 'Once', html: '<p>Once</p>' };
    const first = await sinkAdapter.send(config, message, {});
    const second = await sinkAdapter.send(config, message, {});
    expect(second.messageId).toBe(first.messageId);
    expect(second.response).toMatchObject({ keptBefore: true, readAt: first.response.readAt });
    expect(await db.sinkMessage.count({ where: { spoolId: message.spoolId } })).toBe(1);
    expect(await db.emailMessage.count({ where: { organizationId: t.organizationId, to: 'again@example.test' } })).toBe(1);
    // A provider deleted while sending: the attempt fails, nothing is kept.
    await expect(sinkAdapter.send({ ...config, id: crypto.randomUUID() }, { ...message, spoolId: crypto.randomUUID() }, {})).rejects.toMatchObject({ kind: 'failed' });
  });
});

describe('/dev/sink', () => {
  it('opens to this machine only, and only while the dev pages are on; a remote caller sees no organization’s messages', async () => {
    const mine = await db.sinkMessage.findFirstOrThrow({ where: { organizationId: t.organizationId, service: 'sms' } });
    const page = await listDevSink({ peer: '127.0.0.1', service: 'sms' });
    expect(page.results.length).toBeGreaterThan(0);
    expect(page.results.every((m) => m.service === 'sms')).toBe(true);
    const all = await listDevSink({ peer: '::1', page: 1 });
    expect(all.count).toBeGreaterThanOrEqual(await db.sinkMessage.count({ where: { organizationId: t.organizationId } }));
    expect(all.results[0]).toMatchObject({ organization: { name: expect.any(String) } });
    // This file's texts are the newest (the demo seed's are days old).
    expect(page.results.map((m) => m.id)).toContain(mine.id);
    // An email the sink kept: the mailbox shows it with what was attached.
    const emails = await db.sinkMessage.findMany({ where: { organizationId: t.organizationId, service: 'email', emailMessageId: { not: null } } });
    const mail = emails.find((m) => (m.attachments as unknown[]).length > 0)!;
    expect((await readDevMail({ peer: '127.0.0.1', id: mail.emailMessageId! })).sink).toMatchObject({ provider: 'Sink', attachments: [{ contentType: 'application/pdf' }] });

    for (const peer of ['10.0.0.7', '192.168.1.2', '203.0.113.9', '::ffff:10.1.1.1', '2001:db8::1', null]) {
      await expect(listDevSink({ peer }), String(peer)).rejects.toMatchObject({ code: 'not_found' });
      await expect(readDevMail({ peer, id: mail.emailMessageId! })).rejects.toMatchObject({ code: 'not_found' });
    }
    // Mail configured: the development pages close, unless DEV_PAGES=true opens them (still to this machine only).
    await withEnv({ SMTP_URL: 'smtp://127.0.0.1:2525' }, async () => {
      await expect(listDevSink({ peer: '127.0.0.1' })).rejects.toMatchObject({ code: 'not_found' });
      await expect(listDevMailbox({ peer: '127.0.0.1' })).rejects.toMatchObject({ code: 'not_found' });
      await withEnv({ DEV_PAGES: 'true' }, async () => {
        expect((await listDevSink({ peer: '127.0.0.1' })).count).toBeGreaterThan(0);
        await expect(listDevSink({ peer: '10.0.0.7' })).rejects.toMatchObject({ code: 'not_found' });
      });
    });
    await withEnv({ DEV_PAGES: 'false' }, async () => {
      await expect(listDevSink({ peer: '127.0.0.1' })).rejects.toMatchObject({ code: 'not_found' });
    });
    // Odd paging and filters are read as the first page of everything, never an error.
    expect((await listDevSink({ peer: '127.0.0.1', page: -3, service: 'pigeon' })).page).toBe(1);
  });
});
