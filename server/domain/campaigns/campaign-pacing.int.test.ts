// Pacing over two worker processes: a campaign at cpm 600 runs for two minutes against an SMTP server process; no
// 60-second window holds more than 600 arrivals, and the average pace is within 2 % of 600 a minute.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PERMISSIONS } from '../../auth/permissions';
import type { Ctx } from '../../context';
import { db } from '../../db';
import { stopJobBoss } from '../../jobs/boss';
import { api } from '../../test/api-client';
import { newTenant } from '../../test/factories';
import { SmtpSink } from '../../test/smtp-sink';
import { startWorkerProcess, type WorkerProcess } from '../../test/worker-process';
import { createCampaign } from './manage-campaigns';
import { startCampaign, stopCampaign } from './run-campaign';

const CPM = 600;
const RUN_MS = 120_000;
const smtp = new SmtpSink();
let workers: WorkerProcess[] = [];

beforeAll(async () => {
  process.env.PROVIDER_ALLOW_PRIVATE_HOSTS = 'true';
  await smtp.start();
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.kill()));
  await stopJobBoss(1000);
  await smtp.stop();
  delete process.env.PROVIDER_ALLOW_PRIVATE_HOSTS;
});

/** The most arrivals any window [t, t + 60 s) holds (windows starting at each arrival are the worst ones). */
export function busiestMinute(arrivals: number[]): number {
  const a = [...arrivals].sort((x, y) => x - y);
  let best = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    while (j < a.length && a[j]! < a[i]! + 60_000) j++;
    best = Math.max(best, j - i);
  }
  return best;
}

it('keeps every 60-second window at or under cpm over two worker processes, and the average within 2 %', { timeout: RUN_MS + 120_000 }, async () => {
  const t = await newTenant('campaign-pacing');
  const ctx: Ctx = { organizationId: t.organizationId, actor: { kind: 'apiKey', id: t.apiKeyId, createdById: null }, permissions: new Set(PERMISSIONS), requestId: 'test' };
  const h = t.keyHeaders;
  const template = await api('POST', '/messages/templates', { headers: h, json: { name: 'Offer', subject: 'Hi {{firstName}}', body: '<p>Hi</p>' } });
  const program = await api('POST', '/programs/sendemail', { headers: h, json: { templateId: template.body.id } });
  await api('POST', '/accounts', { headers: h, json: { name: 'Sales', type: 'email', address: 'sales@example.test' } });
  expect((await api('POST', '/providers', { headers: h, json: { name: 'Mail', type: 'smtp', serviceFlags: ['email'], host: '127.0.0.1', port: smtp.port, username: 'sink', password: 'smtp-secret-pw', settings: { timeoutSeconds: 5 } } })).status).toBe(201);
  // More contacts than two minutes take, so the campaign is still sending when the measurement ends.
  const n = Math.ceil((CPM * RUN_MS) / 60_000) + 200;
  const group = await db.contactGroup.create({ data: { organizationId: t.organizationId, name: 'Pacing' } });
  const contacts = await db.contact.createManyAndReturn({ data: Array.from({ length: n }, (_, i) => ({ organizationId: t.organizationId, firstName: `P${i}`, phone: `+1505${String(i).padStart(7, '0')}`, email: `pace-${i}@example.test` })), select: { id: true } });
  await db.contactGroupMember.createMany({ data: contacts.map((c) => ({ groupId: group.id, contactId: c.id })) });
  const campaign = await createCampaign({ ctx, input: { programId: program.body.programId, groupId: group.id, cpm: CPM } });

  const queues = ['transmissions.deliver', 'campaigns.dispatch'];
  workers = await Promise.all([startWorkerProcess(queues), startWorkerProcess(queues)]);
  await startCampaign({ ctx, id: campaign.id });
  await smtp.waitFor((m) => m.length > 0, 30_000);
  const first = smtp.arrivals[0]!;
  await new Promise((r) => setTimeout(r, first + RUN_MS - Date.now()));
  await stopCampaign({ ctx, id: campaign.id });
  const arrivals = smtp.arrivals.filter((a) => a < first + RUN_MS);

  const busiest = busiestMinute(arrivals);
  const average = arrivals.length / (RUN_MS / 60_000);
  console.log(`[pacing] ${arrivals.length} sends in ${RUN_MS / 1000} s: average ${average}/min, busiest 60-s window ${busiest}`);
  expect(busiest).toBeLessThanOrEqual(CPM);
  expect(Math.abs(average - CPM) / CPM).toBeLessThanOrEqual(0.02);
});
