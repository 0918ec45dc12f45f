// Demo Motors' coaching: the sales team (Marcus Bell leading Sofía, Jordan and two more reps), two products with
// ordered training modules, and four weeks of practice sessions scored by the real analysis engine from realistic
// pitch transcripts, the latest few with recordings — so the team dashboard, the trend charts and the review page
// have something to show on first start. Deterministic: every fresh start looks the same.
import { createHash } from 'node:crypto';
import { analyzeSession, decodeWav, type TranscriptWord } from '../../server/analysis';
import { hashPassword } from '../../server/auth/passwords';
import type { Prisma } from '../../server/generated/prisma/client';
import { makeWav } from '../../server/test/wav';
import { DEMO_LOGIN } from './demo-organization';
import { ago, type SeedSection, type SeedTx } from './section';
import { emailOf } from './team';

type Db = SeedTx;

const PRODUCTS = [
  {
    name: 'Extended Warranty',
    modules: [
      {
        name: 'Opening the conversation',
        targetTime: 30,
        keywords: ['peace of mind', 'coverage', 'warranty'],
        instructions: ['Greet the customer by name', 'Ask how they use the vehicle day to day', 'Introduce the warranty as peace of mind, not a cost'],
        scripts: [
          'Hi Sam, thanks for picking up the keys today. How are you planning to use the truck most days? A lot of our customers drive it for work and the one thing they tell us is they want peace of mind. That is exactly what our extended warranty is for. It gives you full coverage on the engine and the transmission for seven years.',
          'Good morning and congratulations on the new car. Before you head out, can I ask how many miles you usually drive in a year? The reason I ask is that our extended warranty adds coverage well past the factory plan, so you get real peace of mind on long trips.',
        ],
      },
      {
        name: 'Handling price objections',
        targetTime: 35,
        keywords: ['monthly payment', 'repair costs', 'transferable'],
        instructions: ['Acknowledge the concern', 'Compare the monthly payment with one average repair', 'Mention that the plan is transferable when they sell'],
        scripts: [
          'I completely understand, nobody likes adding to the price. Let me put it another way. The plan works out to about eighteen dollars on your monthly payment. A single transmission repair today runs around four thousand dollars, and repair costs keep going up every year. And if you sell the car, the plan is transferable, which helps your resale value too.',
          'That is a fair question. Most people feel the same at first. If we spread it over your loan it adds about a coffee a week to the monthly payment, while the average repair costs on a modern engine are in the thousands. The coverage is also transferable, so the next owner pays you for it.',
        ],
      },
      {
        name: 'Asking for the decision',
        targetTime: 25,
        keywords: ['seven year plan', 'sign today'],
        instructions: ['Summarise the two options', 'Recommend one clearly', 'Ask for the decision'],
        scripts: [
          'So you have two choices. The five year plan covers the powertrain, and the seven year plan covers almost everything including electronics. For the way you drive I would go with the seven year plan. Shall we add it so you can sign today and drive off fully covered?',
        ],
      },
    ],
  },
  {
    name: 'Auto Financing',
    modules: [
      {
        name: 'Explaining the rate',
        targetTime: 30,
        keywords: ['APR', 'credit score', 'term'],
        instructions: ['Explain what the APR includes', 'Show how the term changes the payment', 'Invite questions'],
        scripts: [
          'Let me walk you through the numbers. Your APR is four point nine percent, which includes every fee, so there are no surprises later. With your credit score that is one of the best rates we can offer. If you choose a sixty month term the payment is lower, and with a forty eight month term you pay less interest overall. Which matters more to you?',
        ],
      },
      {
        name: 'Trade-in pitch',
        targetTime: 25,
        keywords: ['trade-in value', 'market report', 'tax savings'],
        instructions: ['Show the market report', 'Explain the tax savings of trading in', 'Make a clear offer'],
        scripts: [
          'Here is the market report for your current sedan. Similar cars are selling for around eleven thousand in this area. We can offer you a trade-in value of ten thousand five hundred today, and because the trade-in comes off the price before tax you also keep the tax savings, which is almost eight hundred dollars.',
        ],
      },
    ],
  },
] as const;

/** How polished each rep is and which way they are heading (the dashboard's trends come out of this). */
const SKILLS = [
  { skill: 0.75, improves: 0.4 },
  { skill: 0.55, improves: 0.8 },
  { skill: 0.35, improves: 0.2 },
  { skill: 0.6, improves: -0.3 },
];
/** Reps who joined for the coaching programme, on top of the team section's people. */
export const COACHING_REPS = [
  { firstName: 'Riley', lastName: 'Chen', joinedDaysAgo: 29 },
  { firstName: 'Avery', lastName: 'Brooks', joinedDaysAgo: 29 },
];

const FILLERS = ['um', 'uh', 'you know', 'like', 'basically', 'so'];

/** What a rep says when a keyword slips their mind. */
const PLAIN: Record<string, string> = {
  'peace of mind': 'comfort',
  coverage: 'protection',
  warranty: 'plan',
  'monthly payment': 'payment',
  'repair costs': 'repairs',
  transferable: 'yours to pass on',
  'seven year plan': 'longer plan',
  'sign today': 'go ahead',
  APR: 'rate',
  'credit score': 'history',
  term: 'length',
  'trade-in value': 'offer',
  'market report': 'numbers',
  'tax savings': 'savings',
};

/** A small deterministic random generator, so the demo looks the same on every fresh start. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => ((state = (state * 1664525 + 1013904223) >>> 0) / 4294967296);
}

/**
 * Timed words for a script as a rep of a given polish would say it: fillers slipped in, some keywords dropped, a pace
 * between hurried and slow, and pauses at sentence ends (long ones when less polished).
 */
function perform(script: string, keywords: readonly string[], polish: number, rnd: () => number): TranscriptWord[] {
  let text = script;
  // Less polished reps forget some keywords, saying something plainer instead.
  for (const k of keywords) if (rnd() > 0.35 + polish * 0.6) text = text.replace(new RegExp(k, 'i'), PLAIN[k] ?? 'that');
  const words: TranscriptWord[] = [];
  const secondsPerWord = 0.3 + (1 - polish) * 0.22 * (rnd() > 0.5 ? 1 : -0.6);
  let t = 0.4 + rnd() * 0.5;
  for (const raw of text.split(/\s+/)) {
    if (rnd() < (1 - polish) * 0.14) {
      for (const filler of FILLERS[Math.floor(rnd() * FILLERS.length)]!.split(' ')) {
        words.push({ text: filler, start: round(t), end: round(t + 0.22), confidence: round(0.7 + rnd() * 0.3) });
        t += 0.3;
      }
    }
    const length = Math.max(0.14, secondsPerWord * (0.6 + raw.length / 9));
    words.push({ text: raw, start: round(t), end: round(t + length), confidence: round(Math.min(1, 0.78 + polish * 0.2 + rnd() * 0.1)) });
    t += length + 0.05;
    if (/[.?!]$/.test(raw)) t += 0.35 + rnd() * (1 - polish) * 3.2;
  }
  return words;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
const OPPORTUNITIES = ['Hernandez family SUV', 'Fleet renewal for Lakeside Plumbing', 'First car for a graduate', null, 'Returning customer, lease end', null];

export const coachingSection: SeedSection = {
  name: 'coaching',
  seeded: async (db, demo) => (await db.team.count({ where: { organizationId: demo.organizationId } })) > 0,
  // Scoring and storing a few dozen sessions (and recordings) takes longer than the other sections.
  timeoutMs: 120_000,
  async seed(tx, demo) {
    const passwordHash = await hashPassword(DEMO_LOGIN.password);
    const reps: { id: string }[] = [];
    for (const key of ['rep', 'rep2']) if (demo.people[key]) reps.push({ id: demo.people[key]!.userId });
    for (const r of COACHING_REPS) {
      const email = emailOf(r);
      const user = await tx.user.upsert({ where: { email }, update: {}, create: { email, firstName: r.firstName, lastName: r.lastName, passwordHash, activeOrganizationId: demo.organizationId, createdAt: ago(r.joinedDaysAgo) } });
      await tx.membership.create({ data: { userId: user.id, organizationId: demo.organizationId, role: 'member', createdAt: ago(r.joinedDaysAgo) } });
      reps.push({ id: user.id });
    }
    await seedCoaching(tx, { organizationId: demo.organizationId, managerId: (demo.people.manager ?? demo.people.owner)!.userId, people: reps });
  },
};

async function seedCoaching(tx: Db, opts: { organizationId: string; people: { id: string }[]; managerId: string; now?: Date }) {
  const now = opts.now ?? new Date();
  const team = await tx.team.create({ data: { organizationId: opts.organizationId, name: 'Austin Showroom' } });
  await tx.teamMember.create({ data: { organizationId: opts.organizationId, teamId: team.id, userId: opts.managerId, role: 'manager' } });
  for (const p of opts.people) await tx.teamMember.create({ data: { organizationId: opts.organizationId, teamId: team.id, userId: p.id, role: 'member' } });

  const modules: { id: string; productId: string; productName: string; name: string; keywords: string[]; targetTime: number; scripts: readonly string[] }[] = [];
  for (const product of PRODUCTS) {
    const created = await tx.product.create({ data: { organizationId: opts.organizationId, name: product.name, teamId: product.name === 'Extended Warranty' ? team.id : null } });
    for (const [position, m] of product.modules.entries()) {
      const row = await tx.module.create({
        data: { organizationId: opts.organizationId, productId: created.id, name: m.name, instructions: [...m.instructions], keywords: [...m.keywords], targetTime: m.targetTime, position },
      });
      modules.push({ id: row.id, productId: created.id, productName: product.name, name: m.name, keywords: [...m.keywords], targetTime: m.targetTime, scripts: m.scripts });
    }
  }

  // Four weeks of practice: a few sessions a week each, polish drifting with the rep's trend.
  const rnd = random(20260301);
  const DAYS = 28;
  for (const [r, person] of opts.people.entries()) {
    const rep = SKILLS[r % SKILLS.length]!;
    const count = 9 + Math.floor(rnd() * 5);
    for (let k = 0; k < count; k += 1) {
      const progress = k / (count - 1);
      const polish = Math.min(0.97, Math.max(0.05, rep.skill + rep.improves * (progress - 0.5) * 0.6 + (rnd() - 0.5) * 0.12));
      const module = modules[Math.floor(rnd() * modules.length)]!;
      const script = module.scripts[Math.floor(rnd() * module.scripts.length)]!;
      const words = perform(script, module.keywords, polish, rnd);
      const expectations = { keywords: module.keywords, targetTime: module.targetTime };
      // The latest two of each rep come with a recording, so the review page's player and energy chart have something.
      const recorded = k >= count - 2;
      const wav = recorded ? makeWav({ seconds: Math.ceil(words.at(-1)!.end) + 1 }) : null;
      const analysis = analyzeSession({ words, audio: wav ? decodeWav(wav) : null, module: expectations });
      const audioMediaId = wav ? await storeRecording(tx, { organizationId: opts.organizationId, userId: person.id, wav }) : null;
      const day = DAYS - Math.round(progress * (DAYS - 1)) - 1;
      const recordedAt = new Date(now.getTime() - day * 86_400_000 - (9 + Math.floor(rnd() * 8)) * 3_600_000);
      await tx.practiceSession.create({
        data: {
          organizationId: opts.organizationId,
          userId: person.id,
          moduleId: module.id,
          productId: module.productId,
          moduleName: module.name,
          productName: module.productName,
          expectations,
          opportunity: OPPORTUNITIES[Math.floor(rnd() * OPPORTUNITIES.length)] ?? null,
          recordedAt,
          transcriptStatus: 'ready',
          transcriptSource: 'upload',
          analysis: analysis as unknown as Prisma.InputJsonValue,
          score: analysis.final,
          duration: analysis.duration,
          audioMediaId,
        },
      });
    }
  }
}

/** A recording stored as the media store keeps one in PostgreSQL (server/media/pg-backend.ts): ready, private. */
async function storeRecording(tx: Db, opts: { organizationId: string; userId: string; wav: Uint8Array }): Promise<string> {
  const chunkSize = 262_144;
  const media = await tx.media.create({
    data: {
      organizationId: opts.organizationId,
      createdById: opts.userId,
      kind: 'audio',
      contentType: 'audio/wav',
      size: opts.wav.length,
      storage: 'pg',
      chunkSize,
      status: 'ready',
      sha256: createHash('sha256').update(opts.wav).digest('hex'),
      completedAt: new Date(),
    },
  });
  for (let index = 0; index * chunkSize < opts.wav.length; index += 1) {
    await tx.mediaChunk.create({ data: { mediaId: media.id, index, bytes: opts.wav.slice(index * chunkSize, (index + 1) * chunkSize) } });
  }
  return media.id;
}

