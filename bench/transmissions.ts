// `npm run bench:transmissions`: messages per second through the whole sending path — POST …/send's domain call (a
// spool and its job in one transaction), the transmissions.deliver job (claim, compose with merge fields, weighted
// provider choice, the adapter, the recorded answer) — to a local SMTP server and to a local Twilio-protocol server,
// against a bare loop to the same peer in the same run (a pooled nodemailer transport; `fetch` with the same form body
// and Basic auth), at the same concurrency. Prints sends/s, the ratio, the process's CPU time and peak RSS, and the
// embedded PostgreSQL's CPU time (the path's database work; the bare loops have none).
//
// BENCH_ROUNDS rounds (default 3), each running the four in turn (bare SMTP, path SMTP, bare Twilio, path Twilio) on
// fresh organizations: on a shared machine the neighbours' load moves from second to second, so the ratio is taken
// between the medians of the rounds, and every round's own ratio is printed beside it.
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import { prepareTestDatabase } from '../scripts/db/test-database';
import { GatewayPeer } from '../server/test/gateway-peers';
import { SmtpSink } from '../server/test/smtp-sink';
import { postmasterPid } from './cpu-time';
import { measure as measureRun, pool, type Measure as Measured } from './measure';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const GOAL = 0.5;

// Read before DATABASE_URL names the bench's database (postmasterPid reads nothing for a server of DATABASE_URL).
const externalDatabase = Boolean(process.env.DATABASE_URL);
const databaseUrl = await prepareTestDatabase('pitchcraft_bench_transmissions');
const postgres = externalDatabase ? null : postmasterPid();
process.env.DATABASE_URL = databaseUrl;
process.env.PROVIDER_ALLOW_PRIVATE_HOSTS = 'true';
process.env.WORKER_CONCURRENCY = String(CONCURRENCY);
const { db } = await import('../server/db');
const { seal } = await import('../server/auth/sealed-secrets');
const { PERMISSIONS } = await import('../server/auth/permissions');
const { sendTransmission } = await import('../server/domain/transmissions/send-transmission');
const { startWorker } = await import('../server/jobs/worker');
const { stopJobBoss } = await import('../server/jobs/boss');

/** A run's measure; a path's carries how long its sends took (`extra`). */
type Measure = Measured<number>;
const measure = (run: () => Promise<number | void>) => measureRun<number>(run, postgres);

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

/** Every transmission sent (8 at a time, as API callers would) and delivered: the time until none is open. */
function throughPath(o: Awaited<ReturnType<typeof organization>>): Promise<Measure> {
  return measure(async () => {
    const t0 = performance.now();
    await pool(o.ids, CONCURRENCY, async (id) => void (await sendTransmission({ ctx: o.ctx, id })));
    const sendSeconds = (performance.now() - t0) / 1000;
    for (;;) {
      const open = await db.transmission.count({ where: { organizationId: o.organizationId, status: { in: ['pending', 'processing'] } } });
      if (open === 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    return sendSeconds;
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const sink = new SmtpSink();
const twilio = new GatewayPeer('twilio');
await Promise.all([sink.start(), twilio.start()]);
const worker = await startWorker({ queues: ['transmissions.deliver'] });
const runs = { bareSmtp: [] as Measure[], pathSmtp: [] as Measure[], bareTwilio: [] as Measure[], pathTwilio: [] as Measure[] };
const loads: number[] = [];
try {
  const indices = Array.from({ length: MESSAGES }, (_, i) => i);
  const orgs = [];
  for (let r = 0; r < ROUNDS; r++) {
    orgs.push({
      email: await organization('email', { type: 'smtp', host: '127.0.0.1', port: sink.port, username: 'sink', password: 'secret' }),
      sms: await organization('sms', { type: 'twilio', host: twilio.url, port: null, username: twilio.credentials.username, password: twilio.credentials.password }),
    });
  }
  const auth = `Basic ${Buffer.from(`${twilio.credentials.username}:${twilio.credentials.password}`).toString('base64')}`;
  const { loadavg } = await import('node:os');
  for (const o of orgs) {
    loads.push(loadavg()[0]!);
    const bareTransport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, secure: false, auth: { user: 'sink', pass: 'secret' }, pool: true, maxConnections: 4 });
    runs.bareSmtp.push(await measure(() => pool(indices, CONCURRENCY, async (i) => void (await bareTransport.sendMail({ from: 'sales@example.test', to: `ada${i}@example.test`, subject: `Hello Ada${i}`, html: `<p>Dear Ada${i} Lovelace, our offer.</p>`, text: `Dear Ada${i} Lovelace, our offer.` })))));
    bareTransport.close();
    runs.pathSmtp.push(await throughPath(o.email));
    runs.bareTwilio.push(await measure(() =>
      pool(indices, CONCURRENCY, async (i) => {
        const res = await fetch(`${twilio.url}/2010-04-01/Accounts/${twilio.credentials.username}/Messages.json`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ To: `+1512555${i}`, From: '+15125559999', Body: `Hi Ada${i}, your car is ready.` }) });
        if (res.status !== 201) throw new Error(`bare twilio: ${res.status}`);
        await res.arrayBuffer();
      }),
    ));
    runs.pathTwilio.push(await throughPath(o.sms));
  }
  loads.push(loadavg()[0]!);
  const failed = await db.spool.count({ where: { status: 'failed' } });
  if (failed > 0) throw new Error(`${failed} spools failed: the numbers would not be comparable`);

  const pgText = (m: Measure[]) => (m[0]!.pgCpuSeconds === null ? 'n/a' : median(m.map((x) => x.pgCpuSeconds!)).toFixed(2));
  const row = (label: string, m: Measure[]) => {
    const rate = median(m.map((x) => MESSAGES / x.seconds));
    const cpu = median(m.map((x) => x.cpuSeconds));
    const pgCpu = pgText(m);
    const cpuPerMessage = ((cpu + (m[0]!.pgCpuSeconds === null ? 0 : median(m.map((x) => x.pgCpuSeconds!)))) / MESSAGES) * 1000;
    return `${label.padEnd(56)} ${rate.toFixed(0).padStart(8)} ${cpu.toFixed(2).padStart(8)} ${pgCpu.padStart(9)} ${cpuPerMessage.toFixed(1).padStart(11)} ${Math.max(...m.map((x) => x.peakRssMb)).toFixed(0).padStart(9)}`;
  };
  console.log(`\n${MESSAGES} messages per peer, concurrency ${CONCURRENCY}, ${ROUNDS} rounds (medians), peers in this process (their CPU counts on both sides)`);
  console.log(`load average (1 min) at each round's start and at the end: ${loads.map((l) => l.toFixed(1)).join(', ')}\n`);
  console.log(`${''.padEnd(56)} ${'sends/s'.padStart(8)} ${'CPU s'.padStart(8)} ${'PG CPU s'.padStart(9)} ${'CPU ms/msg'.padStart(11)} ${'peak RSS'.padStart(9)}`);
  console.log(row('SMTP: send → job → spool → smtp adapter (Pitchcraft)', runs.pathSmtp));
  console.log(row('SMTP: bare pooled nodemailer loop', runs.bareSmtp));
  console.log(row('Twilio: send → job → spool → twilio adapter (Pitchcraft)', runs.pathTwilio));
  console.log(row('Twilio: bare fetch loop', runs.bareTwilio));
  const ratio = (path: Measure[], bare: Measure[]) => median(path.map((m) => MESSAGES / m.seconds)) / median(bare.map((m) => MESSAGES / m.seconds));
  const rounds = (path: Measure[], bare: Measure[]) => path.map((m, i) => `${(bare[i]!.seconds / m.seconds).toFixed(2)} (${(MESSAGES / m.seconds).toFixed(0)}/${(MESSAGES / bare[i]!.seconds).toFixed(0)})`).join(' ');
  const r1 = ratio(runs.pathSmtp, runs.bareSmtp);
  const r2 = ratio(runs.pathTwilio, runs.bareTwilio);
  console.log(`\nof which POST …/send (spool + job + event, ${CONCURRENCY} at a time), median: SMTP ${median(runs.pathSmtp.map((m) => m.extra!)).toFixed(2)} s, Twilio ${median(runs.pathTwilio.map((m) => m.extra!)).toFixed(2)} s`);
  console.log(`ratio by round (path / bare loop, and their sends/s): SMTP ${rounds(runs.pathSmtp, runs.bareSmtp)}; Twilio ${rounds(runs.pathTwilio, runs.bareTwilio)}`);
  console.log(`\nratio of the medians (path / bare loop): SMTP ${r1.toFixed(2)}×, Twilio ${r2.toFixed(2)}× (goal ≥ ${GOAL}×: ${r1 >= GOAL && r2 >= GOAL ? 'met' : 'NOT met'})`);
} finally {
  await worker.stop();
  await stopJobBoss(1000);
  await Promise.all([sink.stop(), twilio.stop()]);
}
process.exit(0);
