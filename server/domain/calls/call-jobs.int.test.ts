// The call lifecycle driven by the job queue, with short timings set here: a call nobody takes is missed; a dealer
// whose pings stop goes offline and their call expires; every transition is a call event and a realtime event.
// Also the loan link sent by email through the platform's mail service.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db';
import { stopJobBoss } from '../../jobs/boss';
import { startWorker, type WorkerHandle } from '../../jobs/worker';
import { api } from '../../test/api-client';
import { newDealer, requestCall } from '../../test/call-factories';
import { newTenant } from '../../test/factories';
import { until } from '../../test/until';

const statusOf = (id: string) => db.call.findUniqueOrThrow({ where: { id }, select: { status: true } }).then((c) => c.status);

describe('call lifecycle jobs', () => {
  let worker: WorkerHandle;
  beforeAll(async () => {
    process.env.CALL_MISSED_AFTER_SECONDS = '1';
    process.env.CALL_PING_TIMEOUT_SECONDS = '2';
    worker = await startWorker({ queues: ['call.miss', 'dealer.check-pings', 'mail.send'] });
  });
  afterAll(async () => {
    await worker.stop();
    await stopJobBoss(1000);
    delete process.env.CALL_MISSED_AFTER_SECONDS;
    delete process.env.CALL_PING_TIMEOUT_SECONDS;
  });

  it('a call nobody accepts is missed after CALL_MISSED_AFTER_SECONDS, by the server', async () => {
    const t = await newTenant('jobs-missed');
    const call = await requestCall(t);
    expect(await statusOf(call.id)).toBe('requested');
    await until(() => statusOf(call.id), (s) => s === 'missed');
    const events = await db.callEvent.findMany({ where: { callId: call.id }, orderBy: { createdAt: 'asc' } });
    expect(events.map((e) => `${e.type}:${e.actor}`)).toEqual(['requested:customer', 'missed:system']);
    const realtime = await db.realtimeEvent.findMany({ where: { subject: `call:${call.id}` }, orderBy: { id: 'asc' } });
    expect(realtime.map((e) => e.type)).toEqual(['call.requested', 'call.updated']);
    expect(realtime[0]!.permission).toBe('calls:answer');
  });

  it('an accepted call is not missed; pings keep it alive; when they stop it expires and the dealer goes offline', async () => {
    const t = await newTenant('jobs-expiry');
    const d = await newDealer(t);
    const call = await requestCall(t);
    expect((await api('POST', `/calls/${call.id}/accept`, { headers: d.headers })).status).toBe(200);
    // Pinging every half second for four seconds: twice the timeout, and the call stays active.
    for (let i = 0; i < 8; i++) {
      expect((await api('POST', '/me/ping', { json: {}, headers: d.headers })).status).toBe(204);
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(await statusOf(call.id)).toBe('active');
    const expired = await until(() => statusOf(call.id), (s) => s === 'expired');
    expect(expired).toBe('expired');
    expect((await db.dealer.findFirstOrThrow({ where: { userId: d.userId } })).presence).toBe('offline');
    const types = (await db.callEvent.findMany({ where: { callId: call.id }, orderBy: { createdAt: 'asc' } })).map((e) => e.type);
    expect(types).toEqual(['requested', 'accepted', 'expired']);
    // The customer's page hears about it through the call's subject.
    const updates = await db.realtimeEvent.findMany({ where: { subject: `call:${call.id}`, type: 'call.updated' } });
    expect(updates.map((e) => (e.payload as { status: string }).status).sort()).toEqual(['active', 'expired']);
  });

  it('a dealer who goes online and never pings goes offline; one check is queued per dealer, however often they ping', async () => {
    const t = await newTenant('jobs-presence');
    const d = await newDealer(t);
    await api('POST', '/me/presence', { json: { status: 'online' }, headers: d.headers });
    for (let i = 0; i < 5; i++) await api('POST', '/me/ping', { json: {}, headers: d.headers });
    const queued = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'dealer.check-pings' AND data->>'userId' = ${d.userId} AND state IN ('created', 'retry', 'active')`;
    expect(queued[0]!.n).toBe(1);
    await until(() => db.dealer.findFirstOrThrow({ where: { userId: d.userId } }), (r) => r.presence === 'offline');
  });

  it('sends the loan link by email through the mail service; SMS is a clear 409; no link or no email is 409', async () => {
    const t = await newTenant('jobs-loan');
    const d = await newDealer(t);
    const call = await requestCall(t, { customer: { firstName: 'Maya', email: 'maya@example.test' } });
    const noEmail = await requestCall(t);
    const send = (id: string, channel: string, headers = d.headers) => api('POST', `/calls/${id}/loan-link`, { json: { channel }, headers });
    await api('POST', `/calls/${call.id}/accept`, { headers: d.headers });
    expect((await send(call.id, 'email')).status).toBe(409);
    await api('POST', `/calls/${call.id}/stop`, { headers: d.headers });
    expect((await send(call.id, 'email')).body.detail).toMatch(/no loan link yet/);
    expect((await api('PATCH', `/organizations/${t.organizationId}`, { json: { loanLinkUrl: 'javascript:alert(1)' }, headers: t.orgHeaders })).status).toBe(422);
    expect((await api('PATCH', `/organizations/${t.organizationId}`, { json: { loanLinkUrl: 'https://example.com/apply' }, headers: t.orgHeaders })).body.loanLinkUrl).toBe('https://example.com/apply');
    const sms = await send(call.id, 'sms');
    expect(sms.status).toBe(409);
    expect(sms.body.detail).toMatch(/no SMS provider/);
    expect((await send(call.id, 'fax')).status).toBe(422);
    const sent = await send(call.id, 'email');
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ channel: 'email', to: 'maya@example.test' });
    const email = await db.emailMessage.findFirstOrThrow({ where: { organizationId: t.organizationId, to: 'maya@example.test' } });
    expect(email.subject).toContain('2018 Toyota Corolla');
    expect(email.text).toContain('https://example.com/apply');
    await until(() => db.emailMessage.findUniqueOrThrow({ where: { id: email.id } }), (m) => m.status !== 'queued');
    expect((await db.callEvent.findMany({ where: { callId: call.id, type: 'loan_link.sent' } })).length).toBe(1);
    await missed(noEmail.id);
    expect((await send(noEmail.id, 'email', t.orgHeaders)).body.detail).toMatch(/no email address/);
  });
});

async function missed(id: string) {
  await until(() => statusOf(id), (s) => s === 'missed');
}
