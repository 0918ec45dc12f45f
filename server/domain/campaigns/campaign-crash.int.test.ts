// A 2,000-contact email campaign to an SMTP server started by the test, on a PostgreSQL of its own: the worker process
// is SIGKILLed five times mid-run and started again, and PostgreSQL itself is restarted once mid-run. At the end every
// contact has its message (distinct Message-IDs = contacts, each its spool's), re-sends are at most the deliveries in
// flight at each kill (and at the restart) and carry the same Message-ID, and the campaign's counts reconcile with the
// spools. Its own cluster, so restarting it disturbs no other test file.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureDatabase, type DatabaseHandle } from '../../../scripts/db/embedded';
import { applyMigrations } from '../../../scripts/db/migrations';
import { PERMISSIONS } from '../../auth/permissions';
import type { Ctx } from '../../context';
import { db } from '../../db';
import { stopJobBoss } from '../../jobs/boss';
import { messageIdOf } from '../../providers/outbound/smtp-adapter';
import { api } from '../../test/api-client';
import { newTenant } from '../../test/factories';
import { SmtpSink } from '../../test/smtp-sink';
import { startWorkerProcess, type WorkerProcess } from '../../test/worker-process';
import { createCampaign, getCampaign } from './manage-campaigns';
import { startCampaign } from './run-campaign';

const CONTACTS = 2_000;
const CPM = 6_000;
const KILLS_AT = [250, 550, 850, 1_300, 1_600];
const RESTART_AT = 1_050;
const QUEUES = ['transmissions.deliver', 'campaigns.dispatch', 'campaigns.sweep'];
const smtp = new SmtpSink();
const pgOptions = { url: '', dataDir: '.data/postgres-campaign-crash', port: (Number(process.env.EMBEDDED_PG_TEST_PORT) || 54339) + 11, database: 'pitchcraft_crash', durable: false };
let cluster: DatabaseHandle | undefined;
let worker: WorkerProcess | undefined;

beforeAll(async () => {
  cluster = await ensureDatabase(pgOptions);
  await applyMigrations(cluster.url);
  // Before anything reads the environment: this file's app code and its worker processes use this cluster.
  process.env.DATABASE_URL = cluster.url;
  process.env.PROVIDER_ALLOW_PRIVATE_HOSTS = 'true';
  await smtp.start();
}, 180_000);
afterAll(async () => {
  await worker?.kill();
  await stopJobBoss(1000);
  await db.$disconnect();
  await cluster?.stop();
  await smtp.stop();
});

async function until(predicate: () => Promise<boolean> | boolean, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`condition not met in time (${smtp.messages.length} messages; worker said: ${worker?.output().slice(-2000)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Spools handed to a gateway and not finished: the deliveries that may be half-sent at this instant. */
async function inFlight(campaignId: string): Promise<number> {
  return db.spool.count({ where: { transmission: { campaignId }, status: 'initiated', handedAt: { not: null } } });
}

it('loses nothing through five worker kills and a PostgreSQL restart; re-sends at most the in-flight ones, with the same Message-ID', { timeout: 600_000 }, async () => {
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
  const campaign = await createCampaign({ ctx, input: { programId: program.body.programId, groupId: group.id, cpm: CPM } });

  worker = await startWorkerProcess(QUEUES);
  await startCampaign({ ctx, id: campaign.id });
  let allowance = 0;
  const perEvent: number[] = [];
  const events = [...KILLS_AT.map((at) => ({ at, kind: 'kill' as const })), { at: RESTART_AT, kind: 'restart' as const }].sort((a, b) => a.at - b.at);
  for (const e of events) {
    await until(() => smtp.messages.length >= e.at);
    if (e.kind === 'kill') {
      // The worker lives through everything but a kill (the PostgreSQL restart included).
      expect(worker.child.exitCode, worker.output()).toBeNull();
      await worker.kill();
      const n = await inFlight(campaign.id);
      allowance += n;
      perEvent.push(n);
      // The killed worker's claims would run out on their own (CLAIM_SECONDS); the test moves them to now.
      await db.spool.updateMany({ where: { transmission: { campaignId: campaign.id }, status: 'initiated', claimedUntil: { not: null } }, data: { claimedUntil: new Date(Date.now() - 1000) } });
      worker = await startWorkerProcess(QUEUES);
    } else {
      // The worker keeps sending up to the moment PostgreSQL goes: what is in flight then lies between these two counts.
      allowance += await inFlight(campaign.id);
      await stopJobBoss(1000);
      await cluster!.stop();
      cluster = await ensureDatabase(pgOptions);
      allowance += await inFlight(campaign.id);
    }
  }
  await until(async () => (await getCampaign({ ctx, id: campaign.id })).status === 'completed', 300_000);

  const done = await getCampaign({ ctx, id: campaign.id });
  expect(done.counts).toMatchObject({ total: CONTACTS, sent: CONTACTS, pending: 0, processing: 0, failed: 0 });
  const spools = await db.spool.findMany({ where: { transmission: { campaignId: campaign.id } } });
  expect(spools).toHaveLength(CONTACTS);
  expect(spools.every((s) => s.status === 'completed')).toBe(true);
  const ids = smtp.messages.map((m) => m.messageId);
  const distinct = new Set(ids);
  expect(distinct.size).toBe(CONTACTS);
  expect(distinct).toEqual(new Set(spools.map((s) => messageIdOf(s.id))));
  console.log(`[crash] ${ids.length} messages for ${CONTACTS} contacts: ${ids.length - distinct.size} re-sent, at most ${allowance} in flight at the kills (${perEvent.join(', ')}) and the restart`);
  expect(ids.length - distinct.size).toBeLessThanOrEqual(allowance);
});
