// Providers and transmissions over REST with a real worker delivering to local protocol peers: an SMTP server process
// (smtp-server) and HTTP servers speaking Twilio's, the generic HTTP gateway's and Kannel's protocols. Secrets are
// never echoed, SSRF targets are refused, gateway errors fail a spool (429 defers it), schedules fire on time or never,
// and another organization's ids are 404 for every verb.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, sqlRows } from '../../db';
import { AppError, ERROR_STATUS } from '../../errors';
import { Prisma } from '../../generated/prisma/client';
import { attemptable, checkAttempt, sendTransmission, type Attempt } from './send-transmission';
import { PERMISSIONS } from '../../auth/permissions';
import { stopJobBoss } from '../../jobs/boss';
import { startWorker, type WorkerHandle } from '../../jobs/worker';
import { api } from '../../test/api-client';
import { openEventStream as openStream } from '../../test/event-stream';
import { addPerson } from '../../test/coaching';
import { newTenant, type Tenant } from '../../test/factories';
import { GatewayPeer } from '../../test/gateway-peers';
import { tinyPdf } from '../../test/outbound';
import { SmtpSink } from '../../test/smtp-sink';
import { makeWav } from '../../test/wav';
import { signedMediaUrl } from '../../media/signed-link';
import * as mediaRoute from '@/app/media/[id]/route';
import { until } from '../../test/until';

const twilio = new GatewayPeer('twilio');
const httpPeer = new GatewayPeer('http');
const kannel = new GatewayPeer('kannel');
const smtp = new SmtpSink();
let worker: WorkerHandle;
let t: Tenant;
let other: Tenant;

type Setup = { contactId: string; smsProgramId: string; emailProgramId: string; phoneAccountId: string; emailAccountId: string; templateId: string };
let s: Setup;
let o: Setup;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function must(p: ReturnType<typeof api>, status: number): Promise<any> {
  const r = await p;
  if (r.status !== status) throw new Error(`${status} expected, got ${r.status}: ${r.text}`);
  return r.body;
}

async function setup(tenant: Tenant): Promise<Setup> {
  const h = tenant.keyHeaders;
  const n = () => String(Math.floor(Math.random() * 9000) + 1000);
  const contact = await must(api('POST', '/contacts', { headers: h, json: { firstName: 'Ada', lastName: 'Lovelace', phone: `+1202555${n()}`, email: `ada-${n()}@example.test`, custom1: 'Gold' } }), 201);
  const text = await must(api('POST', '/messages/texts', { headers: h, json: { name: 'Hi', data: 'Hi {{firstName}}, your {{custom1}} offer' } }), 201);
  const template = await must(api('POST', '/messages/templates', { headers: h, json: { name: 'Offer', subject: 'Offer for {{firstName}}', body: '<p>Dear {{firstName}} {{lastName}}</p>' } }), 201);
  await must(api('PUT', `/messages/templates/${template.id}/media`, { headers: h, body: tinyPdf() as BodyInit, contentType: 'application/pdf' }), 200);
  const sms = await must(api('POST', '/programs/sendsms', { headers: h, json: { textId: text.id } }), 201);
  const email = await must(api('POST', '/programs/sendemail', { headers: h, json: { templateId: template.id } }), 201);
  const phone = await must(api('POST', '/accounts', { headers: h, json: { name: 'Sales line', type: 'phone', address: `+1202556${n()}` } }), 201);
  const mail = await must(api('POST', '/accounts', { headers: h, json: { name: 'Sales', type: 'email', address: `sales-${n()}@example.test` } }), 201);
  return { contactId: contact.id, smsProgramId: sms.programId, emailProgramId: email.programId, phoneAccountId: phone.id, emailAccountId: mail.id, templateId: template.id };
}

const twilioProvider = (over: Record<string, unknown> = {}) => ({ name: 'Twilio', type: 'twilio', serviceFlags: ['sms', 'voice'], host: twilio.url, username: twilio.credentials.username, password: twilio.credentials.password, settings: { timeoutSeconds: 1 }, ...over });

const statusOf = (tenant: Tenant, id: string) => api('GET', `/transmissions/${id}`, { headers: tenant.keyHeaders }).then((r) => r.body);
const settled = (tenant: Tenant, id: string) => until(() => statusOf(tenant, id), (b) => b.status !== 'processing' && b.status !== 'pending');

async function newTransmission(tenant: Tenant, setupOf: Setup, programId = setupOf.smsProgramId) {
  return must(api('POST', '/transmissions', { headers: tenant.keyHeaders, json: { contactId: setupOf.contactId, programId, title: 'Hello' } }), 201);
}

beforeAll(async () => {
  process.env.PROVIDER_ALLOW_PRIVATE_HOSTS = 'true';
  await Promise.all([twilio.start(), httpPeer.start(), kannel.start(), smtp.start()]);
  [t, other] = await Promise.all([newTenant('tx'), newTenant('tx-other')]);
  [s, o] = await Promise.all([setup(t), setup(other)]);
  worker = await startWorker({ queues: ['transmissions.deliver', 'transmissions.fire'] });
});
afterAll(async () => {
  await worker?.stop();
  await stopJobBoss(1000);
  await Promise.all([twilio.stop(), httpPeer.stop(), kannel.stop(), smtp.stop()]);
  delete process.env.PROVIDER_ALLOW_PRIVATE_HOSTS;
});

describe('providers', () => {
  it('never echoes the secret (create, read, list, replay, update) and a PUT without password keeps it', async () => {
    const created = await api('POST', '/providers', { headers: { ...t.keyHeaders, 'idempotency-key': `prov-${Date.now()}` }, json: twilioProvider({ name: 'Secret check', active: false }) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ hasPassword: true, type: 'twilio', inboundUrls: { sms: expect.stringContaining(`/api/v1/inbound/${created.body.id}/sms`), receipt: expect.any(String) } });
    const replay = await api('POST', '/providers', { headers: { ...t.keyHeaders, 'idempotency-key': `prov-${Date.now()}` }, json: twilioProvider({ name: 'Secret check', active: false }) });
    const reads = [created, replay, await api('GET', `/providers/${created.body.id}`, { headers: t.keyHeaders }), await api('GET', '/providers?limit=200', { headers: t.keyHeaders })];
    for (const r of reads) expect(r.text).not.toContain(twilio.credentials.password);
    const stored = await db.provider.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(stored.passwordSealed).not.toContain(twilio.credentials.password);
    const records = await db.idempotencyRecord.findMany({ where: {} , take: 500, orderBy: { createdAt: 'desc' } });
    expect(JSON.stringify(records)).not.toContain(twilio.credentials.password);
    const { password: _drop, ...withoutPassword } = twilioProvider({ name: 'Renamed', active: false });
    const put = await api('PUT', `/providers/${created.body.id}`, { headers: t.keyHeaders, json: withoutPassword });
    expect(put.body).toMatchObject({ name: 'Renamed', hasPassword: true });
    expect((await db.provider.findUniqueOrThrow({ where: { id: created.body.id } })).passwordSealed).toBe(stored.passwordSealed);
    // The test button reaches the gateway with the kept secret.
    const test = await api('POST', `/providers/${created.body.id}/test`, { headers: t.keyHeaders, json: { to: '+12025550123', from: '+12025550100' } });
    expect(test.body).toMatchObject({ ok: true, messageId: expect.stringMatching(/^SM/) });
    expect(test.text).not.toContain(twilio.credentials.password);
    const wrong = await api('PUT', `/providers/${created.body.id}`, { headers: t.keyHeaders, json: twilioProvider({ name: 'Renamed', active: false, password: 'wrong-token' }) });
    expect(wrong.status).toBe(200);
    const failedTest = await api('POST', `/providers/${created.body.id}/test`, { headers: t.keyHeaders, json: { to: '+12025550123', from: '+12025550100' } });
    expect(failedTest.body).toMatchObject({ ok: false, message: expect.stringMatching(/401/) });
    expect(failedTest.text).not.toContain('wrong-token');
    expect((await api('DELETE', `/providers/${created.body.id}`, { headers: t.keyHeaders })).status).toBe(204);
  });

  it('refuses bad input with 422 and changes nothing', async () => {
    const before = await db.provider.count({ where: { organizationId: t.organizationId } });
    const cases = [
      { ...twilioProvider(), extra: 1 },
      twilioProvider({ serviceFlags: ['email'] }),
      twilioProvider({ serviceFlags: [] }),
      twilioProvider({ host: 'not a url' }),
      twilioProvider({ host: 'ftp://example.com' }),
      twilioProvider({ host: 'http://user:pw@example.com' }),
      twilioProvider({ weight: -1 }),
      { name: 'Mail', type: 'smtp', serviceFlags: ['email'], host: 'http://smtp.example.com' },
      { name: 'Fax', type: 'smtp', serviceFlags: ['fax'], host: '127.0.0.1' },
      { name: 'K', type: 'kannel', serviceFlags: ['voice'], host: '127.0.0.1' },
    ];
    for (const body of cases) {
      const r = await api('POST', '/providers', { headers: t.keyHeaders, json: body });
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(r.body.code).toBe('validation_failed');
    }
    expect(await db.provider.count({ where: { organizationId: t.organizationId } })).toBe(before);
  });

  it('SSRF: loopback, private and a name resolving to loopback are refused without PROVIDER_ALLOW_PRIVATE_HOSTS; link-local and metadata always', async () => {
    const post = (host: string, type = 'http') => api('POST', '/providers', { headers: t.keyHeaders, json: { name: 'x', type, serviceFlags: [type === 'smtp' ? 'email' : 'sms'], host, password: 'k' } });
    delete process.env.PROVIDER_ALLOW_PRIVATE_HOSTS;
    try {
      for (const host of ['http://127.0.0.1:9', 'http://10.0.0.5', 'http://192.168.1.10', 'http://[::1]:80', 'http://localhost:8080']) {
        const r = await post(host);
        expect(r.status, host).toBe(422);
        expect(r.body.errors[0]).toMatchObject({ path: 'host', message: expect.stringMatching(/loopback or private/) });
      }
      expect((await post('localhost', 'smtp')).status).toBe(422);
    } finally {
      process.env.PROVIDER_ALLOW_PRIVATE_HOSTS = 'true';
    }
    for (const host of ['http://169.254.169.254', 'http://[fd00:ec2::254]', 'http://[::ffff:169.254.169.254]', 'http://0.0.0.0:80']) {
      const r = await post(host);
      expect(r.status, host).toBe(422);
      expect(r.body.errors[0].message).toMatch(/never reached/);
    }
  });

  it('is 404 to another organization for every verb, and needs providers:manage to change', async () => {
    const mine = await must(api('POST', '/providers', { headers: t.keyHeaders, json: twilioProvider({ name: 'Mine', active: false }) }), 201);
    for (const [method, path, json] of [['GET', `/providers/${mine.id}`], ['PUT', `/providers/${mine.id}`, twilioProvider()], ['DELETE', `/providers/${mine.id}`], ['POST', `/providers/${mine.id}/test`, { to: '+12025550123' }]] as const) {
      expect((await api(method, path, { headers: other.keyHeaders, json })).status, `${method} ${path}`).toBe(404);
    }
    const manager = await addPerson(t, 'tx-manager', { role: 'manager' });
    expect((await api('GET', '/providers', { headers: manager.headers })).status).toBe(403);
    expect((await api('POST', '/providers', { headers: manager.headers, json: twilioProvider() })).status).toBe(403);
    await must(api('DELETE', `/providers/${mine.id}`, { headers: t.keyHeaders }), 204);
  });
});

describe('transmissions', () => {
  let twilioId: string;
  let smtpId: string;
  beforeAll(async () => {
    twilioId = (await must(api('POST', '/providers', { headers: t.keyHeaders, json: twilioProvider() }), 201)).id;
    smtpId = (await must(api('POST', '/providers', { headers: t.keyHeaders, json: { name: 'Mail', type: 'smtp', serviceFlags: ['email'], host: '127.0.0.1', port: smtp.port, username: 'sink', password: 'smtp-secret-pw', settings: { timeoutSeconds: 2 } } }), 201)).id;
  });

  it('sends an SMS through the Twilio protocol with merge fields from the account’s number; the spool keeps the sid, not the token', async () => {
    const tr = await newTransmission(t, s);
    expect(tr).toMatchObject({ status: 'pending', direction: 'outbound', attempts: 0, lastSpool: null });
    const before = twilio.received.length;
    const sent = await api('POST', `/transmissions/${tr.id}/send`, { headers: t.keyHeaders });
    expect(sent.status).toBe(201);
    expect(sent.body.spoolId).toMatch(/^[0-9a-f-]{36}$/);
    const done = await settled(t, tr.id);
    expect(done).toMatchObject({ status: 'completed', attempts: 1, lastSpool: { id: sent.body.spoolId, status: 'completed', providerMessageId: expect.stringMatching(/^SM/), provider: { id: twilioId } } });
    const req = twilio.received.slice(before).find((r) => r.form.get('Body')?.startsWith('Hi Ada'))!;
    expect(req.form.get('Body')).toBe('Hi Ada, your Gold offer');
    const account = await db.account.findUniqueOrThrow({ where: { id: s.phoneAccountId } });
    expect(req.form.get('From')).toBe(account.address);
    expect(req.headers['i-twilio-idempotency-token']).toBe(sent.body.spoolId);
    const detail = await api('GET', `/transmissions/${tr.id}/detail`, { headers: t.keyHeaders });
    expect(detail.body).toHaveLength(1);
    expect(detail.text).not.toContain(twilio.credentials.password);
    expect((await api('GET', `/spools/${sent.body.spoolId}/status`, { headers: t.keyHeaders })).body).toEqual({ status: 'completed', deliveryStatus: null });
    expect((await api('GET', `/transmissions/${tr.id}/status`, { headers: t.keyHeaders })).body).toEqual({ status: 'completed', statusReason: null });
    expect((await api('GET', `/transmissions/${tr.id}/result`, { headers: t.keyHeaders })).body.steps).toHaveLength(1);
    // Sending again is a conflict; a clone is a new pending transmission.
    expect((await api('POST', `/transmissions/${tr.id}/send`, { headers: t.keyHeaders })).status).toBe(409);
    const clone = await must(api('POST', `/transmissions/${tr.id}/clone`, { headers: t.keyHeaders }), 201);
    expect((await statusOf(t, clone.transmissionId)).status).toBe('pending');
  });

  it('attemptable: the SQL rule that refuses a send or retry in its one round trip says what checkAttempt says, for every combination', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    const rows = (['pending', 'processing', 'completed', 'failed', 'invalid'] as const).flatMap((status) =>
      (['outbound', 'inbound'] as const).flatMap((direction) =>
        [null, id].flatMap((accessLinkId) => [null, id].flatMap((contactId) => [null, id].map((programId) => ({ status, direction, accessLinkId, contactId, programId }))))));
    for (const attempt of ['send', 'retry'] as Attempt[]) {
      const values = Prisma.join(rows.map((r, i) => Prisma.sql`(${i}::int, ${r.status}, ${r.direction}, ${r.accessLinkId}::uuid, ${r.contactId}::uuid, ${r.programId}::uuid)`));
      const passed = new Set((await sqlRows<{ i: number }>(Prisma.sql`SELECT i FROM (VALUES ${values}) AS t(i, status, direction, "accessLinkId", "contactId", "programId") WHERE ${attemptable(attempt)}`)).map((r) => r.i));
      rows.forEach((r, i) => {
        let allowed = true;
        try {
          checkAttempt(attempt, r);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          allowed = false;
        }
        expect({ attempt, ...r, allowed: passed.has(i) }).toEqual({ attempt, ...r, allowed });
      });
      expect(passed.size).toBe(attempt === 'send' ? 5 : 10);
    }
  });

  it('five sends of one transmission at once make one attempt: one 201 with its spool and delivery job, four 409s', async () => {
    const tr = await newTransmission(t, s);
    const jobsOf = async () => Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'transmissions.deliver' AND data->>'organizationId' = ${t.organizationId}`)[0]!.n);
    const jobsBefore = await jobsOf();
    const answers = await Promise.all(Array.from({ length: 5 }, () => api('POST', `/transmissions/${tr.id}/send`, { headers: t.keyHeaders })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409]);
    const spoolId = answers.find((a) => a.status === 201)!.body.spoolId;
    expect((await db.spool.findMany({ where: { transmissionId: tr.id }, select: { id: true } })).map((x) => x.id)).toEqual([spoolId]);
    const jobs = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'transmissions.deliver' AND data->>'spoolId' = ${spoolId}`;
    expect(Number(jobs[0]!.n)).toBe(1);
    // The four refused sends' jobs went with their transactions.
    expect((await jobsOf()) - jobsBefore).toBe(1);
    expect(await settled(t, tr.id)).toMatchObject({ status: 'completed', attempts: 1 });
    expect((await api('POST', `/transmissions/${tr.id}/send`, { headers: t.keyHeaders })).status).toBe(409);
    expect((await jobsOf()) - jobsBefore).toBe(1);
  });

  it('sends asked at once go as one transaction: each its own spool, delivery job and event', async () => {
    const ids = await Promise.all(Array.from({ length: 5 }, async () => (await newTransmission(t, s)).id));
    const ctx = { organizationId: t.organizationId, actor: { kind: 'apiKey' as const, id: crypto.randomUUID(), createdById: null }, permissions: new Set(PERMISSIONS), requestId: 'together' };
    const sent = await Promise.all(ids.map((id) => sendTransmission({ ctx, id })));
    const spools = await db.spool.findMany({ where: { transmissionId: { in: ids } }, select: { id: true, transmissionId: true, startedAt: true } });
    expect(spools.map((x) => x.id).sort()).toEqual(sent.map((x) => x.spoolId).sort());
    // One transaction: now() — each spool's startedAt — is its start.
    expect(new Set(spools.map((x) => x.startedAt.getTime())).size).toBe(1);
    const jobs = await db.$queryRaw<{ spool: string }[]>`SELECT data->>'spoolId' AS spool FROM pgboss.job WHERE name = 'transmissions.deliver' AND data->>'spoolId' = ANY(${sent.map((x) => x.spoolId)}::text[])`;
    expect(jobs.map((j) => j.spool).sort()).toEqual(sent.map((x) => x.spoolId).sort());
    const events = await db.realtimeEvent.findMany({ where: { organizationId: t.organizationId, type: 'transmission.updated', subject: { in: ids.map((id) => `transmission:${id}`) } }, select: { payload: true } });
    expect(events.map((e) => (e.payload as { spoolId?: string; status: string })).filter((p) => p.status === 'processing').map((p) => p.spoolId).sort()).toEqual(sent.map((x) => x.spoolId).sort());
    for (const id of ids) expect(await settled(t, id)).toMatchObject({ status: 'completed', attempts: 1 });
    // One transmission asked three times in one go: one attempt.
    const twice = (await newTransmission(t, s)).id;
    const answers = await Promise.allSettled([twice, twice, twice].map((id) => sendTransmission({ ctx, id })));
    expect(answers.map((a) => (a.status === 'fulfilled' ? 201 : ERROR_STATUS[(a.reason as AppError).code])).sort()).toEqual([201, 409, 409]);
    expect(await db.spool.count({ where: { transmissionId: twice } })).toBe(1);
  });

  it('sends asked at once where some may not be attempted: each gets its own answer, and only the others are sent', async () => {
    const [fresh, again, done] = await Promise.all([newTransmission(t, s), newTransmission(t, s), newTransmission(t, s)]);
    await must(api('POST', `/transmissions/${done.id}/send`, { headers: t.keyHeaders }), 201);
    await settled(t, done.id);
    const theirs = await newTransmission(other, o);
    const ctx = { organizationId: t.organizationId, actor: { kind: 'apiKey' as const, id: crypto.randomUUID(), createdById: null }, permissions: new Set(PERMISSIONS), requestId: 'together' };
    const asked = [fresh.id, again.id, done.id, theirs.id, again.id];
    const answers = await Promise.allSettled(asked.map((id) => sendTransmission({ ctx, id })));
    const status = (a: PromiseSettledResult<unknown>) => (a.status === 'fulfilled' ? 201 : ERROR_STATUS[(a.reason as AppError).code]);
    expect(status(answers[0]!)).toBe(201);
    expect([status(answers[1]!), status(answers[4]!)].sort()).toEqual([201, 409]);
    expect(answers[2]).toMatchObject({ status: 'rejected', reason: { code: 'conflict', message: expect.stringMatching(/sent already/) } });
    expect(status(answers[3]!)).toBe(404);
    expect(await db.spool.count({ where: { transmissionId: theirs.id } })).toBe(0);
    expect(await db.spool.count({ where: { transmissionId: done.id } })).toBe(1);
    for (const id of [fresh.id, again.id]) expect(await settled(t, id)).toMatchObject({ status: 'completed', attempts: 1 });
    expect((await statusOf(other, theirs.id)).status).toBe('pending');
  });

  it('a transmission another transaction holds does not hold up the sends asked with it', async () => {
    const [a, b, held] = await Promise.all([newTransmission(t, s), newTransmission(t, s), newTransmission(t, s)]);
    const ctx = { organizationId: t.organizationId, actor: { kind: 'apiKey' as const, id: crypto.randomUUID(), createdById: null }, permissions: new Set(PERMISSIONS), requestId: 'together' };
    let release!: () => void;
    const locked = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const isHeld = new Promise<void>((resolve) => (holding = resolve));
    const holder = db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Transmission" WHERE id = ${held.id}::uuid FOR UPDATE`;
      holding();
      await locked;
    });
    await isHeld;
    const heldSend = sendTransmission({ ctx, id: held.id });
    const others = await Promise.all([a.id, b.id].map((id) => sendTransmission({ ctx, id })));
    expect(others.map((x) => x.spoolId)).toHaveLength(2);
    expect(await db.spool.count({ where: { transmissionId: held.id } })).toBe(0);
    release();
    await holder;
    expect(await heldSend).toMatchObject({ spoolId: expect.any(String) });
    for (const id of [a.id, b.id, held.id]) expect(await settled(t, id)).toMatchObject({ status: 'completed', attempts: 1 });
  });

  it('a voice message plays its recording: TwiML <Play> names a signed link that serves the WAV without a session; expired or tampered links are 403', async () => {
    const h = t.keyHeaders;
    const wav = makeWav({ seconds: 1 });
    const rec = await must(api('POST', '/messages/recordings', { headers: h, json: { name: 'Greeting' } }), 201);
    await must(api('PUT', `/messages/recordings/${rec.id}/media`, { headers: h, body: wav as BodyInit, contentType: 'audio/wav' }), 200);
    const program = await must(api('POST', '/programs/voicemessage', { headers: h, json: { recordingId: rec.id } }), 201);
    const tr = await newTransmission(t, s, program.programId);
    const before = twilio.received.length;
    await must(api('POST', `/transmissions/${tr.id}/send`, { headers: h }), 201);
    expect(await settled(t, tr.id)).toMatchObject({ status: 'completed', lastSpool: { status: 'completed', providerMessageId: expect.stringMatching(/^CA/) } });
    const call = twilio.received.slice(before).find((r) => r.path.endsWith('/Calls.json'))!;
    const twiml = call.form.get('Twiml')!;
    const href = twiml.match(/<Play>([^<]+)<\/Play>/)![1]!.replaceAll('&amp;', '&');
    const url = new URL(href);
    const { mediaId } = await db.voiceRecording.findUniqueOrThrow({ where: { id: rec.id }, select: { mediaId: true } });
    expect(url.pathname).toBe(`/media/${mediaId}`);
    // No cookie, no key: the link alone opens the audio, whole and by range (players seek).
    const get = (u: string, headers: Record<string, string> = {}) => mediaRoute.GET(new Request(u, { headers }), { params: Promise.resolve({ id: new URL(u).pathname.split('/')[2]! }) });
    const whole = await get(href);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await whole.arrayBuffer()).equals(Buffer.from(wav))).toBe(true);
    const part = await get(href, { range: 'bytes=0-3' });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).toString()).toBe('RIFF');
    // Without the signature the private recording is not public; a tampered signature, a longer expiry or the same
    // signature on another media id is 403; an expired link too.
    expect((await get(`${url.origin}${url.pathname}`)).status).toBe(404);
    const sig = url.searchParams.get('sig')!;
    const expires = Number(url.searchParams.get('expires'));
    const tampered = (sigValue: string, exp: number, id = mediaId!) => `${url.origin}/media/${id}?expires=${exp}&sig=${sigValue}`;
    expect((await get(tampered(`${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`, expires))).status).toBe(403);
    expect((await get(tampered(sig, expires + 3600))).status).toBe(403);
    expect((await get(tampered(sig, expires, s.templateId))).status).toBe(403);
    const old = new URL(signedMediaUrl(mediaId!, 60, Date.now() - 3_600_000));
    const expired = await get(`${url.origin}${old.pathname}${old.search}`);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toMatch(/expired/);
  });

  it('screens follow over realtime: GET /events carries transmission.updated from processing to completed, only to readers of transmissions', async () => {
    const blind = await must(api('POST', '/api-keys', { headers: t.orgHeaders, json: { name: 'contacts only', scopes: ['contacts:read'] } }), 201);
    const [reader, outsider] = await Promise.all([openStream(t.keyHeaders), openStream({ 'x-api-key': blind.key })]);
    try {
      const tr = await newTransmission(t, s);
      await must(api('POST', `/transmissions/${tr.id}/send`, { headers: t.keyHeaders }), 201);
      const mine = () => reader.frames.filter((f) => f.event === 'transmission.updated' && f.data.payload?.id === tr.id).map((f) => f.data.payload?.status);
      await until(async () => mine(), (statuses) => statuses.includes('completed'));
      expect(mine()).toEqual(['processing', 'completed']);
      await new Promise((r) => setTimeout(r, 300));
      expect(outsider.frames.filter((f) => f.event.startsWith('transmission'))).toEqual([]);
    } finally {
      await Promise.all([reader.stop(), outsider.stop()]);
    }
  });

  it('sends an email over SMTP: From the account, merge fields, HTML + text, the attachment, the spool as Message-ID', async () => {
    const tr = await newTransmission(t, s, s.emailProgramId);
    const sent = await must(api('POST', `/transmissions/${tr.id}/send`, { headers: t.keyHeaders }), 201);
    const done = await settled(t, tr.id);
    expect(done.status).toBe('completed');
    await smtp.waitFor((m) => m.some((x) => x.messageId === `<${sent.spoolId}@pitchcraft.mail>`));
    const mail = smtp.messages.find((x) => x.messageId === `<${sent.spoolId}@pitchcraft.mail>`)!;
    const account = await db.account.findUniqueOrThrow({ where: { id: s.emailAccountId } });
    expect(mail.from?.value[0]).toMatchObject({ address: account.address, name: 'Sales' });
    expect(mail.subject).toBe('Offer for Ada');
    expect(mail.html).toContain('Dear Ada Lovelace');
    expect(mail.text).toContain('Dear Ada Lovelace');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]!.contentType).toBe('application/pdf');
    expect(done.lastSpool.provider.id).toBe(smtpId);
    expect(JSON.stringify(done)).not.toContain('smtp-secret-pw');
  });

  it('a 500 fails the spool, a retry makes a new one; a hang past the timeout fails too', async () => {
    const tr = await newTransmission(t, s);
    twilio.mode = { kind: 'error', status: 500 };
    try {
      await must(api('POST', `/transmissions/${tr.id}/send`, { headers: t.keyHeaders }), 201);
      const failed = await settled(t, tr.id);
      expect(failed).toMatchObject({ status: 'failed', statusReason: expect.stringMatching(/500/), lastSpool: { status: 'failed', error: expect.stringMatching(/500/) } });
    } finally {
      twilio.mode = { kind: 'ok' };
    }
    const retry = await must(api('POST', `/transmissions/${tr.id}/retry`, { headers: t.keyHeaders }), 201);
    const done = await settled(t, tr.id);
    expect(done).toMatchObject({ status: 'completed', attempts: 2, lastSpool: { id: retry.spoolId, status: 'completed' } });
    expect((await api('POST', `/transmissions/${tr.id}/retry`, { headers: t.keyHeaders })).status).toBe(409);

    const hung = await newTransmission(t, s);
    twilio.mode = { kind: 'hang' };
    try {
      await must(api('POST', `/transmissions/${hung.id}/send`, { headers: t.keyHeaders }), 201);
      expect(await settled(t, hung.id)).toMatchObject({ status: 'failed', statusReason: expect.stringMatching(/did not answer within 1 s/) });
    } finally {
      twilio.mode = { kind: 'ok' };
    }
  });

  it('a 429 with Retry-After defers the same spool (no sooner than it says) and is not a failed attempt', async () => {
    const tr = await newTransmission(t, s);
    twilio.mode = { kind: 'throttle', retryAfter: '2', times: 1 };
    const started = Date.now();
    const before = twilio.received.length;
    const sent = await must(api('POST', `/transmissions/${tr.id}/send`, { headers: t.keyHeaders }), 201);
    const done = await settled(t, tr.id);
    expect(done).toMatchObject({ status: 'completed', attempts: 1, lastSpool: { id: sent.spoolId, status: 'completed' } });
    const mine = twilio.received.slice(before).filter((r) => r.headers['i-twilio-idempotency-token'] === sent.spoolId);
    expect(mine).toHaveLength(2);
    expect(mine[1]!.at - mine[0]!.at).toBeGreaterThanOrEqual(2000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
  });

  it('a provider’s messages-per-second limit spaces its sends, whichever worker sends them', async () => {
    const kannelId = (await must(api('POST', '/providers', { headers: other.keyHeaders, json: { name: 'Slow Kannel', type: 'kannel', serviceFlags: ['sms'], host: '127.0.0.1', port: kannel.port, username: kannel.credentials.username, password: kannel.credentials.password, settings: { ratePerSecond: 2 } } }), 201)).id;
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await newTransmission(other, o)).id);
    const before = kannel.received.length;
    await Promise.all(ids.map((id) => must(api('POST', `/transmissions/${id}/send`, { headers: other.keyHeaders }), 201)));
    for (const id of ids) expect(await settled(other, id)).toMatchObject({ status: 'completed', lastSpool: { provider: { id: kannelId } } });
    const times = kannel.received.slice(before).map((r) => r.at).sort((a, b) => a - b);
    expect(times).toHaveLength(4);
    // 2 per second: four sends span at least 1.5 s (allowing a little clock slack between the database and this process).
    expect(times[3]! - times[0]!).toBeGreaterThanOrEqual(1400);
    await must(api('DELETE', `/providers/${kannelId}`, { headers: other.keyHeaders }), 204);
  });

  it('without an active provider of the service the attempt fails, saying so', async () => {
    const voice = await must(api('POST', '/programs/voicetts', { headers: other.keyHeaders, json: { text: 'Hello {{firstName}}' } }), 201);
    const tr = await newTransmission(other, o, voice.programId);
    await must(api('POST', `/transmissions/${tr.id}/send`, { headers: other.keyHeaders }), 201);
    expect(await settled(other, tr.id)).toMatchObject({ status: 'failed', statusReason: expect.stringMatching(/No active provider carries voice/) });
  });

  it('bad input is 422 and creates nothing; receive programs send nothing', async () => {
    const before = await db.transmission.count({ where: { organizationId: t.organizationId } });
    for (const json of [{}, { contactId: 'x', programId: s.smsProgramId }, { contactId: s.contactId, programId: s.smsProgramId, status: 'completed' }, { contactId: s.contactId, programId: s.smsProgramId, direction: 'sideways' }, { contactId: s.contactId, programId: s.smsProgramId, accountId: s.emailAccountId }]) {
      const r = await api('POST', '/transmissions', { headers: t.keyHeaders, json });
      expect(r.status, JSON.stringify(json)).toBe(422);
    }
    const receive = await must(api('POST', '/programs/receivesms', { headers: t.keyHeaders, json: { accountId: s.phoneAccountId } }), 201);
    expect((await api('POST', '/transmissions', { headers: t.keyHeaders, json: { contactId: s.contactId, programId: receive.programId } })).status).toBe(422);
    expect((await api('PUT', `/transmissions/${s.contactId}/schedule`, { headers: t.keyHeaders, json: { at: 'tomorrow' } })).status).toBe(422);
    expect(await db.transmission.count({ where: { organizationId: t.organizationId } })).toBe(before);
  });

  it('PUT /programs/{id}/transmissions creates one for the program; GET lists them', async () => {
    const created = await must(api('PUT', `/programs/${s.smsProgramId}/transmissions`, { headers: t.keyHeaders, json: { contactId: s.contactId } }), 201);
    expect(created.programId).toBe(s.smsProgramId);
    const list = await api('GET', `/programs/${s.smsProgramId}/transmissions?limit=200`, { headers: t.keyHeaders });
    expect(list.body.results.map((r: { id: string }) => r.id)).toContain(created.id);
    expect((await api('GET', `/programs/${o.smsProgramId}/transmissions`, { headers: t.keyHeaders })).status).toBe(404);
    expect((await api('PUT', `/programs/${o.smsProgramId}/transmissions`, { headers: t.keyHeaders, json: { contactId: s.contactId } })).status).toBe(404);
    const filtered = await api('GET', '/transmissions?status=pending&direction=outbound&limit=200', { headers: t.keyHeaders });
    expect(filtered.body.results.every((r: { status: string }) => r.status === 'pending')).toBe(true);
    expect((await api('GET', '/transmissions?status=lost', { headers: t.keyHeaders })).status).toBe(422);
  });

  it('tenancy: another organization’s contact, program or account is answered like a missing one; its transmission is 404 for every verb', async () => {
    for (const json of [{ contactId: o.contactId, programId: s.smsProgramId }, { contactId: s.contactId, programId: o.smsProgramId }, { contactId: s.contactId, programId: s.smsProgramId, accountId: o.phoneAccountId }]) {
      const r = await api('POST', '/transmissions', { headers: t.keyHeaders, json });
      expect(r.status, JSON.stringify(json)).toBe(404);
    }
    const theirs = await newTransmission(other, o);
    const verbs: Array<[string, string, unknown?]> = [
      ['GET', `/transmissions/${theirs.id}`], ['DELETE', `/transmissions/${theirs.id}`], ['POST', `/transmissions/${theirs.id}/send`], ['POST', `/transmissions/${theirs.id}/retry`],
      ['POST', `/transmissions/${theirs.id}/clone`], ['PUT', `/transmissions/${theirs.id}/schedule`, { at: new Date(Date.now() + 60_000).toISOString() }], ['DELETE', `/transmissions/${theirs.id}/schedule`],
      ['GET', `/transmissions/${theirs.id}/status`], ['GET', `/transmissions/${theirs.id}/detail`], ['GET', `/transmissions/${theirs.id}/result`],
    ];
    for (const [method, path, json] of verbs) expect((await api(method, path, { headers: t.keyHeaders, json })).status, `${method} ${path}`).toBe(404);
    const theirSent = await must(api('POST', `/transmissions/${theirs.id}/send`, { headers: other.keyHeaders }), 201);
    for (const path of [`/spools/${theirSent.spoolId}/status`, `/spools/${theirSent.spoolId}/result`]) expect((await api('GET', path, { headers: t.keyHeaders })).status, path).toBe(404);
    const list = await api('GET', '/transmissions?limit=200', { headers: t.keyHeaders });
    expect(list.body.results.map((r: { id: string }) => r.id)).not.toContain(theirs.id);
  });

  it('a scheduled send fires within seconds of `at`, never before; a cancelled one never sends', async () => {
    const tr = await newTransmission(t, s);
    const at = new Date(Date.now() + 2500);
    const scheduled = await api('PUT', `/transmissions/${tr.id}/schedule`, { headers: t.keyHeaders, json: { at: at.toISOString() } });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.scheduleId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await statusOf(t, tr.id))).toMatchObject({ status: 'pending', scheduledAt: at.toISOString(), scheduleId: scheduled.body.scheduleId });
    const cancelled = await newTransmission(t, s);
    await must(api('PUT', `/transmissions/${cancelled.id}/schedule`, { headers: t.keyHeaders, json: { at: at.toISOString() } }), 200);
    expect((await api('DELETE', `/transmissions/${cancelled.id}/schedule`, { headers: t.keyHeaders })).status).toBe(204);
    expect((await api('DELETE', `/transmissions/${cancelled.id}/schedule`, { headers: t.keyHeaders })).status).toBe(404);
    expect((await api('PUT', `/transmissions/${tr.id}/schedule`, { headers: t.keyHeaders, json: { at: new Date(Date.now() - 1000).toISOString() } })).status).toBe(422);
    const done = await until(() => statusOf(t, tr.id), (b) => b.status === 'completed', 30_000);
    const spool = await db.spool.findUniqueOrThrow({ where: { id: done.lastSpool.id } });
    expect(spool.startedAt.getTime()).toBeGreaterThanOrEqual(at.getTime());
    expect(spool.startedAt.getTime() - at.getTime()).toBeLessThan(10_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await statusOf(t, cancelled.id)).toMatchObject({ status: 'pending', attempts: 0, scheduledAt: null });
  });
});
