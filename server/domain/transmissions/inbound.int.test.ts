// Provider webhooks: each protocol's signature checked (none: 401, wrong: 403, nothing changes), receipts refine
// spools, inbound SMS and email become inbound transmissions of the right contact and account, announced in realtime.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db';
import { api } from '../../test/api-client';
import { newTenant, type Tenant } from '../../test/factories';
import { httpSignature, twilioSignature } from '../../providers/outbound/webhook-signatures';
import { inboundUrlOf, kannelInboundToken } from '../providers/manage-providers';
import { tinyPdf } from '../../test/outbound';
import * as mediaRoute from '@/app/media/[id]/route';

let t: Tenant;
let other: Tenant;
const token = 'twilio-auth-token-0123456789';
const hmacKey = 'http-gateway-signing-key';
let twilioId: string;
let httpId: string;
let kannelId: string;
let phone: string;
let accountPhone: string;
let contactId: string;

const form = (params: Record<string, string>) => new URLSearchParams(params).toString();
const twilioPost = (kind: string, params: Record<string, string>, signature?: string, providerId = twilioId) =>
  api('POST', `/inbound/${providerId}/${kind}`, {
    body: form(params),
    contentType: 'application/x-www-form-urlencoded',
    headers: { ...(signature !== undefined && { 'x-twilio-signature': signature }), 'x-pitchcraft-peer': `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` },
  });
const sign = (kind: string, params: Record<string, string>, key = token, providerId = twilioId) => twilioSignature(key, inboundUrlOf({ id: providerId, type: 'twilio' }, kind), Object.entries(params));

beforeAll(async () => {
  process.env.PROVIDER_ALLOW_PRIVATE_HOSTS = 'true';
  [t, other] = await Promise.all([newTenant('inbound'), newTenant('inbound-other')]);
  const h = t.keyHeaders;
  const n = String(Math.floor(Math.random() * 9000) + 1000);
  phone = `+1202557${n}`;
  accountPhone = `+1202558${n}`;
  contactId = (await api('POST', '/contacts', { headers: h, json: { firstName: 'Ivy', phone, email: `ivy-${n}@example.test` } })).body.id;
  const account = await api('POST', '/accounts', { headers: h, json: { name: 'Line', type: 'phone', address: accountPhone } });
  await api('POST', '/programs/receivesms', { headers: h, json: { accountId: account.body.id } });
  twilioId = (await api('POST', '/providers', { headers: h, json: { name: 'T', type: 'twilio', serviceFlags: ['sms'], host: 'http://127.0.0.1:9', username: 'AC1', password: token, active: false } })).body.id;
  httpId = (await api('POST', '/providers', { headers: h, json: { name: 'H', type: 'http', serviceFlags: ['sms'], host: 'http://127.0.0.1:9', password: hmacKey, active: false } })).body.id;
  kannelId = (await api('POST', '/providers', { headers: h, json: { name: 'K', type: 'kannel', serviceFlags: ['sms'], host: '127.0.0.1', port: 9, username: 'u', password: 'p', active: false } })).body.id;
});

describe('inbound webhooks', () => {
  it('Twilio: no signature 401, a wrong one 403 (nothing stored); a signed SMS becomes an inbound transmission of the contact', async () => {
    const params = { From: phone, To: accountPhone, Body: 'Yes please, call me', MessageSid: 'SMin1' };
    const before = await db.transmission.count({ where: { organizationId: t.organizationId, direction: 'inbound' } });
    expect((await twilioPost('sms', params)).status).toBe(401);
    expect((await twilioPost('sms', params, sign('sms', params, 'another-token'))).status).toBe(403);
    expect((await twilioPost('sms', { ...params, Body: 'tampered' }, sign('sms', params))).status).toBe(403);
    expect(await db.transmission.count({ where: { organizationId: t.organizationId, direction: 'inbound' } })).toBe(before);
    const ok = await twilioPost('sms', params, sign('sms', params));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/text\/xml/);
    expect(ok.text).toContain('<Response>');
    const inbox = await api('GET', '/transmissions?direction=inbound', { headers: t.keyHeaders });
    expect(inbox.body.results[0]).toMatchObject({ direction: 'inbound', status: 'completed', contactId, remoteAddress: phone, localAddress: accountPhone, body: 'Yes please, call me', program: { type: 'receivesms' } });
    const event = await db.realtimeEvent.findFirst({ where: { organizationId: t.organizationId, type: 'transmission.updated' }, orderBy: { id: 'desc' } });
    expect(event).toMatchObject({ permission: 'transmissions:read', subject: `transmission:${inbox.body.results[0].id}` });
    // Not another organization's view.
    expect((await api('GET', '/transmissions?direction=inbound', { headers: other.keyHeaders })).body.count).toBe(0);
  });

  it('a gateway posting many webhooks from one address is not refused at the public budget (a campaign’s receipts)', async () => {
    const publicBudget = Number(process.env.RATE_LIMIT_PUBLIC_PER_MINUTE ?? 120);
    const headers = { 'x-twilio-signature': 'unsigned', 'x-pitchcraft-peer': '10.77.1.1' };
    const statuses: number[] = [];
    for (let i = 0; i < publicBudget + 30; i += 10) {
      const batch = await Promise.all(Array.from({ length: 10 }, (_, j) => api('POST', `/inbound/${twilioId}/receipt`, { body: form({ MessageSid: `SMr${i + j}`, MessageStatus: 'delivered' }), contentType: 'application/x-www-form-urlencoded', headers })));
      statuses.push(...batch.map((r) => r.status));
    }
    // Every one was answered on its merits (a wrong signature), none with 429.
    expect(statuses.length).toBeGreaterThan(publicBudget);
    expect(new Set(statuses)).toEqual(new Set([403]));
  });

  it('Twilio receipts refine the spool by its sid: delivered, then a failure fails the transmission', async () => {
    const tr = await db.transmission.create({ data: { organizationId: t.organizationId, contactId, status: 'completed' } });
    const spool = await db.spool.create({ data: { organizationId: t.organizationId, transmissionId: tr.id, providerId: twilioId, status: 'completed', providerMessageId: 'SMreceipt1' } });
    const delivered = { MessageSid: 'SMreceipt1', MessageStatus: 'delivered' };
    expect((await twilioPost('receipt', delivered, sign('receipt', delivered))).status).toBe(204);
    expect(await db.spool.findUniqueOrThrow({ where: { id: spool.id } })).toMatchObject({ status: 'completed', deliveryStatus: 'delivered', deliveredAt: expect.any(Date) });
    const failed = { MessageSid: 'SMreceipt1', MessageStatus: 'undelivered', ErrorCode: '30003' };
    expect((await twilioPost('receipt', failed)).status).toBe(401);
    expect((await twilioPost('receipt', failed, sign('receipt', failed))).status).toBe(204);
    expect(await db.spool.findUniqueOrThrow({ where: { id: spool.id } })).toMatchObject({ status: 'failed', deliveryStatus: 'undelivered', error: 'Twilio error 30003' });
    expect(await db.transmission.findUniqueOrThrow({ where: { id: tr.id } })).toMatchObject({ status: 'failed' });
  });

  it('HTTP gateway: HMAC-SHA256 over timestamp.body; stale or wrong is refused; email arrives with its subject', async () => {
    const body = JSON.stringify({ from: phone, to: accountPhone, text: 'Hello from HTTP' });
    const ts = String(Math.floor(Date.now() / 1000));
    const post = (headers: Record<string, string>, b = body, kind = 'sms') => api('POST', `/inbound/${httpId}/${kind}`, { body: b, contentType: 'application/json', headers });
    expect((await post({})).status).toBe(401);
    expect((await post({ 'x-pitchcraft-timestamp': ts, 'x-pitchcraft-signature': httpSignature('nope', ts, body) })).status).toBe(403);
    const old = String(Math.floor(Date.now() / 1000) - 600);
    expect((await post({ 'x-pitchcraft-timestamp': old, 'x-pitchcraft-signature': httpSignature(hmacKey, old, body) })).status).toBe(403);
    const ok = await post({ 'x-pitchcraft-timestamp': ts, 'x-pitchcraft-signature': httpSignature(hmacKey, ts, body) });
    expect(ok.status).toBe(200);
    expect(await db.transmission.findUniqueOrThrow({ where: { id: ok.body.transmissionId } })).toMatchObject({ body: 'Hello from HTTP', contactId });
    const email = JSON.stringify({ from: 'someone@example.test', to: 'sales@example.test', subject: 'Question', text: 'Is it in stock?' });
    const sent = await post({ 'x-pitchcraft-timestamp': ts, 'x-pitchcraft-signature': httpSignature(hmacKey, ts, email) }, email, 'email');
    expect(await db.transmission.findUniqueOrThrow({ where: { id: sent.body.transmissionId } })).toMatchObject({ subject: 'Question', body: 'Is it in stock?', contactId: null });
    const bad = '[1,2]';
    expect((await post({ 'x-pitchcraft-timestamp': ts, 'x-pitchcraft-signature': httpSignature(hmacKey, ts, bad) }, bad)).status).toBe(400);
  });

  it('HTTP gateway fax: the signed JSON carries the PDF (base64); it becomes an inbound transmission whose faxUrl serves that PDF without a session', async () => {
    const h = t.keyHeaders;
    const faxAccount = await api('POST', '/accounts', { headers: h, json: { name: 'Fax line', type: 'phone', address: `+1202559${String(Math.floor(Math.random() * 9000) + 1000)}` } });
    const program = await api('POST', '/programs/receivefax', { headers: h, json: { accountId: faxAccount.body.id } });
    const pdf = tinyPdf();
    const ts = String(Math.floor(Date.now() / 1000));
    const post = (json: Record<string, unknown>) => {
      const b = JSON.stringify(json);
      return api('POST', `/inbound/${httpId}/fax`, { body: b, contentType: 'application/json', headers: { 'x-pitchcraft-timestamp': ts, 'x-pitchcraft-signature': httpSignature(hmacKey, ts, b) } });
    };
    const media = () => db.media.count({ where: { organizationId: t.organizationId, kind: 'pdf' } });
    const before = await media();
    // Bad input changes nothing: no PDF, not base64, not a PDF.
    expect((await post({ from: phone, to: faxAccount.body.address })).status).toBe(400);
    expect((await post({ from: phone, to: faxAccount.body.address, pdf: 'not base64!' })).status).toBe(400);
    expect((await post({ from: phone, to: faxAccount.body.address, pdf: Buffer.from('hello, not a pdf').toString('base64') })).status).toBe(415);
    expect(await db.media.count({ where: { organizationId: t.organizationId, kind: 'pdf', status: 'ready' } })).toBe(0);
    const ok = await post({ from: phone, to: faxAccount.body.address, subject: 'Signed order', pdf: Buffer.from(pdf).toString('base64') });
    expect(ok.status).toBe(200);
    expect(await media()).toBe(before + 1);
    const got = await api('GET', `/transmissions/${ok.body.transmissionId}`, { headers: h });
    expect(got.body).toMatchObject({ direction: 'inbound', contactId, title: 'Signed order', program: { id: program.body.programId, type: 'receivefax' }, faxUrl: expect.stringMatching(/\/media\/[0-9a-f-]{36}\?expires=\d+&sig=/) });
    const url = new URL(got.body.faxUrl);
    const file = await mediaRoute.GET(new Request(url), { params: Promise.resolve({ id: url.pathname.split('/')[2]! }) });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);
    // Deleting the transmission deletes the fax.
    expect((await api('DELETE', `/transmissions/${ok.body.transmissionId}`, { headers: h })).status).toBe(204);
    expect(await db.media.findUnique({ where: { id: url.pathname.split('/')[2]! } })).toBeNull();
  });

  it('an SMTP provider receives nothing by webhook (SMTP is a sending relay): every kind is 404 and it lists no inbound addresses', async () => {
    const smtp = await api('POST', '/providers', { headers: t.keyHeaders, json: { name: 'Relay', type: 'smtp', serviceFlags: ['email', 'fax'], host: '127.0.0.1', port: 9, username: 'u', password: 'p', settings: { faxDomain: 'fax.example.test' }, active: false } });
    expect(smtp.status, smtp.text).toBe(201);
    expect(smtp.body.inboundUrls).toEqual({});
    for (const kind of ['sms', 'email', 'fax', 'receipt']) {
      const r = await api('POST', `/inbound/${smtp.body.id}/${kind}`, { body: '{}', contentType: 'application/json' });
      expect(r.status).toBe(404);
      expect(r.body.detail).toMatch(/smtp/);
    }
  });

  it('Kannel: the provider’s token (GET, as Kannel calls); a delivery report by spool id', async () => {
    const tok = kannelInboundToken(kannelId);
    expect((await api('GET', `/inbound/${kannelId}/sms?from=${encodeURIComponent(phone)}&to=${encodeURIComponent(accountPhone)}&text=hi`)).status).toBe(401);
    expect((await api('GET', `/inbound/${kannelId}/sms?token=wrong&from=1&to=2&text=hi`)).status).toBe(403);
    const ok = await api('GET', `/inbound/${kannelId}/sms?token=${tok}&from=${encodeURIComponent(phone)}&to=${encodeURIComponent(accountPhone)}&text=${encodeURIComponent('Hallo Kannel')}`);
    expect(ok.status).toBe(200);
    expect(await db.transmission.findUniqueOrThrow({ where: { id: ok.body.transmissionId } })).toMatchObject({ body: 'Hallo Kannel', contactId });
    const tr = await db.transmission.create({ data: { organizationId: t.organizationId, contactId, status: 'completed' } });
    const spool = await db.spool.create({ data: { organizationId: t.organizationId, transmissionId: tr.id, providerId: kannelId, status: 'completed' } });
    expect((await api('GET', `/inbound/${kannelId}/receipt?token=${tok}&spool=${spool.id}&type=1&answer=ACK`)).status).toBe(204);
    expect(await db.spool.findUniqueOrThrow({ where: { id: spool.id } })).toMatchObject({ deliveryStatus: 'delivered' });
    // GET is Kannel's only: a Twilio provider answers 405.
    expect((await api('GET', `/inbound/${twilioId}/sms`)).status).toBe(405);
  });

  it('unknown provider, kind or a non-UUID is 404; another organization’s provider receipts cannot touch our spools', async () => {
    expect((await api('POST', `/inbound/00000000-0000-4000-8000-000000000000/sms`, { body: 'x', contentType: 'text/plain' })).status).toBe(404);
    expect((await api('POST', `/inbound/not-a-uuid/sms`, { body: 'x', contentType: 'text/plain' })).status).toBe(404);
    expect((await api('POST', `/inbound/${twilioId}/fax`, { body: 'x', contentType: 'text/plain' })).status).toBe(404);
    const theirs = (await api('POST', '/providers', { headers: other.keyHeaders, json: { name: 'T', type: 'twilio', serviceFlags: ['sms'], host: 'http://127.0.0.1:9', username: 'AC2', password: 'their-token', active: false } })).body.id;
    const tr = await db.transmission.create({ data: { organizationId: t.organizationId, contactId, status: 'completed' } });
    const spool = await db.spool.create({ data: { organizationId: t.organizationId, transmissionId: tr.id, providerId: twilioId, status: 'completed', providerMessageId: 'SMmine' } });
    const params = { MessageSid: 'SMmine', MessageStatus: 'failed' };
    expect((await twilioPost('receipt', params, sign('receipt', params, 'their-token', theirs), theirs)).status).toBe(204);
    expect(await db.spool.findUniqueOrThrow({ where: { id: spool.id } })).toMatchObject({ status: 'completed', deliveryStatus: null });
  });
});

describe('GET /statistics', () => {
  it('counts transmissions (active: pending and processing) and spools (success, failed) of this organization only', async () => {
    const s = await newTenant('tx-stats');
    const contact = (await api('POST', '/contacts', { headers: s.keyHeaders, json: { firstName: 'Stat', phone: '+12025559876' } })).body.id as string;
    const mk = (status: 'pending' | 'processing' | 'completed' | 'failed') => db.transmission.create({ data: { organizationId: s.organizationId, contactId: contact, status } });
    const [, , done, failed] = await Promise.all([mk('pending'), mk('processing'), mk('completed'), mk('failed')]);
    await db.spool.createMany({ data: [
      { organizationId: s.organizationId, transmissionId: done.id, status: 'completed' },
      { organizationId: s.organizationId, transmissionId: failed.id, status: 'failed' },
      { organizationId: s.organizationId, transmissionId: failed.id, status: 'failed' },
    ] });
    const stats = await api('GET', '/statistics', { headers: s.keyHeaders });
    expect(stats.body).toMatchObject({ transmissionsTotal: 4, transmissionsActive: 2, spoolsTotal: 3, spoolsSuccess: 1, spoolsFailed: 2 });
    const past = await api('GET', '/statistics?from=2020-01-01&to=2020-01-02', { headers: s.keyHeaders });
    expect(past.body).toMatchObject({ transmissionsTotal: 0, spoolsTotal: 0 });
    const key = await api('POST', '/api-keys', { headers: s.orgHeaders, json: { name: 'stats only', scopes: ['statistics:read'] } });
    const limited = await api('GET', '/statistics', { headers: { 'x-api-key': key.body.key } });
    expect(limited.body).toMatchObject({ transmissionsTotal: null, spoolsTotal: null });
  });
});
