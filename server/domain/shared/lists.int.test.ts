// What every list of the five slices (GET /sessions, /calls, /leads, /dealers, /teams) promises whatever SQL reads
// it: the {count, next, previous, results} envelope, pages that follow `next` through every row exactly once in the
// requested order (ties broken, nulls last), a page past the end that still counts, and another organization's rows
// never showing — for every ordering field in both directions.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db';
import { api } from '../../test/api-client';
import { newTenant, type Tenant } from '../../test/factories';
import { CALL_ORDERING } from '../calls/call.schema';
import { DEALER_ORDERING } from '../dealers/dealer.schema';
import { LEAD_ORDERING } from '../leads/lead.schema';
import { SESSION_ORDERING } from '../sessions/session.schema';
import { TEAM_ORDERING } from '../teams/team.schema';

type Row = Record<string, unknown> & { id: string };
type Envelope = { count: number; next: string | null; previous: string | null; results: Row[] };

const day = (d: number, minute = 0) => new Date(Date.UTC(2026, 0, d, 9, minute));

/** Seven of everything in an organization, with ties and nulls in the ordering fields. */
async function seed(t: Tenant, tag: string) {
  const org = t.organizationId;
  const [{ id: ownerId }] = await db.membership.findMany({ where: { organizationId: org }, select: { id: true } });
  const users = Array.from({ length: 6 }, (_, i) => ({
    id: randomUUID(),
    email: `${tag}-${i}-${randomUUID().slice(0, 8)}@example.test`,
    passwordHash: 'not-a-password-hash',
    // Two people share a name: the order must still be total.
    firstName: ['Ana', 'Ben', 'Ana', 'Cy', 'Di', 'Ed'][i]!,
    lastName: ['Zed', 'Young', 'Zed', 'Xu', 'Wu', 'Vo'][i]!,
  }));
  await db.user.createMany({ data: users });
  await db.membership.createMany({ data: users.map((u, i) => ({ userId: u.id, organizationId: org, createdAt: day(1 + (i % 3)) })) });
  const memberships = await db.membership.findMany({ where: { organizationId: org, id: { not: ownerId } }, select: { id: true, userId: true } });
  // Four have gone online once (a dealer row; one never pinged), two never did.
  await db.dealer.createMany({
    data: memberships.slice(0, 4).map((m, i) => ({ organizationId: org, userId: m.userId, membershipId: m.id, lastPingAt: i === 3 ? null : day(5 + (i % 2)) })),
  });
  await db.team.createMany({ data: Array.from({ length: 7 }, (_, i) => ({ organizationId: org, name: `${tag} team ${i}`, createdAt: day(1 + (i % 3)) })) });
  const teams = await db.team.findMany({ where: { organizationId: org }, select: { id: true } });
  await db.teamMember.createMany({ data: teams.map((team, i) => ({ organizationId: org, teamId: team.id, userId: users[i % users.length]!.id, role: i % 2 ? 'member' : 'manager' })) });
  await db.practiceSession.createMany({
    data: Array.from({ length: 7 }, (_, i) => ({
      organizationId: org,
      userId: users[i % users.length]!.id,
      moduleName: 'Discovery call',
      productName: 'Product',
      expectations: { keywords: [], targetTime: 60 },
      recordedAt: day(10 + (i % 3)),
      transcriptStatus: 'ready' as const,
      score: i === 2 || i === 5 ? null : [70, 80, 0, 70, 90, 0, 55][i]!,
      duration: [30, 30, 45, 60, 30, 12.5, 90][i]!,
      createdAt: day(20, i % 2),
    })),
  });
  const makes = ['TOYOTA', 'FORD', null, 'TOYOTA', 'KIA', null, 'FORD'];
  await db.call.createMany({
    data: Array.from({ length: 7 }, (_, i) => ({
      organizationId: org,
      tokenHash: `${tag}-${randomUUID()}`,
      status: (['requested', 'completed', 'missed', 'completed', 'expired', 'active', 'completed'] as const)[i]!,
      vin: ['2T1BURHEXJC043821', '1FTFW1ET9DFC10312', '2T1BURHEXJC043821', 'KM8K2CAB4PU001140', '1HGCM82633A004352', '2T1BURHEXJC043821', '1FTFW1ET9DFC10312'][i]!,
      carMake: makes[i],
      carModel: makes[i] ? `${makes[i]} M` : null,
      carType: makes[i] ? (i % 2 ? 'SUV' : 'SEDAN') : null,
      vehicle: {},
      customerFirstName: i === 4 ? null : ['Maya', 'Raj', 'Maya', 'Lee', null, 'Omar', 'Hana'][i],
      customerLastName: i === 4 ? null : ['Ortiz', 'Patel', 'Ortiz', 'Chen', null, 'Ali', 'Kim'][i],
      createdAt: day(12 + (i % 3)),
      acceptedAt: i % 2 ? day(12 + (i % 3), 1) : null,
      endedAt: i % 3 === 0 ? day(12 + (i % 3), 5) : null,
    })),
  });
  await db.lead.createMany({
    data: Array.from({ length: 7 }, (_, i) => ({
      organizationId: org,
      vin: ['2T1BURHEXJC043821', '1FTFW1ET9DFC10312', 'KM8K2CAB4PU001140'][i % 3]!,
      carMake: makes[i],
      carModel: makes[i] ? `${makes[i]} M` : null,
      carType: makes[i] ? (i % 2 ? 'SUV' : 'SEDAN') : null,
      vehicle: {},
      firstName: ['Maya', 'Raj', 'Maya', 'Lee', 'Sam', 'Omar', 'Hana'][i]!,
      lastName: ['Ortiz', 'Patel', 'Ortiz', 'Chen', 'Ray', 'Ali', 'Kim'][i]!,
      email: i % 3 === 1 ? null : `${['maya', 'raj', 'maya', 'lee', 'sam', 'omar', 'hana'][i]}@example.test`,
      createdAt: day(15 + (i % 3)),
    })),
  });
}

/** Follows `next` from the first page to the last, checking every envelope on the way. */
async function walk(t: Tenant, path: string, query: string, limit = 3): Promise<{ count: number; rows: Row[] }> {
  const rows: Row[] = [];
  let url: string | null = `${path}?${query}${query ? '&' : ''}limit=${limit}`;
  let count: number | undefined;
  for (let page = 0; url; page++) {
    const res: { status: number; body: Envelope } = await api('GET', url, { headers: t.keyHeaders });
    expect(res.status, url).toBe(200);
    count ??= res.body.count;
    expect(res.body.count, url).toBe(count);
    expect(res.body.results.length, url).toBe(Math.min(limit, count - page * limit));
    const previous = res.body.previous && new URL(res.body.previous);
    expect(previous && Number(previous.searchParams.get('offset')), url).toBe(page === 0 ? null : (page - 1) * limit);
    rows.push(...res.body.results);
    url = res.body.next && res.body.next.replace(/^https?:\/\/[^/]+\/api\/v1/, '');
    expect(url === null, `next of ${url}`).toBe((page + 1) * limit >= count);
  }
  return { count: count!, rows };
}

/** Values of `field` in list order must be sorted that way, nulls last in both directions. (Enums sort in their declared order, not checked here.) */
function expectSorted(rows: Row[], value: (r: Row) => unknown, direction: 'asc' | 'desc', label: string) {
  const values = rows.map(value);
  const firstNull = values.findIndex((v) => v === null || v === undefined);
  if (firstNull >= 0) expect(values.slice(firstNull).every((v) => v === null || v === undefined), `${label}: nulls last`).toBe(true);
  const present = firstNull >= 0 ? values.slice(0, firstNull) : values;
  const sorted = [...present].sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
  if (direction === 'desc') sorted.reverse();
  // The test database collates by code point (C.UTF-8), as JavaScript compares these ASCII strings.
  expect(present, label).toEqual(typeof present[0] === 'number' ? [...present].sort((a, b) => (direction === 'asc' ? (a as number) - (b as number) : (b as number) - (a as number))) : sorted);
}

type ListSpec = { path: string; orderings: readonly string[]; total: (t: Tenant) => Promise<number>; fieldOf: Record<string, ((r: Row) => unknown) | undefined> };

const LISTS: ListSpec[] = [
  {
    path: '/sessions',
    orderings: SESSION_ORDERING,
    total: (t) => db.practiceSession.count({ where: { organizationId: t.organizationId } }),
    fieldOf: { recordedAt: (r) => r.recordedAt, score: (r) => r.score, duration: (r) => r.duration, createdAt: undefined },
  },
  {
    path: '/calls',
    orderings: CALL_ORDERING,
    total: (t) => db.call.count({ where: { organizationId: t.organizationId } }),
    fieldOf: { requestedAt: (r) => r.requestedAt, status: undefined, vin: (r) => r.vin, acceptedAt: (r) => r.acceptedAt, endedAt: (r) => r.endedAt, carMake: undefined, carModel: undefined, carType: undefined, name: (r) => (r.customer as { lastName: string | null }).lastName },
  },
  {
    path: '/leads',
    orderings: LEAD_ORDERING,
    total: (t) => db.lead.count({ where: { organizationId: t.organizationId } }),
    fieldOf: { createdAt: (r) => r.createdAt, name: (r) => r.lastName, email: (r) => r.email, vin: (r) => r.vin, carMake: undefined, carModel: undefined, carType: undefined },
  },
  {
    path: '/dealers',
    orderings: DEALER_ORDERING,
    total: (t) => db.membership.count({ where: { organizationId: t.organizationId } }),
    fieldOf: { name: (r) => r.lastName, email: (r) => r.email, joinedAt: (r) => r.joinedAt, lastPingAt: (r) => r.lastPingAt },
  },
  {
    path: '/teams',
    orderings: TEAM_ORDERING,
    total: (t) => db.team.count({ where: { organizationId: t.organizationId } }),
    fieldOf: { name: (r) => r.name, createdAt: (r) => r.createdAt },
  },
];

describe('every list', () => {
  let a: Tenant;
  let b: Tenant;
  let empty: Tenant;
  beforeAll(async () => {
    [a, b, empty] = await Promise.all([newTenant('lists-a'), newTenant('lists-b'), newTenant('lists-empty')]);
    await seed(a, 'a');
    await seed(b, 'b');
  });

  for (const list of LISTS) {
    describe(`GET ${list.path}`, () => {
      it('pages through every row exactly once in each ordering, both directions, ties broken and nulls last', async () => {
        const total = await list.total(a);
        for (const field of list.orderings) {
          for (const direction of ['asc', 'desc'] as const) {
            const label = `${list.path} ordering=${direction === 'desc' ? '-' : ''}${field}`;
            const { count, rows } = await walk(a, list.path, `ordering=${direction === 'desc' ? '-' : ''}${field}`);
            expect(count, label).toBe(total);
            expect(new Set(rows.map((r) => r.id)).size, `${label}: each row once`).toBe(total);
            const value = list.fieldOf[field];
            if (value) expectSorted(rows, value, direction, label);
          }
        }
      });

      it('a page past the end still counts, links back, and has no next', async () => {
        const total = await list.total(a);
        const res: { body: Envelope } = await api('GET', `${list.path}?limit=4&offset=100`, { headers: a.keyHeaders });
        expect(res.body).toMatchObject({ count: total, results: [], next: null });
        expect(new URL(res.body.previous!).searchParams.get('offset')).toBe('96');
      });

      it("another organization's key sees none of these rows, and an organization without any sees a count of what it has", async () => {
        const mine = new Set((await walk(a, list.path, '', 50)).rows.map((r) => r.id));
        const theirs = (await walk(b, list.path, '', 50)).rows.map((r) => r.id);
        expect(theirs.length).toBe(await list.total(b));
        expect(theirs.filter((id) => mine.has(id))).toEqual([]);
        const none: { body: Envelope } = await api('GET', list.path, { headers: empty.keyHeaders });
        expect(none.body).toMatchObject({ count: await list.total(empty), next: null, previous: null });
        expect(none.body.results).toHaveLength(await list.total(empty));
      });
    });
  }

  it('teams carry their managers (oldest first) and how many are on them; ?mine=true is the key creator’s', async () => {
    const t = await newTenant('teams-shape');
    const created = await api('POST', '/teams', { headers: t.orgHeaders, json: { name: 'Closers' } });
    const other = await api('POST', '/teams', { headers: t.orgHeaders, json: { name: 'Openers', managerIds: [] } });
    const members = await db.user.createManyAndReturn({
      data: ['Una', 'Vic'].map((firstName) => ({ email: `${firstName}-${randomUUID().slice(0, 8)}@example.test`, passwordHash: 'x', firstName, lastName: 'Team' })),
      select: { id: true },
    });
    await db.membership.createMany({ data: members.map((m) => ({ userId: m.id, organizationId: t.organizationId })) });
    await db.teamMember.createMany({ data: members.map((m, i) => ({ organizationId: t.organizationId, teamId: created.body.id, userId: m.id, role: i ? 'member' : 'manager', createdAt: new Date(Date.now() + 1000) })) });
    const listed = (await api('GET', '/teams?ordering=name', { headers: t.keyHeaders })).body as Envelope;
    expect(listed.results.map((r) => [r.name, r.memberCount, (r.managers as Array<{ firstName: string }>).map((m) => m.firstName)])).toEqual([
      ['Closers', 3, ['Ada', 'Una']],
      ['Openers', 0, []],
    ]);
    expect((await api('GET', `/teams/${created.body.id}`, { headers: t.keyHeaders })).body).toEqual(listed.results[0]);
    const mine = (await api('GET', '/teams?mine=true', { headers: t.keyHeaders })).body as Envelope;
    expect(mine.results.map((r) => r.id)).toEqual([created.body.id]);
    expect(other.status).toBe(201);
  });

  it('dealer filters match what a person types literally: %, _ and \\ are not wildcards', async () => {
    const t = await newTenant('dealer-literal');
    const [odd] = await db.user.createManyAndReturn({ data: [{ email: `odd-${randomUUID().slice(0, 8)}@example.test`, passwordHash: 'x', firstName: '100%', lastName: 'Sure_Thing' }], select: { id: true } });
    await db.membership.create({ data: { userId: odd!.id, organizationId: t.organizationId } });
    for (const q of ['name=%25', 'name=_', 'name=e_T', 'email=odd-']) {
      expect(((await api('GET', `/dealers?${q}`, { headers: t.keyHeaders })).body as Envelope).results.map((r) => r.id), q).toEqual([odd!.id]);
    }
    expect(((await api('GET', '/dealers/count?name=%5C', { headers: t.keyHeaders })).body as { count: number }).count).toBe(0);
  });
});
