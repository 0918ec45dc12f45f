// A campaign's worker process killed (SIGKILL) twice mid-run and started again: every contact still gets its message,
// each delivery keeps its spool's Message-ID (a re-send is recognisable as the same message), re-sends are at most the
// deliveries in flight at each kill, and the campaign's counts reconcile with the spools.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PERMISSIONS } from '../../auth/permissions';
import type { Ctx } from '../../context';
import { db } from '../../db';
import { stopJobBoss } from '../../jobs/boss';
import { messageIdOf } from '../../providers/outbound/smtp-adapter';
import { api } from '../../test/api-client';
import { newTenant } from '../../test/factories';
import { SmtpSink } from '../../test/smtp-sink';
import { createCampaign, getCampaign } from './manage-campaigns';
import { startCampaign } from './run-campaign';

const root = path.resolve(import.meta.dirname, '../../..');
const smtp = new SmtpSink();
const CONTACTS = 120;
/** Deliveries one dispatcher keeps in flight (run-campaign.ts): the most a kill can leave half-sent. */
const IN_FLIGHT = 8;
let child: ChildProcess | undefined;

beforeAll(async () => {
  process.env.PROVIDER_ALLOW_PRIVATE_HOSTS = 'true';
  await smtp.start();
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await stopJobBoss(1000);
  await smtp.stop();
  delete process.env.PROVIDER_ALLOW_PRIVATE_HOSTS;
});

async function until(predicate: () => Promise<boolean> | boolean, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function startChild(): Promise<ChildProcess> {
  const c = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts', '--queues', 'transmissions.deliver,campaigns.dispatch,campaigns.fire'], {
    cwd: root,
    // A killed worker's job is noticed after its missed heartbeats: keep that short here.
    env: { ...process.env, WORKER_CONCURRENCY: '4', JOB_HEARTBEAT_SECONDS: '10', JOB_MONITOR_SECONDS: '2' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  c.stdout!.on('data', (d) => (output += d));
  c.stderr!.on('data', (d) => (output += d));
  await until(() => output.includes('Worker running'), 60_000);
  return c;
}

async function kill(c: ChildProcess) {
  c.kill('SIGKILL');
  await new Promise((r) => c.once('exit', r));
}

it('loses nothing and re-sends at most the in-flight deliveries, with the same Message-ID', { timeout: 300_000 }, async () => {
  const t = await newTenant('campaign-crash');
  const ctx: Ctx = { organizationId: t.organizationId, actor: { kind: 'apiKey', id: t.apiKeyId, createdById: null }, permissions: new Set(PERMISSIONS), requestId: 'test' };
  const h = t.keyHeaders;
  const template = await api('POST', '/messages/templates', { headers: h, json: { name: 'Offer', subject: 'Hi {{firstName}}', body: '<p>Hi</p>' } });
  const program = await api('POST', '/programs/sendemail', { headers: h, json: { templateId: template.body.id } });
  await api('POST', '/accounts', { headers: h, json: { name: 'Sales', type: 'email', address: 'sales@example.test' } });
  const provider = await api('POST', '/providers', { headers: h, json: { name: 'Mail', type: 'smtp', serviceFlags: ['email'], host: '127.0.0.1', port: smtp.port, username: 'sink', password: 'smtp-secret-pw', settings: { timeoutSeconds: 5 } } });
  expect(provider.status).toBe(201);
  const group = await db.contactGroup.create({ data: { organizationId: t.organizationId, name: 'Crash' } });
  const contacts = await db.contact.createManyAndReturn({ data: Array.from({ length: CONTACTS }, (_, i) => ({ organizationId: t.organizationId, firstName: `C${i}`, phone: `+1404555${String(i).padStart(4, '0')}`, email: `crash-${i}@example.test` })), select: { id: true } });
  await db.contactGroupMember.createMany({ data: contacts.map((c) => ({ groupId: group.id, contactId: c.id })) });
  const campaign = await createCampaign({ ctx, input: { programId: program.body.programId, groupId: group.id, cpm: 900 } });

  child = await startChild();
  await startCampaign({ ctx, id: campaign.id });
  for (const atLeast of [20, 60]) {
    await until(() => smtp.messages.length >= atLeast);
    await kill(child);
    // The killed worker's claims would run out on their own (a few minutes); the test moves them to now.
    await db.spool.updateMany({ where: { transmission: { campaignId: campaign.id }, status: 'initiated' }, data: { claimedUntil: new Date(Date.now() - 1000) } });
    child = await startChild();
  }
  await until(async () => (await getCampaign({ ctx, id: campaign.id })).status === 'completed', 240_000);

  const done = await getCampaign({ ctx, id: campaign.id });
  expect(done.counts).toMatchObject({ total: CONTACTS, sent: CONTACTS, pending: 0, processing: 0, failed: 0 });
  const spools = await db.spool.findMany({ where: { transmission: { campaignId: campaign.id } } });
  expect(spools).toHaveLength(CONTACTS);
  expect(spools.every((s) => s.status === 'completed')).toBe(true);
  const ids = smtp.messages.filter((m) => m.to && [m.to].flat().some((a) => a.value.some((v) => v.address?.startsWith('crash-')))).map((m) => m.messageId);
  const distinct = new Set(ids);
  expect(distinct).toEqual(new Set(spools.map((s) => messageIdOf(s.id))));
  expect(ids.length - distinct.size).toBeLessThanOrEqual(2 * IN_FLIGHT);
});
