// Campaigns in the domain against a real PostgreSQL, a real worker and an SMTP server process (smtp-server): every
// contact of the group gets one message with its spool's Message-ID, sends are spaced 60/cpm apart, stop sends nothing
// more and start resumes with what is left, failures retry up to tryAllowed, schedules start a campaign by themselves,
// and another organization's campaign, program or group is 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../auth/permissions';
import type { Ctx } from '../../context';
import { db } from '../../db';
import { AppError } from '../../errors';
import { stopJobBoss } from '../../jobs/boss';
import { startWorker, type WorkerHandle } from '../../jobs/worker';
import { messageIdOf } from '../../providers/outbound/smtp-adapter';
import { api } from '../../test/api-client';
import { newTenant, type Tenant } from '../../test/factories';
import { SmtpSink } from '../../test/smtp-sink';
import { deleteGroup } from '../contacts/manage-groups';
import { deleteProgram } from '../programs/manage-programs';
import { createCampaign, deleteCampaign, getCampaign, listCampaigns, updateCampaign } from './manage-campaigns';
import { startCampaign, stopCampaign } from './run-campaign';
import { cancelCampaignSchedules, scheduleCampaign } from './schedule-campaign';
import { until } from '../../test/until';

const smtp = new SmtpSink();
let worker: WorkerHandle;
let t: Tenant;
let other: Tenant;
let ctx: Ctx;
let otherCtx: Ctx;
let emailProgramId: string;
let smsProgramId: string;
let otherProgramId: string;
let otherGroupId: string;
let emailAccountId: string;

const ctxOf = (tenant: Tenant): Ctx => ({ organizationId: tenant.organizationId, actor: { kind: 'apiKey', id: tenant.apiKeyId, createdById: null }, permissions: new Set(PERMISSIONS), requestId: 'test' });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function must(p: ReturnType<typeof api>, status: number): Promise<any> {
  const r = await p;
  if (r.status !== status) throw new Error(`${status} expected, got ${r.status}: ${r.text}`);
  return r.body;
}

const takenPrefixes = new Set<string>();

/** A group of n contacts with unique email addresses, written straight to the database (the import is tested elsewhere). */
async function groupOf(tenant: Tenant, n: number): Promise<{ groupId: string; emails: string[] }> {
  const tag = Math.random().toString(36).slice(2, 10);
  const group = await db.contactGroup.create({ data: { organizationId: tenant.organizationId, name: `G ${tag}` } });
  // Phone numbers are unique per organization: each group draws its own exchange (and the test notes the ones taken).
  let prefix: string;
  do prefix = String(200 + Math.floor(Math.random() * 800));
  while (takenPrefixes.has(prefix));
  takenPrefixes.add(prefix);
  const emails = Array.from({ length: n }, (_, i) => `c${i}-${tag}@example.test`);
  const contacts = await db.contact.createManyAndReturn({ data: emails.map((email, i) => ({ organizationId: tenant.organizationId, firstName: `C${i}`, phone: `+1303${prefix}${String(i).padStart(4, '0')}`, email })), select: { id: true } });
  await db.contactGroupMember.createMany({ data: contacts.map((c) => ({ groupId: group.id, contactId: c.id })) });
  return { groupId: group.id, emails };
}

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message };
    if (error && typeof error === 'object' && 'issues' in error) return { code: 'validation_failed', message: JSON.stringify((error as { issues: unknown }).issues) };
    throw error;
  }
  throw new Error('expected a refusal');
}

const spoolsOf = (campaignId: string) => db.spool.findMany({ where: { transmission: { campaignId } }, orderBy: { createdAt: 'asc' } });

beforeAll(async () => {
  process.env.PROVIDER_ALLOW_PRIVATE_HOSTS = 'true';
  process.env.CAMPAIGN_RETRY_DELAY_SECONDS = '0.2';
  await smtp.start();
  [t, other] = await Promise.all([newTenant('campaigns'), newTenant('campaigns-other')]);
  [ctx, otherCtx] = [ctxOf(t), ctxOf(other)];
  const h = t.keyHeaders;
  const template = await must(api('POST', '/messages/templates', { headers: h, json: { name: 'Offer', subject: 'Offer for {{firstName}}', body: '<p>Dear {{firstName}}</p>' } }), 201);
  emailProgramId = (await must(api('POST', '/programs/sendemail', { headers: h, json: { templateId: template.id } }), 201)).programId;
  const text = await must(api('POST', '/messages/texts', { headers: h, json: { name: 'Hi', data: 'Hi' } }), 201);
  smsProgramId = (await must(api('POST', '/programs/sendsms', { headers: h, json: { textId: text.id } }), 201)).programId;
  emailAccountId = (await must(api('POST', '/accounts', { headers: h, json: { name: 'Sales', type: 'email', address: 'sales@example.test' } }), 201)).id;
  await must(api('POST', '/providers', { headers: h, json: { name: 'Mail', type: 'smtp', serviceFlags: ['email'], host: '127.0.0.1', port: smtp.port, username: 'sink', password: 'smtp-secret-pw', settings: { timeoutSeconds: 5 } } }), 201);
  const otherText = await must(api('POST', '/messages/texts', { headers: other.keyHeaders, json: { name: 'Hi', data: 'Hi' } }), 201);
  otherProgramId = (await must(api('POST', '/programs/sendsms', { headers: other.keyHeaders, json: { textId: otherText.id } }), 201)).programId;
  otherGroupId = (await groupOf(other, 1)).groupId;
  worker = await startWorker({ queues: ['transmissions.deliver', 'campaigns.dispatch', 'campaigns.fire'], concurrency: 4 });
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await stopJobBoss(1000);
  await smtp.stop();
  delete process.env.PROVIDER_ALLOW_PRIVATE_HOSTS;
  delete process.env.CAMPAIGN_RETRY_DELAY_SECONDS;
});

describe('create and edit', () => {
  it('refuses bad input and what is not the organization’s, and changes nothing', async () => {
    const { groupId } = await groupOf(t, 1);
    const before = await db.campaign.count({ where: { organizationId: t.organizationId } });
    expect((await refusal(createCampaign({ ctx, input: { programId: emailProgramId, groupId, cpm: 0 } }))).code).toBe('validation_failed');
    expect((await refusal(createCampaign({ ctx, input: { programId: emailProgramId, groupId, cpm: 10, tryAllowed: 0 } }))).code).toBe('validation_failed');
    expect((await refusal(createCampaign({ ctx, input: { programId: emailProgramId, groupId, cpm: 10, extra: 1 } }))).code).toBe('validation_failed');
    expect(await refusal(createCampaign({ ctx, input: { programId: otherProgramId, groupId, cpm: 10 } }))).toMatchObject({ code: 'not_found', message: 'Program not found' });
    expect(await refusal(createCampaign({ ctx, input: { programId: emailProgramId, groupId: otherGroupId, cpm: 10 } }))).toMatchObject({ code: 'not_found', message: 'Group not found' });
    expect(await db.campaign.count({ where: { organizationId: t.organizationId } })).toBe(before);
  });

  it('creates a draft with a default name, edits it, and answers another organization with 404', async () => {
    const { groupId } = await groupOf(t, 3);
    const c = await createCampaign({ ctx, input: { programId: emailProgramId, groupId, cpm: 30 } });
    expect(c).toMatchObject({ status: 'draft', cpm: 30, tryAllowed: 1, continuous: false, group: { size: 3 }, counts: { total: 0 }, progress: 0 });
    expect(c.name).toMatch(/ — \d{4}-\d{2}-\d{2}$/);
    const patched = await updateCampaign({ ctx, id: c.id, input: { name: 'Spring', cpm: 45 }, partial: true });
    expect(patched).toMatchObject({ name: 'Spring', cpm: 45, programId: emailProgramId });
    expect(await updateCampaign({ ctx, id: c.id, input: { accountId: emailAccountId }, partial: true })).toMatchObject({ accountId: emailAccountId, account: { name: 'Sales' } });
    // An SMS program cannot send from an email account.
    expect(await refusal(updateCampaign({ ctx, id: c.id, input: { programId: smsProgramId }, partial: true }))).toMatchObject({ code: 'validation_failed' });
    const verbs = [
      () => getCampaign({ ctx: otherCtx, id: c.id }),
      () => updateCampaign({ ctx: otherCtx, id: c.id, input: { cpm: 1 }, partial: true }),
      () => deleteCampaign({ ctx: otherCtx, id: c.id }),
      () => startCampaign({ ctx: otherCtx, id: c.id }),
      () => stopCampaign({ ctx: otherCtx, id: c.id }),
      () => scheduleCampaign({ ctx: otherCtx, id: c.id, action: 'start', input: { cron: '0 9 * * *' } }),
      () => cancelCampaignSchedules({ ctx: otherCtx, id: c.id }),
    ];
    for (const call of verbs) {
      expect(await refusal(call())).toMatchObject({ code: 'not_found', message: 'Campaign not found' });
    }
    expect((await listCampaigns({ ctx: otherCtx, page: { limit: 50, offset: 0 } })).results.map((r) => r.id)).not.toContain(c.id);
    await deleteCampaign({ ctx, id: c.id });
    expect(await db.campaign.findUnique({ where: { id: c.id } })).toBeNull();
  });
});

describe('running', () => {
  it('sends every contact one message, paced to cpm, and completes only when all have settled', { timeout: 60_000 }, async () => {
    const { groupId, emails } = await groupOf(t, 12);
    const c = await createCampaign({ ctx, input: { name: 'Paced', programId: emailProgramId, groupId, cpm: 240 } });
    const started = await startCampaign({ ctx, id: c.id });
    expect(started).toMatchObject({ status: 'running', counts: { total: 12 } });
    const done = await until(() => getCampaign({ ctx, id: c.id }), (v) => v.status === 'completed');
    expect(done.counts).toMatchObject({ total: 12, sent: 12, pending: 0, processing: 0, failed: 0 });
    expect(done.progress).toBe(1);
    const spools = await spoolsOf(c.id);
    expect(spools).toHaveLength(12);
    // Each contact got exactly one message, carrying its spool's Message-ID.
    for (const email of emails) expect(smtp.to(email)).toHaveLength(1);
    expect(new Set(emails.map((e) => smtp.to(e)[0]!.messageId))).toEqual(new Set(spools.map((s) => messageIdOf(s.id))));
    // 240 per minute: a slot every 60.5/240 s ≈ 252 ms, so 12 messages span at least 11 slots where they arrive,
    // less the spread of one send's duration (the first send of a process is the slowest: up to ~0.7 s here).
    const arrived = emails.map((e) => smtp.arrivals[smtp.messages.indexOf(smtp.to(e)[0]!)]!).sort((a, b) => a - b);
    const span = arrived.at(-1)! - arrived[0]!;
    expect(span).toBeGreaterThanOrEqual(11 * 252 - 1000);
    expect(span).toBeLessThan(11 * 252 + 3000);
    // Progress went out over realtime, to whoever may read campaigns, ending with the completed counts.
    const events = await db.realtimeEvent.findMany({ where: { organizationId: t.organizationId, type: 'campaign.progress', subject: `campaign:${c.id}` }, orderBy: { id: 'asc' } });
    expect(events[0]).toMatchObject({ permission: 'campaigns:read', payload: { status: 'running' } });
    expect(events.at(-1)!.payload).toMatchObject({ id: c.id, status: 'completed', counts: { total: 12, sent: 12 } });
  });

  it('stop sends nothing more, start resumes with exactly what is left', { timeout: 60_000 }, async () => {
    const { groupId, emails } = await groupOf(t, 8);
    const c = await createCampaign({ ctx, input: { programId: emailProgramId, groupId, cpm: 120 } });
    await startCampaign({ ctx, id: c.id });
    await until(() => spoolsOf(c.id), (s) => s.length >= 2);
    const stopped = await stopCampaign({ ctx, id: c.id });
    expect(stopped.status).toBe('stopped');
    await new Promise((r) => setTimeout(r, 1500));
    const afterStop = (await spoolsOf(c.id)).length;
    await new Promise((r) => setTimeout(r, 1500));
    expect((await spoolsOf(c.id)).length).toBe(afterStop);
    expect(afterStop).toBeLessThan(8);
    const mid = await getCampaign({ ctx, id: c.id });
    expect(mid.counts.pending).toBe(8 - afterStop);
    expect(await refusal(stopCampaign({ ctx, id: c.id }))).toMatchObject({ code: 'conflict' });
    expect(await refusal(deleteCampaign({ ctx, id: c.id }))).toMatchObject({ code: 'conflict' });
    expect(await refusal(updateCampaign({ ctx, id: c.id, input: { groupId: (await groupOf(t, 1)).groupId }, partial: true }))).toMatchObject({ code: 'conflict' });
    expect(await refusal(deleteProgram({ ctx, id: emailProgramId }))).toMatchObject({ code: 'conflict' });
    expect(await refusal(deleteGroup({ ctx, id: groupId }))).toMatchObject({ code: 'conflict' });

    await startCampaign({ ctx, id: c.id });
    const done = await until(() => getCampaign({ ctx, id: c.id }), (v) => v.status === 'completed');
    expect(done.counts).toMatchObject({ total: 8, sent: 8 });
    expect(await spoolsOf(c.id)).toHaveLength(8);
    for (const email of emails) expect(smtp.to(email)).toHaveLength(1);
  });

  it('retries a refused delivery up to tryAllowed, then counts it failed', { timeout: 60_000 }, async () => {
    const { groupId } = await groupOf(t, 2);
    smtp.options = { rejectWith: { code: 550, message: 'Mailbox unavailable' } };
    try {
      const c = await createCampaign({ ctx, input: { programId: emailProgramId, groupId, cpm: 6000, tryAllowed: 3 } });
      await startCampaign({ ctx, id: c.id });
      const done = await until(() => getCampaign({ ctx, id: c.id }), (v) => v.status === 'completed');
      expect(done.counts).toMatchObject({ total: 2, sent: 0, failed: 2, retrying: 0 });
      const spools = await spoolsOf(c.id);
      expect(spools).toHaveLength(6);
      expect(spools.every((s) => s.status === 'failed')).toBe(true);
    } finally {
      smtp.options = {};
    }
  });
});

describe('continuous', () => {
  it('reaches contacts added to the group while it runs, and keeps running when it has sent everything', { timeout: 60_000 }, async () => {
    const { groupId, emails } = await groupOf(t, 2);
    const c = await createCampaign({ ctx, input: { programId: emailProgramId, groupId, cpm: 6000, continuous: true } });
    await startCampaign({ ctx, id: c.id });
    await until(() => getCampaign({ ctx, id: c.id }), (v) => v.counts.sent === 2);
    // All sent, nothing left: a continuous campaign does not complete, it waits for new members.
    await new Promise((r) => setTimeout(r, 1500));
    expect((await getCampaign({ ctx, id: c.id })).status).toBe('running');
    const tag = Math.random().toString(36).slice(2, 8);
    const late = Array.from({ length: 3 }, (_, i) => `late${i}-${tag}@example.test`);
    const added = await db.contact.createManyAndReturn({ data: late.map((email, i) => ({ organizationId: t.organizationId, firstName: `L${i}`, phone: `+1404777${tag.length}${String(Date.now() % 100).padStart(2, '0')}${i}`, email })), select: { id: true } });
    await db.contactGroupMember.createMany({ data: added.map((a) => ({ groupId, contactId: a.id })) });
    const done = await until(() => getCampaign({ ctx, id: c.id }), (v) => v.counts.sent === 5, 30_000);
    expect(done).toMatchObject({ status: 'running', counts: { total: 5, sent: 5, pending: 0 } });
    for (const email of [...emails, ...late]) expect(smtp.to(email)).toHaveLength(1);
    await stopCampaign({ ctx, id: c.id });
  });
});

describe('schedules', () => {
  it('refuses a bad cron expression or a past time; a start schedule starts the campaign by itself', { timeout: 60_000 }, async () => {
    const { groupId, emails } = await groupOf(t, 2);
    const c = await createCampaign({ ctx, input: { programId: emailProgramId, groupId, cpm: 600 } });
    expect(await refusal(scheduleCampaign({ ctx, id: c.id, action: 'start', input: { cron: 'every day at nine' } }))).toMatchObject({ code: 'validation_failed' });
    expect(await refusal(scheduleCampaign({ ctx, id: c.id, action: 'start', input: { at: '2020-01-01T00:00:00Z' } }))).toMatchObject({ code: 'validation_failed' });
    expect(await refusal(scheduleCampaign({ ctx, id: c.id, action: 'start', input: { at: '2030-01-01T00:00:00Z', cron: '0 9 * * *' } }))).toMatchObject({ code: 'validation_failed' });
    const cron = await scheduleCampaign({ ctx, id: c.id, action: 'stop', input: { cron: '30 17 * * 1-5' } });
    expect(cron.schedules).toEqual([expect.objectContaining({ action: 'stop', cron: '30 17 * * 1-5', nextAt: expect.stringMatching(/T17:30:00\.000Z$/) })]);
    await cancelCampaignSchedules({ ctx, id: c.id });
    expect(await refusal(cancelCampaignSchedules({ ctx, id: c.id }))).toMatchObject({ code: 'not_found' });

    const at = new Date(Date.now() + 1500).toISOString();
    const scheduled = await scheduleCampaign({ ctx, id: c.id, action: 'start', input: { at } });
    expect(scheduled.status).toBe('scheduled');
    expect(smtp.to(emails[0]!)).toHaveLength(0);
    const done = await until(() => getCampaign({ ctx, id: c.id }), (v) => v.status === 'completed');
    expect(new Date(done.startedAt!).getTime()).toBeGreaterThanOrEqual(new Date(at).getTime());
    for (const email of emails) expect(smtp.to(email)).toHaveLength(1);
  });
});
