// Live calls and leads: the team takes calls (the admin's calls are paused by a manager), two months of calls that
// ended every way a call can end — completed, missed, expired — with their events, chats, notes and leads, so the
// calls, leads and dealers pages, their filters and exports have something to show on first start. The newest
// completed calls were recorded by their dealers and scored, so recorded calls show on call pages and in sessions.
//
// And calls happening now: two customers waiting and one call in progress with Sofía, online. Honestly so — each
// comes with the job that ends it, enqueued in the seed's transaction as the app would: a waiting call is missed
// after CALL_MISSED_AFTER_SECONDS unless someone goes online on the Console and accepts it, and nobody is pinging for
// Sofía, so her heartbeat check takes her offline and expires her call after CALL_PING_TIMEOUT_SECONDS. Seeded
// without their jobs they would wait, or stay online, for ever.
import { randomBytes, randomUUID } from 'node:crypto';
import type { PgBoss } from 'pg-boss';
import { analyzeSession, type TranscriptWord } from '../../server/analysis';
import { callTimings } from '../../server/env';
import type { Prisma } from '../../server/generated/prisma/client';
import { openJobClient } from '../../server/jobs/boss';
import { sendJob } from '../../server/jobs/enqueue';
import { decodeVin } from '../../server/domain/vehicles/decode-vin';
import type { VinDecode } from '../../server/domain/vehicles/vin.schema';
import { ago, type Demo, type SeedSection, type SeedTx } from './section';

// Real VIN patterns of common vehicles (check digits right); serial numbers are varied per call below.
const BASE_VINS = [
  '2T1BURHEXJC043821', '1HGCM82633A004352', 'KM8K2CAB4PU001140', '1FTFW1ET9DFC10312', '1G1ZD5ST1JF000001', '5YJ3E1EA2KF317000',
  'JTDKB20U693500001', '5NPE24AF3FH000001', '1N4AL3AP3FC000001', 'WBA8E9G50GNU00001', '3GCUKREC0JG000001', 'JM1BM1V78E1000001',
  '1C4RJFAG8FC000001', '4T1BF1FK5GU000001', '5FNRL6H71KB000001', 'KNDJP3A52H7000001', '1FMCU9GD2HUA00001', '2HKRW2H89KH000001',
];
const FIRST = ['Maya', 'Raj', 'Lee', 'Sofia', 'Omar', 'Hana', 'Lucas', 'Amara', 'Noah', 'Ines', 'Kenji', 'Zoe', 'Mateo', 'Priya', 'Eli', 'Grace', 'Yusuf', 'Lena'];
const LAST = ['Ortiz', 'Patel', 'Chen', 'Rossi', 'Haddad', 'Kim', 'Silva', 'Okafor', 'Brown', 'García', 'Sato', 'Miller', 'Lopez', 'Nair', 'Cohen', 'Walsh', 'Demir', 'Novak'];
const CHAT = [
  ['customer', 'Hi! Is this one still available?'],
  ['dealer', 'It is — I can see it from here. Want me to walk you around it?'],
  ['customer', 'Yes please, and what about financing?'],
  ['dealer', 'We have 2.9% for 60 months this week. I can send you the application link.'],
] as const;
const NOTES = ['Wants the hybrid trim; call back Friday.', 'Trading in a 2012 Civic. Send a valuation.', 'Asked about the warranty extension.', 'Ready to test drive on Saturday morning.', 'Price-shopping; follow up next week.'];
// What dealers say on recorded calls: the same walk-around, delivered better or worse (fillers, rushing, pauses).
const PATTER = [
  'Hi there thanks for calling about the {car} let me turn the camera so you can see the whole side of it',
  'This one has about twelve thousand miles a clean history report and the remainder of the factory warranty',
  'The interior is in great shape and it has the technology package with adaptive cruise and the bigger screen',
  'If financing helps we have two point nine percent for sixty months this week and I can send the application link',
  'Would you like to book a test drive this weekend or should I hold it for you until tomorrow',
];
const FILLERS = ['um', 'uh', 'like', 'you know', 'basically'];

/** A dealer's side of a call as timed words: `polish` 0..1 sets fillers, pace and pauses. */
function patter(car: string, polish: number, rnd: () => number): TranscriptWord[] {
  const words: TranscriptWord[] = [];
  let t = 0.4;
  for (const line of PATTER) {
    for (const text of line.replace('{car}', car).split(' ')) {
      if (rnd() < (1 - polish) * 0.1) {
        for (const filler of (FILLERS[Math.floor(rnd() * FILLERS.length)] ?? 'um').split(' ')) {
          words.push({ text: filler, start: t, end: t + 0.25 });
          t += 0.35;
        }
      }
      const length = 0.18 + text.length * 0.045;
      words.push({ text, start: t, end: t + length });
      t += length + 0.05 + (1 - polish) * 0.1;
    }
    t += 0.6 + (rnd() < (1 - polish) * 0.6 ? 2.5 + rnd() * 2 : 0);
  }
  return words;
}

const COMMENTS = ['Please send me the financing options.', 'Can I book a test drive this weekend?', 'What is the best price for cash?', 'Is the extended warranty included?', null];

const W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const value = (c: string) => (/\d/.test(c) ? Number(c) : ({ A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9, S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9 } as Record<string, number>)[c]!);
/** The VIN with another serial number and its check digit recomputed (49 CFR 565). */
function withSerial(vin: string, serial: number) {
  const v = vin.slice(0, 12) + String(serial).padStart(5, '0');
  const sum = [...v].reduce((a, c, i) => a + (i === 8 ? 0 : value(c) * W[i]!), 0) % 11;
  return v.slice(0, 8) + (sum === 10 ? 'X' : String(sum)) + v.slice(9);
}

// A small deterministic generator, so every fresh demo database looks the same.
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}


type Decoded = Map<string, VinDecode>;
type Prepared = { decoded: Decoded; jobs: PgBoss };
type Vehicle = VinDecode & { vin: string };

/** A call's or lead's vehicle columns: the decode, and the fields the lists filter on (upper-cased, as the app stores them). */
const vehicleColumns = (v: Vehicle) => ({
  vin: v.vin,
  carMake: v.make?.toUpperCase() ?? null,
  carModel: v.model?.toUpperCase() ?? null,
  carType: v.carType?.toUpperCase() ?? null,
  modelYear: v.modelYear,
  vehicle: v as unknown as Prisma.InputJsonObject,
});

/** Who takes calls in the demo, by the team's keys (team.ts); the admin is paused so the dealers list shows it. */
const DEALERS: Array<{ who: string; phone: string | null; active: boolean; lastOnlineDaysAgo: number }> = [
  { who: 'owner', phone: '+15125550100', active: true, lastOnlineDaysAgo: 1 },
  { who: 'manager', phone: '+15125550101', active: true, lastOnlineDaysAgo: 0 },
  { who: 'rep', phone: '+15125550102', active: true, lastOnlineDaysAgo: 0 },
  { who: 'rep2', phone: '+15125550103', active: true, lastOnlineDaysAgo: 2 },
  { who: 'admin', phone: null, active: false, lastOnlineDaysAgo: 20 },
];

const STATUSES = ['completed', 'completed', 'completed', 'completed', 'completed', 'missed', 'missed', 'expired'] as const;

export const liveCallsSection: SeedSection<Prepared> = {
  name: 'live-calls',
  seeded: async (db, demo) => (await db.call.count({ where: { organizationId: demo.organizationId } })) > 0,
  // Decoding loads NHTSA's vPIC database (seconds): done before the section's transaction opens. The job client
  // installs pg-boss's schema if the app never ran on this database, so the seed can enqueue the live calls' jobs.
  async prepare({ databaseUrl }) {
    const decoded: Decoded = new Map();
    for (const vin of BASE_VINS) decoded.set(vin, await decodeVin(vin));
    return { decoded, jobs: await openJobClient(databaseUrl) };
  },
  seed: (tx, demo, { decoded, jobs }) => seedLiveCalls(tx, demo, decoded, jobs),
  release: ({ jobs }) => jobs.stop({ graceful: false, close: true }),
};

async function seedLiveCalls(tx: SeedTx, demo: Demo, decoded: Decoded, jobs: PgBoss) {
  const organizationId = demo.organizationId;
  const rnd = random(10);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;

  const dealerIds: string[] = [];
  for (const d of DEALERS) {
    const person = demo.people[d.who];
    if (!person) continue; // the team section did not run in this database
    const lastOnline = ago(d.lastOnlineDaysAgo, 2);
    await tx.dealer.create({
      data: { organizationId, userId: person.userId, membershipId: person.membershipId, presence: 'offline', active: d.active, phone: d.phone, lastPingAt: lastOnline, presenceAt: lastOnline },
    });
    if (d.active) dealerIds.push(person.userId);
  }

  const now = Date.now();
  const calls: Prisma.CallCreateManyInput[] = [];
  const events: Prisma.CallEventCreateManyInput[] = [];
  const messages: Prisma.CallMessageCreateManyInput[] = [];
  const leads: Prisma.LeadCreateManyInput[] = [];
  const TOTAL = 320;
  for (let i = 0; i < TOTAL; i++) {
    const id = randomUUID();
    const base = pick(BASE_VINS);
    const vehicle = { ...decoded.get(base)!, vin: withSerial(base, 10000 + i) };
    const status = pick(STATUSES);
    // Spread over 60 days, busier in the afternoon; the newest few ended within the last hours.
    const createdAt = new Date(i < 4 ? now - (i + 1) * 50 * 60_000 : now - Math.floor(rnd() * 60) * 86_400_000 - (8 + rnd() * 10) * 3_600_000);
    const named = rnd() < 0.8;
    const first = named ? pick(FIRST) : null;
    const last = named ? pick(LAST) : null;
    const dealerId = status === 'missed' || dealerIds.length === 0 ? null : pick(dealerIds);
    const acceptedAt = dealerId ? new Date(createdAt.getTime() + (5 + rnd() * 40) * 1000) : null;
    const endedAt = status === 'missed' || !acceptedAt ? new Date(createdAt.getTime() + 60_000) : new Date(acceptedAt.getTime() + (60 + rnd() * 900) * 1000);
    const ended = dealerId ? status : 'missed';
    const note = ended === 'completed' && rnd() < 0.5 ? pick(NOTES) : null;
    calls.push({
      id,
      organizationId,
      status: ended,
      tokenHash: randomBytes(32).toString('hex'),
      ...vehicleColumns(vehicle),
      customerFirstName: first,
      customerLastName: last,
      customerPhone: named && rnd() < 0.7 ? `+1512555${String(1000 + i).slice(-4)}` : null,
      customerEmail: named && rnd() < 0.6 ? `${first!.toLowerCase()}.${i}@example.com` : null,
      dealerId,
      note,
      noteUpdatedAt: note ? endedAt : null,
      createdAt,
      acceptedAt,
      endedAt,
    });
    events.push({ callId: id, organizationId, type: 'requested', actor: 'customer', createdAt });
    if (acceptedAt) events.push({ callId: id, organizationId, type: 'accepted', actor: 'user', actorId: dealerId, createdAt: acceptedAt });
    if (ended === 'completed') events.push({ callId: id, organizationId, type: 'completed', actor: rnd() < 0.7 ? 'user' : 'customer', actorId: null, createdAt: endedAt });
    if (ended === 'missed') events.push({ callId: id, organizationId, type: 'missed', actor: 'system', createdAt: endedAt, detail: { afterSeconds: 60 } });
    if (ended === 'expired') events.push({ callId: id, organizationId, type: 'expired', actor: 'system', createdAt: endedAt, detail: { lastPingAt: new Date(endedAt.getTime() - 30_000).toISOString() } });
    if (acceptedAt && rnd() < 0.35) {
      CHAT.forEach(([sender, body], k) =>
        messages.push({ callId: id, organizationId, sender: sender === 'customer' ? 'customer' : 'user', senderUserId: sender === 'dealer' ? dealerId : null, body, createdAt: new Date(acceptedAt.getTime() + (k + 1) * 20_000) }),
      );
    }
    if ((ended === 'completed' && rnd() < 0.45) || (ended !== 'completed' && rnd() < 0.3)) {
      const lf = first ?? pick(FIRST);
      const ll = last ?? pick(LAST);
      leads.push({
        organizationId, callId: id, ...vehicleColumns(vehicle), firstName: lf, lastName: ll, email: `${lf.toLowerCase()}.${ll.toLowerCase().replace(/[^a-z]/g, '')}@example.com`,
        phone: rnd() < 0.6 ? `+1512555${String(2000 + i).slice(-4)}` : null, comment: pick(COMMENTS), dealerId, createdAt: new Date(endedAt.getTime() + 120_000),
      });
    }
  }
  // A few walk-in leads, left from the call page without a call.
  for (let i = 0; i < 6; i++) {
    const base = pick(BASE_VINS);
    const vehicle = { ...decoded.get(base)!, vin: withSerial(base, 20000 + i) };
    const [lf, ll] = [pick(FIRST), pick(LAST)];
    leads.push({
      organizationId, ...vehicleColumns(vehicle), firstName: lf, lastName: ll, email: `${lf.toLowerCase()}.walkin${i}@example.com`, comment: 'Left my details on the call page.',
      createdAt: new Date(now - Math.floor(rnd() * 30) * 86_400_000),
    });
  }
  await tx.call.createMany({ data: calls });

  // The newest dozen completed calls were recorded by their dealers: scored by the engine like practice (delivery
  // only: a call has no module), so the call pages and the dealers' sessions show recorded calls.
  const recorded = calls.filter((c) => c.status === 'completed' && c.dealerId).sort((a, b) => +b.createdAt! - +a.createdAt!).slice(0, 12);
  for (const c of recorded) {
    const v = c.vehicle as { make?: string | null; model?: string | null; modelYear?: number | null };
    const car = [v.modelYear, v.make, v.model].filter(Boolean).join(' ');
    const words = patter(car || 'car', 0.15 + rnd() * 0.8, rnd);
    const expectations = { keywords: [], targetTime: 0 };
    const analysis = analyzeSession({ words, audio: null, module: expectations });
    const recordedAt = new Date((c.acceptedAt as Date).getTime() + 20_000);
    await tx.practiceSession.create({
      data: {
        organizationId, userId: c.dealerId!, callId: c.id, moduleId: null, productId: null, moduleName: car || c.vin, productName: 'Live call', expectations,
        recordedAt, transcriptStatus: 'ready', transcriptSource: 'browser', analysis: analysis as unknown as Prisma.InputJsonValue, score: analysis.final, duration: analysis.duration,
      },
    });
    events.push(
      { callId: c.id!, organizationId, type: 'recording.started', actor: 'user', actorId: c.dealerId, createdAt: recordedAt },
      { callId: c.id!, organizationId, type: 'recording.stopped', actor: 'user', actorId: c.dealerId, createdAt: new Date(recordedAt.getTime() + analysis.duration * 1000) },
      { callId: c.id!, organizationId, type: 'recording.saved', actor: 'user', actorId: c.dealerId, createdAt: new Date(recordedAt.getTime() + analysis.duration * 1000 + 2_000) },
    );
  }
  await tx.callEvent.createMany({ data: events });
  await tx.callMessage.createMany({ data: messages });
  await tx.lead.createMany({ data: leads });
  await seedCallsHappeningNow(tx, organizationId, decoded, jobs, demo.people.rep?.userId ?? null);
}

/** Two customers waiting and one call in progress, each with the job that ends it (see the top of this file). */
async function seedCallsHappeningNow(tx: SeedTx, organizationId: string, decoded: Decoded, jobs: PgBoss, dealerId: string | null) {
  const { missedAfterSeconds, pingTimeoutSeconds } = callTimings();
  const now = Date.now();
  const at = (secondsAgo: number) => new Date(now - secondsAgo * 1000);
  const vehicle = (base: string, serial: number): Vehicle => ({ ...decoded.get(base)!, vin: withSerial(base, serial) });
  const customer = (first: string | null, last: string | null, phone: string | null) => ({
    customerFirstName: first, customerLastName: last, customerPhone: phone, customerEmail: first && last ? `${first}.${last}@example.com`.toLowerCase() : null,
  });
  const waiting = [
    { id: randomUUID(), createdAt: at(5), vehicle: vehicle(BASE_VINS[2]!, 30001), ...customer('Amara', 'Okafor', '+15125554471') },
    { id: randomUUID(), createdAt: at(2), vehicle: vehicle(BASE_VINS[0]!, 30002), ...customer(null, null, null) },
  ];
  for (const { vehicle: v, ...call } of waiting) {
    await tx.call.create({ data: { ...call, organizationId, status: 'requested', tokenHash: randomBytes(32).toString('hex'), ...vehicleColumns(v) } });
    await tx.callEvent.create({ data: { callId: call.id, organizationId, type: 'requested', actor: 'customer', createdAt: call.createdAt } });
    // As createCall does: missed unless a dealer accepts in time.
    await sendJob(jobs, tx, 'call.miss', { callId: call.id }, { startAfter: new Date(call.createdAt.getTime() + missedAfterSeconds * 1000) });
  }
  if (!dealerId) return; // the team section did not run in this database

  // Sofía took a call three minutes ago and has just pinged; nobody pings for her now, so her check will find her silent.
  const id = randomUUID();
  const acceptedAt = at(150);
  const lastPingAt = new Date(now);
  const pingCheckAt = new Date(now + pingTimeoutSeconds * 1000);
  await tx.call.create({
    data: { id, organizationId, status: 'active', tokenHash: randomBytes(32).toString('hex'), ...vehicleColumns(vehicle(BASE_VINS[5]!, 30003)), ...customer('Kenji', 'Sato', '+15125554472'), dealerId, createdAt: at(170), acceptedAt },
  });
  await tx.callEvent.createMany({
    data: [
      { callId: id, organizationId, type: 'requested', actor: 'customer', createdAt: at(170) },
      { callId: id, organizationId, type: 'accepted', actor: 'user', actorId: dealerId, createdAt: acceptedAt },
    ],
  });
  await tx.callMessage.createMany({
    data: CHAT.slice(0, 2).map(([sender, body], k) => ({ callId: id, organizationId, sender: sender === 'customer' ? 'customer' : 'user', senderUserId: sender === 'dealer' ? dealerId : null, body, createdAt: new Date(acceptedAt.getTime() + (k + 1) * 20_000) })),
  });
  await tx.dealer.updateMany({ where: { organizationId, userId: dealerId }, data: { presence: 'online', presenceAt: acceptedAt, lastPingAt, pingCheckAt } });
  // As schedulePingCheck does: the dealer's heartbeat check, due when her pings would have to have come.
  await sendJob(jobs, tx, 'dealer.check-pings', { organizationId, userId: dealerId }, { startAfter: pingCheckAt });
}
