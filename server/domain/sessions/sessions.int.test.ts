// Practice sessions over REST: recording (JSON words, WebVTT), refusals that store nothing, the visibility rules for
// every verb (rep, other rep, team manager, manager of another team, owner, API key) and tenancy.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../db';
import { api } from '../../test/api-client';
import { addPerson, createProductWithModule, createTeam, PITCH, recordSession, wordsOf, type Person } from '../../test/coaching';
import { newTenant, type Tenant } from '../../test/factories';

const sessionCount = (organizationId: string) => db.practiceSession.count({ where: { organizationId } });

describe('POST /sessions', () => {
  let t: Tenant;
  let moduleId: string;
  let productId: string;
  beforeAll(async () => {
    t = await newTenant('sess-post');
    ({ moduleId, productId } = await createProductWithModule(t.orgHeaders, { keywords: ['free trial', 'warranty', 'financing'], targetTime: 30 }));
  });

  it('scores JSON words against the module and answers 201 with the full analysis', async () => {
    const res = await api('POST', '/sessions', {
      headers: t.orgHeaders,
      json: { moduleId, opportunity: 'Acme fleet renewal', recordedAt: '2026-03-02T10:00:00Z', transcript: { words: wordsOf(PITCH) } },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/sessions/${res.body.id}`);
    expect(res.body).toMatchObject({
      user: { id: t.owner.userId },
      module: { id: moduleId, name: 'Discovery call' },
      product: { id: productId },
      opportunity: 'Acme fleet renewal',
      recordedAt: '2026-03-02T10:00:00.000Z',
      transcript: { status: 'ready', source: 'upload', message: null },
      audioUrl: null,
      energy: null,
      expectations: { keywords: ['free trial', 'warranty', 'financing'], targetTime: 30 },
    });
    expect(res.body.words).toHaveLength(PITCH.split(' ').length);
    expect(res.body.fillers.summary).toEqual({ um: 1, 'you know': 1 });
    expect(res.body.fillers.locations.map((l: { index: number }) => l.index)).toEqual([5, 19]);
    expect(res.body.highlights).toEqual({
      fillers: [{ index: 5, length: 1, word: 'um' }, { index: 19, length: 2, word: 'you know' }],
      keywords: [{ index: 7, length: 2, keyword: 'free trial' }, { index: 17, length: 1, keyword: 'warranty' }],
    });
    expect(res.body.keywords).toMatchObject({ hit: ['free trial', 'warranty'], missed: ['financing'] });
    expect(res.body.targetTime).toMatchObject({ target: 30 });
    expect(res.body.score.components.energy).toBeNull();
    expect(res.body.final).toBe(res.body.score.total);
    expect(res.body.final).toBeGreaterThan(0);
    // What was answered is what is stored.
    const again = await api('GET', `/sessions/${res.body.id}`, { headers: t.orgHeaders });
    expect(again.body).toEqual(res.body);
  });

  it('reads WebVTT text as the transcript', async () => {
    const vtt = 'WEBVTT\n\n00:00.000 --> 00:03.000\nHello um we offer a free trial\n\n00:03.500 --> 00:06.000\nwith a full warranty\n';
    const res = await api('POST', '/sessions', { headers: t.orgHeaders, json: { moduleId, transcript: vtt } });
    expect(res.status).toBe(201);
    expect(res.body.words.map((w: { text: string }) => w.text).join(' ')).toBe('Hello um we offer a free trial with a full warranty');
    expect(res.body.fillers.total).toBe(1);
  });

  it('takes plain text: without a recording fillers and keywords score; with a duration pace and length too, marked estimated', async () => {
    const said = 'um so our free trial is uh the easiest way to see the warranty for yourself';
    const alone = await api('POST', '/sessions', { headers: t.orgHeaders, json: { moduleId, transcript: said } });
    expect(alone.status, JSON.stringify(alone.body)).toBe(201);
    expect(alone.body).toMatchObject({ transcript: { status: 'ready', timing: 'none' }, wpm: null, pauses: null, targetTime: null, fillers: { total: 2 } });
    expect(alone.body.keywords.hit).toEqual(expect.arrayContaining(['free trial', 'warranty']));
    expect(Object.entries(alone.body.score.components).filter(([, c]) => c).map(([k]) => k).sort()).toEqual(['fillers', 'keywords']);
    const timed = await api('POST', '/sessions', { headers: t.orgHeaders, json: { moduleId, transcript: said, duration: 6 } });
    expect(timed.status).toBe(201);
    expect(timed.body.transcript.timing).toBe('estimated');
    expect(timed.body.wpm.average).toBeGreaterThan(100);
    expect(timed.body.targetTime.actual).toBe(6);
    expect(timed.body.score.components.pace).not.toBeNull();
    // A duration is only for plain text: timed words carry their own; a nonsense one is refused.
    const before = await sessionCount(t.organizationId);
    const withWords = await api('POST', '/sessions', { headers: t.orgHeaders, json: { moduleId, transcript: { words: wordsOf('hello there') }, duration: 6 } });
    expect(withWords.body.errors).toEqual([{ path: 'duration', message: expect.stringMatching(/only for a plain-text transcript/) }]);
    expect((await api('POST', '/sessions', { headers: t.orgHeaders, json: { moduleId, transcript: said, duration: -1 } })).status).toBe(422);
    // Text that starts like JSON but is not, and text without a word, say so.
    const broken = await api('POST', '/sessions', { headers: t.orgHeaders, json: { moduleId, transcript: '{ "words": [' } });
    expect(broken.body.errors).toEqual([{ path: 'transcript', message: expect.stringMatching(/not valid JSON/) }]);
    expect((await api('POST', '/sessions', { headers: t.orgHeaders, json: { moduleId, transcript: ' … — ' } })).body.errors).toEqual([{ path: 'transcript', message: 'Transcript has no words' }]);
    expect(await sessionCount(t.organizationId)).toBe(before);
  });

  it('refuses words out of order, and end before start, with 422 naming the word; nothing is stored', async () => {
    const before = await sessionCount(t.organizationId);
    const outOfOrder = await api('POST', '/sessions', { headers: t.orgHeaders, json: { moduleId, transcript: { words: [{ text: 'b', start: 2, end: 2.5 }, { text: 'a', start: 1, end: 1.5 }] } } });
    expect(outOfOrder.status).toBe(422);
    expect(outOfOrder.body.errors).toEqual([{ path: 'transcript.words.1.start', message: expect.stringMatching(/out of order/) }]);
    const backwards = await api('POST', '/sessions', { headers: t.orgHeaders, json: { moduleId, transcript: { words: [{ text: 'a', start: 2, end: 1 }] } } });
    expect(backwards.status).toBe(422);
    expect(backwards.body.errors).toEqual([{ path: 'transcript.words.0.end', message: 'end (1) is before start (2)' }]);
    const badVtt = await api('POST', '/sessions', { headers: t.orgHeaders, json: { moduleId, transcript: 'WEBVTT\n\n00:00.000 --> soon\nhello' } });
    expect(badVtt.status).toBe(422);
    expect(badVtt.body.errors[0].path).toBe('transcript');
    expect(await sessionCount(t.organizationId)).toBe(before);
  });

  it('refuses bad fields: unknown module 404, malformed ids and unknown fields 422, future dates 422, non-JSON 415', async () => {
    const before = await sessionCount(t.organizationId);
    const words = { words: wordsOf('hello there') };
    expect((await api('POST', '/sessions', { headers: t.orgHeaders, json: { moduleId: '00000000-0000-4000-8000-000000000000', transcript: words } })).status).toBe(404);
    const malformed = await api('POST', '/sessions', { headers: t.orgHeaders, json: { moduleId: 'nope', transcript: words, score: 100 } });
    expect(malformed.status).toBe(422);
    expect(malformed.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['moduleId', 'score']);
    const future = await api('POST', '/sessions', { headers: t.orgHeaders, json: { moduleId, transcript: words, recordedAt: '2999-01-01T00:00:00Z' } });
    expect(future.body.errors).toEqual([{ path: 'recordedAt', message: 'must not be in the future' }]);
    expect((await api('POST', '/sessions', { headers: t.orgHeaders, json: { moduleId } })).status).toBe(422);
    expect((await api('POST', '/sessions', { headers: t.orgHeaders, json: { moduleId, transcript: { words: [] } } })).body.errors).toEqual([{ path: 'transcript.words', message: 'transcript is empty' }]);
    expect((await api('POST', '/sessions', { headers: t.orgHeaders, body: 'moduleId=x', contentType: 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await api('POST', '/sessions', { headers: t.orgHeaders, body: '{"moduleId":', contentType: 'application/json' })).status).toBe(400);
    expect(await sessionCount(t.organizationId)).toBe(before);
  });

  it("another organization's module is unknown (404), and an API key records for its creator", async () => {
    const other = await newTenant('sess-post-other');
    const theirs = await createProductWithModule(other.orgHeaders);
    expect((await api('POST', '/sessions', { headers: t.orgHeaders, json: { moduleId: theirs.moduleId, transcript: { words: wordsOf('hi') } } })).status).toBe(404);
    const viaKey = await api('POST', '/sessions', { headers: t.keyHeaders, json: { moduleId, transcript: { words: wordsOf('hello from the key') } } });
    expect(viaKey.status).toBe(201);
    expect(viaKey.body.user.id).toBe(t.owner.userId);
  });

  it('keeps the module and product names after they are deleted', async () => {
    const made = await createProductWithModule(t.orgHeaders);
    const session = await recordSession(t.orgHeaders, made.moduleId);
    expect((await api('DELETE', `/products/${made.productId}`, { headers: t.orgHeaders })).status).toBe(204);
    const res = await api('GET', `/sessions/${session.id}`, { headers: t.orgHeaders });
    expect(res.status).toBe(200);
    expect(res.body.module).toEqual({ id: null, name: 'Discovery call' });
    expect(res.body.final).toBe(session.final);
  });
});

describe('who sees which session', () => {
  let t: Tenant;
  let moduleId: string;
  let rep: Person, otherRep: Person, manager: Person, otherManager: Person, lonelyMember: Person;
  let teamId: string;
  let repSession: string, otherSession: string, ownerSession: string;

  beforeAll(async () => {
    t = await newTenant('vis');
    ({ moduleId } = await createProductWithModule(t.orgHeaders));
    // The owner leads every team as an admin, without being on them.
    const team = await createTeam(t.orgHeaders, 'North', []);
    const otherTeam = await createTeam(t.orgHeaders, 'South', []);
    teamId = team.id;
    manager = await addPerson(t, 'vis-manager', { role: 'manager', teamId: team.id, teamRole: 'manager' });
    rep = await addPerson(t, 'vis-rep', { teamId: team.id });
    otherManager = await addPerson(t, 'vis-other-manager', { role: 'manager', teamId: otherTeam.id, teamRole: 'manager' });
    otherRep = await addPerson(t, 'vis-other-rep', { teamId: otherTeam.id });
    // A member the team names as its manager leads it with no special organization role.
    lonelyMember = await addPerson(t, 'vis-lonely');
    repSession = (await recordSession(rep.headers, moduleId, { recordedAt: '2026-02-01T09:00:00Z' })).id;
    otherSession = (await recordSession(otherRep.headers, moduleId, { recordedAt: '2026-02-02T09:00:00Z' })).id;
    ownerSession = (await recordSession(t.orgHeaders, moduleId, { recordedAt: '2026-02-03T09:00:00Z' })).id;
  });

  const status = async (method: string, path: string, headers: Record<string, string>, json?: unknown) => (await api(method, path, { headers, ...(json !== undefined && { json }) })).status;

  it('GET /sessions/{id}: the rep, their team manager and the owner; not another rep nor another team’s manager', async () => {
    const path = `/sessions/${repSession}`;
    expect(await status('GET', path, rep.headers)).toBe(200);
    expect(await status('GET', path, manager.headers)).toBe(200);
    expect(await status('GET', path, t.orgHeaders)).toBe(200);
    expect(await status('GET', path, t.keyHeaders)).toBe(200);
    expect(await status('GET', path, otherRep.headers)).toBe(404);
    expect(await status('GET', path, otherManager.headers)).toBe(404);
    expect(await status('GET', path, lonelyMember.headers)).toBe(404);
    // Managers do not see the owner's sessions; reps not their manager's.
    expect(await status('GET', `/sessions/${ownerSession}`, manager.headers)).toBe(404);
  });

  it('GET /sessions lists exactly what each may see', async () => {
    const ids = async (headers: Record<string, string>, query = '') => ((await api('GET', `/sessions${query}`, { headers })).body.results as { id: string }[]).map((s) => s.id).sort();
    expect(await ids(rep.headers)).toEqual([repSession]);
    expect(await ids(otherRep.headers)).toEqual([otherSession]);
    expect(await ids(manager.headers)).toEqual([repSession]);
    expect(await ids(otherManager.headers)).toEqual([otherSession]);
    expect(await ids(lonelyMember.headers)).toEqual([]);
    expect(await ids(t.orgHeaders)).toEqual([repSession, otherSession, ownerSession].sort());
    // A filter never widens what is visible.
    expect(await ids(rep.headers, `?userId=${otherRep.userId}`)).toEqual([]);
    expect(await ids(t.orgHeaders, `?teamId=${teamId}`)).toEqual([repSession]);
  });

  it('PUT /sessions/{id}/transcript and DELETE follow the same rule: 404 for those who may not see it, and nothing changes', async () => {
    const path = `/sessions/${repSession}`;
    const transcript = { words: wordsOf('a totally different pitch') };
    for (const who of [otherRep, otherManager, lonelyMember]) {
      expect(await status('PUT', `${path}/transcript`, who.headers, transcript)).toBe(404);
      expect(await status('DELETE', path, who.headers)).toBe(404);
    }
    const stored = await db.practiceSession.findUniqueOrThrow({ where: { id: repSession } });
    expect((stored.analysis as { words: unknown[] }).words).toHaveLength(PITCH.split(' ').length);
  });

  it('GET /users/{id}/sessions: themselves, their managers, the owner; others 404', async () => {
    const path = `/users/${rep.userId}/sessions`;
    const res = await api('GET', path, { headers: manager.headers });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: rep.userId, firstName: 'Ada', lastName: 'vis-rep', count: 1, sessions: [{ id: repSession, module: { name: 'Discovery call' }, date: '2026-02-01T09:00:00.000Z' }] });
    expect(await status('GET', path, rep.headers)).toBe(200);
    expect(await status('GET', path, t.orgHeaders)).toBe(200);
    expect(await status('GET', path, otherRep.headers)).toBe(404);
    expect(await status('GET', path, otherManager.headers)).toBe(404);
    expect(await status('GET', '/users/not-a-uuid/sessions', t.orgHeaders)).toBe(404);
  });

  it('a manager named by the team leads it without a manager role; taken off the managers, they stop seeing it', async () => {
    const patch = await api('PATCH', `/teams/${teamId}`, { headers: t.orgHeaders, json: { managerIds: [manager.userId, lonelyMember.userId] } });
    expect(patch.status).toBe(200);
    expect(await status('GET', `/sessions/${repSession}`, lonelyMember.headers)).toBe(200);
    await api('PATCH', `/teams/${teamId}`, { headers: t.orgHeaders, json: { managerIds: [manager.userId] } });
    expect(await status('GET', `/sessions/${repSession}`, lonelyMember.headers)).toBe(404);
  });

  it('a team manager may replace a rep’s transcript (re-scored) and the rep may delete their own', async () => {
    const fresh = await recordSession(rep.headers, moduleId);
    const put = await api('PUT', `/sessions/${fresh.id}/transcript`, { headers: manager.headers, json: { words: wordsOf('our free trial um um um uh comes with a warranty') } });
    expect(put.status).toBe(200);
    expect(put.body.fillers.total).toBe(4);
    expect(put.body.transcript).toMatchObject({ status: 'ready', source: 'upload' });
    const vtt = await api('PUT', `/sessions/${fresh.id}/transcript`, { headers: rep.headers, body: 'WEBVTT\n\n00:00.000 --> 00:02.000\nclean pitch with a warranty\n', contentType: 'text/vtt' });
    expect(vtt.status).toBe(200);
    expect(vtt.body.fillers.total).toBe(0);
    const bad = await api('PUT', `/sessions/${fresh.id}/transcript`, { headers: rep.headers, json: { words: [{ text: 'x', start: 3, end: 1 }] } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe('(body).words.0.end');
    expect((await api('PUT', `/sessions/${fresh.id}/transcript`, { headers: rep.headers, body: 'x', contentType: 'audio/mpeg' })).status).toBe(415);
    expect(await status('DELETE', `/sessions/${fresh.id}`, rep.headers)).toBe(204);
    expect(await status('GET', `/sessions/${fresh.id}`, rep.headers)).toBe(404);
  });

  it("tenancy: another organization's user and API key get 404 for every verb", async () => {
    const intruder = await newTenant('vis-intruder');
    for (const headers of [intruder.orgHeaders, intruder.keyHeaders]) {
      expect(await status('GET', `/sessions/${repSession}`, headers)).toBe(404);
      expect(await status('DELETE', `/sessions/${repSession}`, headers)).toBe(404);
      expect(await status('PUT', `/sessions/${repSession}/transcript`, headers, { words: wordsOf('hijack') })).toBe(404);
      expect(await status('GET', `/users/${rep.userId}/sessions`, headers)).toBe(404);
      expect((await api('GET', '/sessions', { headers })).body.count).toBe(0);
    }
    expect(await db.practiceSession.count({ where: { id: repSession } })).toBe(1);
  });
});

describe('lists, filters, /me and /statistics', () => {
  it('filters by module, product, dates and score, orders and pages', async () => {
    const t = await newTenant('sess-list');
    const a = await createProductWithModule(t.orgHeaders);
    const b = await createProductWithModule(t.orgHeaders);
    const s1 = await recordSession(t.orgHeaders, a.moduleId, { recordedAt: '2026-01-10T12:00:00Z' });
    const s2 = await recordSession(t.orgHeaders, a.moduleId, { recordedAt: '2026-01-20T12:00:00Z', text: 'um uh um so like basically um' });
    const s3 = await recordSession(t.orgHeaders, b.moduleId, { recordedAt: '2026-01-30T12:00:00Z' });
    const list = async (q: string) => api('GET', `/sessions${q}`, { headers: t.orgHeaders });

    expect((await list(`?moduleId=${a.moduleId}`)).body.results.map((s: { id: string }) => s.id)).toEqual([s2.id, s1.id]);
    expect((await list(`?productId=${b.productId}`)).body.results.map((s: { id: string }) => s.id)).toEqual([s3.id]);
    expect((await list('?from=2026-01-15&to=2026-01-25')).body.results.map((s: { id: string }) => s.id)).toEqual([s2.id]);
    // Noon UTC on the 10th is already the 11th on Kiritimati (UTC+14): the day is read in the given zone.
    expect((await list('?from=2026-01-11')).body.count).toBe(2);
    expect((await list('?from=2026-01-11&tz=Pacific/Kiritimati')).body.count).toBe(3);
    expect((await list(`?minScore=${s2.final + 1}`)).body.results.map((s: { id: string }) => s.id)).not.toContain(s2.id);
    const byScore = (await list('?ordering=score')).body.results.map((s: { score: number }) => s.score);
    expect(byScore).toEqual([...byScore].sort((x, y) => x - y));
    const paged = await list('?limit=1&offset=1');
    expect(paged.body).toMatchObject({ count: 3, results: [{ id: s2.id }] });
    expect(paged.body.next).toContain('offset=2');

    for (const [q, path] of [['?minScore=abc', 'minScore'], ['?minScore=90&maxScore=10', 'minScore'], ['?moduleId=nope', 'moduleId.0'], ['?userid=x', 'userid'], ['?from=yesterday', 'from'], ['?ordering=secret', 'ordering']]) {
      const res = await list(q!);
      expect(res.status, q).toBe(422);
      expect(res.body.errors.map((e: { path: string }) => e.path), q).toContain(path);
    }
  });

  it('/me carries teams, performance, session count and the manager flag; /statistics the sessions and average', async () => {
    const t = await newTenant('sess-me');
    const { moduleId } = await createProductWithModule(t.orgHeaders);
    const team = await createTeam(t.orgHeaders, 'East');
    const rep = await addPerson(t, 'me-rep', { teamId: team.id });
    const lead = await addPerson(t, 'me-lead', { teamId: team.id, teamRole: 'manager' });

    const empty = await api('GET', '/me', { headers: rep.headers });
    expect(empty.body).toMatchObject({ teams: [{ id: team.id, name: 'East', role: 'member' }], performance: null, sessionCount: 0, isManager: false });
    expect((await api('GET', '/me', { headers: lead.headers })).body.isManager).toBe(true);

    const s1 = await recordSession(rep.headers, moduleId, { recordedAt: '2026-04-01T10:00:00Z' });
    const s2 = await recordSession(rep.headers, moduleId, { recordedAt: '2026-04-10T10:00:00Z', text: 'um so basically um like you know um' });
    const me = await api('GET', '/me', { headers: rep.headers });
    expect(me.body).toMatchObject({ sessionCount: 2, performance: (s1.final + s2.final) / 2 });

    const all = await api('GET', '/statistics', { headers: t.orgHeaders });
    expect(all.body.sessions).toEqual({ total: 2, scored: 2, averageScore: (s1.final + s2.final) / 2 });
    const april5on = await api('GET', '/statistics?from=2026-04-05', { headers: t.orgHeaders });
    expect(april5on.body.sessions).toEqual({ total: 1, scored: 1, averageScore: s2.final });
    // A rep's statistics cover what they may see: their own.
    const outsider = await addPerson(t, 'me-outsider');
    expect((await api('GET', '/statistics', { headers: outsider.headers })).body.sessions).toEqual({ total: 0, scored: 0, averageScore: null });
  });
});
