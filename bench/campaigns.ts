// `npm run bench:campaigns`: a campaign's own cost and its pacing. (1) Uncapped throughput (cpm at its maximum): a
// campaign of BENCH_MESSAGES contacts from start to completed — the dispatcher (spools in batches, slots, backstop
// jobs) and the transmissions.deliver path — to a local SMTP server and a local Twilio-protocol server, against part
// 2's bare loops to the same peers in the same run (a pooled nodemailer transport; `fetch` posting the same form),
// with the process's CPU time and peak RSS. (2) Pacing error: a campaign at cpm 60, 600 and 6,000 for
// BENCH_PACE_SECONDS each; the pace achieved from the first arrival, its error against the cpm, and the busiest
// 60-second window scaled to the run.
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import { prepareTestDatabase } from '../scripts/db/test-database';
import { GatewayPeer } from '../server/test/gateway-peers';
import { SmtpSink } from '../server/test/smtp-sink';
import { measure, pool, type Measure } from './measure';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 600);
const PACE_SECONDS = Number(process.env.BENCH_PACE_SECONDS ?? 20);
const CONCURRENCY = 8;

const databaseUrl = await prepareTestDatabase('pitchcraft_bench_campaigns');
process.env.DATABASE_URL = databaseUrl;
process.env.PROVIDER_ALLOW_PRIVATE_HOSTS = 'true';
const { db } = await import('../server/db');
const { seal } = await import('../server/auth/sealed-secrets');
const { PERMISSIONS } = await import('../server/auth/permissions');
const { MAX_CPM } = await import('../server/domain/campaigns/campaign.schema');
const { createCampaign, getCampaign } = await import('../server/domain/campaigns/manage-campaigns');
const { startCampaign, stopCampaign } = await import('../server/domain/campaigns/run-campaign');
const { startWorker } = await import('../server/jobs/worker');
const { stopJobBoss } = await import('../server/jobs/boss');

let numbers = 0;
/** An organization with n contacts in a group, a program of the service and one provider for it. */
async function organization(kind: 'email' | 'sms', n: number, provider: { type: 'smtp' | 'twilio'; host: string; port: number | null; username: string; password: string }) {
  const org = await db.organization.create({ data: { name: `Bench ${kind}`, baseCurrency: 'USD', currencies: [], callToken: randomUUID() } });
  const organizationId = org.id;
  const base = (numbers += n);
  const contacts = await db.contact.createManyAndReturn({ data: Array.from({ length: n }, (_, i) => ({ organizationId, firstName: `Ada${i}`, lastName: 'Lovelace', phone: `+1512${String(5_000_000 + base + i).padStart(7, '0')}`, email: `ada${base + i}@example.test` })), select: { id: true } });
  const group = await db.contactGroup.create({ data: { organizationId, name: 'Bench' } });
  await db.contactGroupMember.createMany({ data: contacts.map((c) => ({ groupId: group.id, contactId: c.id })) });
  await db.account.create({ data: { organizationId, name: 'Sales', type: kind === 'email' ? 'email' : 'phone', address: kind === 'email' ? 'sales@example.test' : '+15125559999' } });
  const program = kind === 'email'
    ? await db.program.create({ data: { organizationId, name: 'Offer', type: 'sendemail', templateId: (await db.emailTemplate.create({ data: { organizationId, name: 'Offer', subject: 'Hello {{firstName}}', body: '<p>Dear {{firstName}} {{lastName}}, our offer.</p>', bodyAlt: 'Dear {{firstName}} {{lastName}}, our offer.' } })).id } })
    : await db.program.create({ data: { organizationId, name: 'Reminder', type: 'sendsms', textId: (await db.smsText.create({ data: { organizationId, name: 'Reminder', data: 'Hi {{firstName}}, your car is ready.' } })).id } });
  await db.provider.create({ data: { organizationId, name: provider.type, type: provider.type, serviceFlags: [kind], host: provider.host, port: provider.port, username: provider.username, passwordSealed: seal(provider.password, 'provider-secret') } });
  const ctx = { organizationId, actor: { kind: 'apiKey' as const, id: randomUUID(), createdById: null }, permissions: new Set(PERMISSIONS), requestId: 'bench' };
  return { ctx, groupId: group.id, programId: program.id };
}

async function campaignRun(o: Awaited<ReturnType<typeof organization>>, cpm: number): Promise<Measure> {
  const c = await createCampaign({ ctx: o.ctx, input: { programId: o.programId, groupId: o.groupId, cpm } });
  return measure(async () => {
    await startCampaign({ ctx: o.ctx, id: c.id });
    while ((await getCampaign({ ctx: o.ctx, id: c.id })).status !== 'completed') await new Promise((r) => setTimeout(r, 25));
  });
}

function busiestMinute(arrivals: number[]): number {
  let best = 0;
  for (let i = 0, j = 0; i < arrivals.length; i++) {
    while (j < arrivals.length && arrivals[j]! < arrivals[i]! + 60_000) j++;
    best = Math.max(best, j - i);
  }
  return best;
}

const sink = new SmtpSink();
const twilio = new GatewayPeer('twilio');
await Promise.all([sink.start(), twilio.start()]);
const worker = await startWorker({ queues: ['transmissions.deliver', 'campaigns.dispatch'] });
try {
  const indices = Array.from({ length: MESSAGES }, (_, i) => i);
  const bareTransport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, secure: false, auth: { user: 'sink', pass: 'secret' }, pool: true, maxConnections: 4 });
  const bareSmtp = await measure(() => pool(indices, CONCURRENCY, async (i) => void (await bareTransport.sendMail({ from: 'sales@example.test', to: `ada${i}@example.test`, subject: `Hello Ada${i}`, html: `<p>Dear Ada${i} Lovelace, our offer.</p>`, text: `Dear Ada${i} Lovelace, our offer.` }))));
  bareTransport.close();
  const auth = `Basic ${Buffer.from(`${twilio.credentials.username}:${twilio.credentials.password}`).toString('base64')}`;
  const bareTwilio = await measure(() =>
    pool(indices, CONCURRENCY, async (i) => {
      const res = await fetch(`${twilio.url}/2010-04-01/Accounts/${twilio.credentials.username}/Messages.json`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ To: `+1512555${i}`, From: '+15125559999', Body: `Hi Ada${i}, your car is ready.` }) });
      if (res.status !== 201) throw new Error(`bare twilio: ${res.status}`);
      await res.arrayBuffer();
    }),
  );
  const smtpPeer = { type: 'smtp' as const, host: '127.0.0.1', port: sink.port, username: 'sink', password: 'secret' };
  const campaignSmtp = await campaignRun(await organization('email', MESSAGES, smtpPeer), MAX_CPM);
  const campaignTwilio = await campaignRun(await organization('sms', MESSAGES, { type: 'twilio', host: twilio.url, port: null, username: twilio.credentials.username, password: twilio.credentials.password }), MAX_CPM);
  const failed = await db.spool.count({ where: { status: 'failed' } });
  if (failed > 0) throw new Error(`${failed} spools failed: the numbers would not be comparable`);

  const row = (label: string, m: Measure) => `${label.padEnd(52)} ${(MESSAGES / m.seconds).toFixed(0).padStart(8)} ${m.cpuSeconds.toFixed(1).padStart(8)} ${m.peakRssMb.toFixed(0).padStart(9)}`;
  console.log(`\nUncapped (cpm ${MAX_CPM}): ${MESSAGES} contacts per peer; worker and peers in this process (their CPU counts on both sides)\n`);
  console.log(`${''.padEnd(52)} ${'sends/s'.padStart(8)} ${'CPU s'.padStart(8)} ${'peak RSS'.padStart(9)}`);
  console.log(row('SMTP: campaign start → completed (Pitchcraft)', campaignSmtp));
  console.log(row('SMTP: bare pooled nodemailer loop', bareSmtp));
  console.log(row('Twilio: campaign start → completed (Pitchcraft)', campaignTwilio));
  console.log(row('Twilio: bare fetch loop', bareTwilio));
  console.log(`\nratio (campaign / bare loop): SMTP ${(bareSmtp.seconds / campaignSmtp.seconds).toFixed(2)}×, Twilio ${(bareTwilio.seconds / campaignTwilio.seconds).toFixed(2)}×`);

  console.log(`\nPacing, ${PACE_SECONDS} s per cpm, to the SMTP server (one worker in this process)\n`);
  console.log(`${'cpm'.padStart(6)} ${'sends'.padStart(7)} ${'achieved/min'.padStart(13)} ${'error'.padStart(8)} ${'busiest 60 s'.padStart(13)}`);
  for (const cpm of [60, 600, 6000]) {
    const need = Math.ceil((cpm * PACE_SECONDS) / 60) + 50;
    const o = await organization('email', need, smtpPeer);
    const c = await createCampaign({ ctx: o.ctx, input: { programId: o.programId, groupId: o.groupId, cpm } });
    const from = sink.arrivals.length;
    await startCampaign({ ctx: o.ctx, id: c.id });
    while (sink.arrivals.length === from) await new Promise((r) => setTimeout(r, 10));
    const first = sink.arrivals[from]!;
    await new Promise((r) => setTimeout(r, first + PACE_SECONDS * 1000 - Date.now()));
    await stopCampaign({ ctx: o.ctx, id: c.id });
    const arrivals = sink.arrivals.slice(from).filter((a) => a < first + PACE_SECONDS * 1000);
    const perMinute = (arrivals.length * 60) / PACE_SECONDS;
    const busiest = PACE_SECONDS >= 60 ? busiestMinute(arrivals) : null;
    console.log(`${String(cpm).padStart(6)} ${String(arrivals.length).padStart(7)} ${perMinute.toFixed(1).padStart(13)} ${`${(((perMinute - cpm) / cpm) * 100).toFixed(1)} %`.padStart(8)} ${String(busiest ?? '—').padStart(13)}`);
  }
} finally {
  await worker.stop();
  await stopJobBoss(1000);
  await Promise.all([sink.stop(), twilio.stop()]);
}
process.exit(0);
