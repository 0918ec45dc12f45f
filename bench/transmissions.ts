// `npm run bench:transmissions`: messages per second through the whole sending path — POST …/send's domain call (a
// spool and its job in one transaction), the transmissions.deliver job (claim, compose with merge fields, weighted
// provider choice, the adapter, the recorded answer) — to a local SMTP server and to a local Twilio-protocol server,
// against a bare loop to the same peer in the same run (a pooled nodemailer transport; `fetch` with the same form body
// and Basic auth), at the same concurrency. Prints sends/s, the ratio, and the process's CPU time and peak RSS.
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import { prepareTestDatabase } from '../scripts/db/test-database';
import { GatewayPeer } from '../server/test/gateway-peers';
import { SmtpSink } from '../server/test/smtp-sink';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const GOAL = 0.5;

const databaseUrl = await prepareTestDatabase('pitchcraft_bench_transmissions');
process.env.DATABASE_URL = databaseUrl;
process.env.PROVIDER_ALLOW_PRIVATE_HOSTS = 'true';
process.env.WORKER_CONCURRENCY = String(CONCURRENCY);
const { db } = await import('../server/db');
const { seal } = await import('../server/auth/sealed-secrets');
const { PERMISSIONS } = await import('../server/auth/permissions');
const { sendTransmission } = await import('../server/domain/transmissions/send-transmission');
const { startWorker } = await import('../server/jobs/worker');
const { stopJobBoss } = await import('../server/jobs/boss');

type Measure = { seconds: number; cpuSeconds: number; peakRssMb: number };

async function measure(run: () => Promise<void>): Promise<Measure> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await run();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakRssMb: peak / 1024 / 1024 };
}

async function pool<T>(items: T[], n: number, each: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) await each(items[next++]!);
  }));
}

/** An organization with MESSAGES contacts, a program of the service and one provider for it. */
async function organization(kind: 'email' | 'sms', provider: { type: 'smtp' | 'twilio'; host: string; port: number | null; username: string; password: string }) {
  const org = await db.organization.create({ data: { name: `Bench ${kind}`, baseCurrency: 'USD', currencies: [], callToken: randomUUID() } });
  const organizationId = org.id;
  await db.contact.createMany({ data: Array.from({ length: MESSAGES }, (_, i) => ({ organizationId, firstName: `Ada${i}`, lastName: 'Lovelace', phone: `+1512${String(5550000 + i).padStart(7, '0')}`, email: `ada${i}@example.test` })) });
  await db.account.create({ data: { organizationId, name: 'Sales', type: kind === 'email' ? 'email' : 'phone', address: kind === 'email' ? 'sales@example.test' : '+15125559999' } });
  const program = kind === 'email'
    ? await db.program.create({ data: { organizationId, name: 'Offer', type: 'sendemail', templateId: (await db.emailTemplate.create({ data: { organizationId, name: 'Offer', subject: 'Hello {{firstName}}', body: '<p>Dear {{firstName}} {{lastName}}, our offer.</p>', bodyAlt: 'Dear {{firstName}} {{lastName}}, our offer.' } })).id } })
    : await db.program.create({ data: { organizationId, name: 'Reminder', type: 'sendsms', textId: (await db.smsText.create({ data: { organizationId, name: 'Reminder', data: 'Hi {{firstName}}, your car is ready.' } })).id } });
  await db.provider.create({ data: { organizationId, name: provider.type, type: provider.type, serviceFlags: [kind], host: provider.host, port: provider.port, username: provider.username, passwordSealed: seal(provider.password, 'provider-secret') } });
  const contacts = await db.contact.findMany({ where: { organizationId }, select: { id: true } });
  await db.transmission.createMany({ data: contacts.map((c) => ({ organizationId, contactId: c.id, programId: program.id })) });
  const ids = (await db.transmission.findMany({ where: { organizationId }, select: { id: true } })).map((t) => t.id);
  const ctx = { organizationId, actor: { kind: 'apiKey' as const, id: randomUUID(), createdById: null }, permissions: new Set(PERMISSIONS), requestId: 'bench' };
  return { organizationId, ids, ctx };
}

const sendPhase: number[] = [];

async function throughPath(o: Awaited<ReturnType<typeof organization>>): Promise<Measure> {
  return measure(async () => {
    const t0 = performance.now();
    await pool(o.ids, CONCURRENCY, async (id) => void (await sendTransmission({ ctx: o.ctx, id })));
    sendPhase.push((performance.now() - t0) / 1000);
    for (;;) {
      const open = await db.transmission.count({ where: { organizationId: o.organizationId, status: { in: ['pending', 'processing'] } } });
      if (open === 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
  });
}

const sink = new SmtpSink();
const twilio = new GatewayPeer('twilio');
await Promise.all([sink.start(), twilio.start()]);
const worker = await startWorker({ queues: ['transmissions.deliver'] });
try {
  const indices = Array.from({ length: MESSAGES }, (_, i) => i);
  // Bare loops first, so the path does not inherit their warm-up (it gets its own).
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
  const email = await organization('email', { type: 'smtp', host: '127.0.0.1', port: sink.port, username: 'sink', password: 'secret' });
  const sms = await organization('sms', { type: 'twilio', host: twilio.url, port: null, username: twilio.credentials.username, password: twilio.credentials.password });
  const pathSmtp = await throughPath(email);
  const pathTwilio = await throughPath(sms);
  const failed = await db.spool.count({ where: { status: 'failed' } });
  if (failed > 0) throw new Error(`${failed} spools failed: the numbers would not be comparable`);

  const row = (label: string, m: Measure) => `${label.padEnd(56)} ${(MESSAGES / m.seconds).toFixed(0).padStart(8)} ${m.cpuSeconds.toFixed(1).padStart(8)} ${m.peakRssMb.toFixed(0).padStart(9)}`;
  console.log(`\n${MESSAGES} messages per peer, concurrency ${CONCURRENCY}, peers in this process (their CPU counts on both sides)\n`);
  console.log(`${''.padEnd(56)} ${'sends/s'.padStart(8)} ${'CPU s'.padStart(8)} ${'peak RSS'.padStart(9)}`);
  console.log(row('SMTP: send → job → spool → smtp adapter (Pitchcraft)', pathSmtp));
  console.log(row('SMTP: bare pooled nodemailer loop', bareSmtp));
  console.log(row('Twilio: send → job → spool → twilio adapter (Pitchcraft)', pathTwilio));
  console.log(row('Twilio: bare fetch loop', bareTwilio));
  const ratio = (path: Measure, bare: Measure) => bare.seconds / path.seconds;
  const r1 = ratio(pathSmtp, bareSmtp);
  const r2 = ratio(pathTwilio, bareTwilio);
  console.log(`\nof which POST …/send (spool + job + event, ${CONCURRENCY} at a time): SMTP ${sendPhase[0]!.toFixed(1)} s, Twilio ${sendPhase[1]!.toFixed(1)} s`);
  console.log(`\nratio (path / bare loop): SMTP ${r1.toFixed(2)}×, Twilio ${r2.toFixed(2)}× (goal ≥ ${GOAL}×: ${r1 >= GOAL && r2 >= GOAL ? 'met' : 'NOT met'})`);
} finally {
  await worker.stop();
  await stopJobBoss(1000);
  await Promise.all([sink.stop(), twilio.stop()]);
}
process.exit(0);
