// REST identity operations against a real database: register, token, refresh rotation and reuse, logout, password, me.
import { describe, expect, it, vi } from 'vitest';
import { db } from '../../db';
import { api } from '../../test/api-client';
import { ONE_PIXEL_PNG } from '../../test/images';
import { newTenant, PASSWORD, randomIp, registerAndLogin, uniqueEmail } from '../../test/factories';

describe('POST /auth/register', () => {
  it('creates a user and never returns the password hash', async () => {
    const email = uniqueEmail('reg');
    const res = await api('POST', '/auth/register', { json: { email: email.toUpperCase(), password: PASSWORD, firstName: 'Grace', lastName: 'Hopper', username: `gh${Date.now()}` }, headers: { 'x-pitchcraft-peer': randomIp() } });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe('/api/v1/me');
    expect(res.body.email).toBe(email);
    expect(res.text).not.toMatch(/argon2|passwordHash/);
  });

  it('answers 409 for a taken email and 422 naming each bad field', async () => {
    const { email } = await registerAndLogin('dup');
    const dup = await api('POST', '/auth/register', { json: { email, password: PASSWORD, firstName: 'A', lastName: 'B' }, headers: { 'x-pitchcraft-peer': randomIp() } });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('conflict');
    const bad = await api('POST', '/auth/register', { json: { email: 'nope', password: 'short', firstName: '', lastName: 'B' }, headers: { 'x-pitchcraft-peer': randomIp() } });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toBe('application/problem+json');
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['email', 'firstName', 'password']);
  });

  it('is refused with 403 when registration is turned off, creating nothing', async () => {
    vi.stubEnv('REGISTRATION_ENABLED', 'false');
    try {
      const email = uniqueEmail('closed');
      const res = await api('POST', '/auth/register', { json: { email, password: PASSWORD, firstName: 'A', lastName: 'B' }, headers: { 'x-pitchcraft-peer': randomIp() } });
      expect(res.status).toBe(403);
      expect(res.body.detail).toMatch(/disabled/);
      expect(await db.user.count({ where: { email } })).toBe(0);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('rejects mass assignment of unknown fields', async () => {
    const res = await api('POST', '/auth/register', { json: { email: uniqueEmail(), password: PASSWORD, firstName: 'A', lastName: 'B', role: 'owner' }, headers: { 'x-pitchcraft-peer': randomIp() } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: 'role', message: 'Unknown field' }]);
  });
});

describe('POST /auth/token', () => {
  it('logs in by email or username and refuses a wrong password with 401', async () => {
    const u = await registerAndLogin('login');
    const ok = await api('POST', '/auth/token', { json: { email: u.email, password: PASSWORD }, headers: { 'x-pitchcraft-peer': u.ip } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ access: expect.any(String), refresh: expect.stringMatching(/^rt_/), user: { email: u.email } });
    const wrong = await api('POST', '/auth/token', { json: { email: u.email, password: 'not the password' }, headers: { 'x-pitchcraft-peer': u.ip } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('unauthenticated');
    const neither = await api('POST', '/auth/token', { json: { password: 'x' }, headers: { 'x-pitchcraft-peer': u.ip } });
    expect(neither.status).toBe(422);
  });
});

describe('the longest email address', () => {
  it('signs in, fails, and asks for a reset like any other (its throttle key is hashed, not a 500)', async () => {
    const email = `${'a'.repeat(60)}${Date.now().toString(36).slice(-4)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(56)}.test`;
    expect(email.length).toBeLessThanOrEqual(254);
    const ip = randomIp();
    expect((await api('POST', '/auth/register', { json: { email, password: PASSWORD, firstName: 'Long', lastName: 'Address' }, headers: { 'x-pitchcraft-peer': ip } })).status).toBe(201);
    expect((await api('POST', '/auth/token', { json: { email, password: PASSWORD }, headers: { 'x-pitchcraft-peer': ip } })).status).toBe(200);
    expect((await api('POST', '/auth/token', { json: { email, password: 'not the password' }, headers: { 'x-pitchcraft-peer': ip } })).status).toBe(401);
    expect((await api('POST', '/auth/password-reset', { json: { email }, headers: { 'x-pitchcraft-peer': ip } })).status).toBe(202);
  });
});

describe('password guessing', () => {
  it('is throttled per account and address: after 10 failures even the right password waits', async () => {
    const u = await registerAndLogin('guess');
    const ip = randomIp();
    for (let i = 0; i < 10; i++) {
      expect((await api('POST', '/auth/token', { json: { email: u.email, password: `wrong-${i}` }, headers: { 'x-pitchcraft-peer': ip } })).status).toBe(401);
    }
    const blocked = await api('POST', '/auth/token', { json: { email: u.email, password: PASSWORD }, headers: { 'x-pitchcraft-peer': ip } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address is not held back by this one's failures.
    expect((await api('POST', '/auth/token', { json: { email: u.email, password: PASSWORD }, headers: { 'x-pitchcraft-peer': randomIp() } })).status).toBe(200);
    expect(await db.auditEvent.count({ where: { actorUserId: u.userId, type: 'login.failed' } })).toBe(10);
  });

  it('counts only wrong passwords: many sign-ins in a row are never locked, and a right one clears the failures before it', async () => {
    const u = await registerAndLogin('often');
    // Two addresses, as each also has its own budget of 20 sign-in requests a minute.
    const tokenFrom = (ip: string) => (password: string) => api('POST', '/auth/token', { json: { email: u.email, password }, headers: { 'x-pitchcraft-peer': ip } });
    const often = tokenFrom(randomIp());
    for (let i = 0; i < 12; i++) expect((await often(PASSWORD)).status).toBe(200);
    const token = tokenFrom(randomIp());
    for (let i = 0; i < 9; i++) expect((await token(`wrong-${i}`)).status).toBe(401);
    expect((await token(PASSWORD)).status).toBe(200);
    // The nine failures were forgiven by the right password: nine more are allowed before the lock.
    for (let i = 0; i < 9; i++) expect((await token(`wrong-again-${i}`)).status).toBe(401);
    expect((await token(PASSWORD)).status).toBe(200);
  });
});

describe('refresh tokens', () => {
  it('rotate, and a reused token revokes the whole family', async () => {
    const u = await registerAndLogin('refresh');
    const first = await api('POST', '/auth/token/refresh', { json: { refresh: u.refresh } });
    expect(first.status).toBe(200);
    expect(first.body.refresh).not.toBe(u.refresh);
    const reuse = await api('POST', '/auth/token/refresh', { json: { refresh: u.refresh } });
    expect(reuse.status).toBe(401);
    // The legitimate descendant is revoked too: the family is burnt.
    const descendant = await api('POST', '/auth/token/refresh', { json: { refresh: first.body.refresh } });
    expect(descendant.status).toBe(401);
  });

  it('logout revokes the refresh token; other users cannot revoke it', async () => {
    const u = await registerAndLogin('logout');
    const other = await registerAndLogin('other');
    expect((await api('POST', '/auth/logout', { json: { refresh: u.refresh }, headers: other.bearer })).status).toBe(204);
    const still = await api('POST', '/auth/token/refresh', { json: { refresh: u.refresh } });
    expect(still.status).toBe(200);
    expect((await api('POST', '/auth/logout', { json: { refresh: still.body.refresh }, headers: u.bearer })).status).toBe(204);
    expect((await api('POST', '/auth/token/refresh', { json: { refresh: still.body.refresh } })).status).toBe(401);
  });
});

describe('POST /auth/change-password', () => {
  it('needs the current password, then revokes refresh tokens and accepts the new one', async () => {
    const u = await registerAndLogin('pw');
    const wrong = await api('POST', '/auth/change-password', { json: { password: 'nope-nope', newPassword: 'another long pass' }, headers: u.bearer });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0].path).toBe('password');
    expect((await api('POST', '/auth/change-password', { json: { password: PASSWORD, newPassword: 'another long pass' }, headers: u.bearer })).status).toBe(204);
    expect((await api('POST', '/auth/token/refresh', { json: { refresh: u.refresh } })).status).toBe(401);
    expect((await api('POST', '/auth/token', { json: { email: u.email, password: 'another long pass' }, headers: { 'x-pitchcraft-peer': u.ip } })).status).toBe(200);
  });
});

describe('/me', () => {
  it('describes the caller, their organizations and the active one', async () => {
    const t = await newTenant('me');
    const me = await api('GET', '/me', { headers: t.owner.bearer });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: t.owner.email, activeOrganization: { id: t.organizationId }, isManager: true, organizations: [{ id: t.organizationId, role: 'owner' }], actor: { kind: 'user' } });
    const viaKey = await api('GET', '/me', { headers: t.keyHeaders });
    expect(viaKey.status).toBe(200);
    expect(viaKey.body.actor).toMatchObject({ kind: 'apiKey', id: t.apiKeyId });
  });

  it('PATCH updates names, rejects unknown fields and API keys', async () => {
    const t = await newTenant('patch');
    const res = await api('PATCH', '/me', { json: { firstName: 'Katherine' }, headers: t.owner.bearer });
    expect(res.status).toBe(200);
    expect(res.body.firstName).toBe('Katherine');
    expect((await api('PATCH', '/me', { json: { email: 'x@y.z' }, headers: t.owner.bearer })).status).toBe(422);
    expect((await api('PATCH', '/me', { json: { firstName: 42 }, headers: t.owner.bearer })).status).toBe(422);
    expect((await api('PATCH', '/me', { json: { firstName: 'K' }, headers: t.keyHeaders })).status).toBe(403);
  });

  it('PUT /me/image stores a PNG, serves it back, and refuses other types and lies', async () => {
    const u = await registerAndLogin('img');
    const png = ONE_PIXEL_PNG;
    const res = await api('PUT', '/me/image', { body: png, contentType: 'image/png', headers: u.bearer });
    expect(res.status).toBe(200);
    expect(res.body.image).toMatch(/^\/media\/[0-9a-f-]{36}$/);
    const { GET } = await import('../../../app/media/[id]/route');
    const media = await GET(new Request(`http://x${res.body.image}`), { params: Promise.resolve({ id: res.body.image.split('/').pop() }) });
    expect(media.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await media.arrayBuffer())).toEqual(png);
    expect((await api('PUT', '/me/image', { body: 'GIF89a', contentType: 'image/gif', headers: u.bearer })).status).toBe(415);
    // The bytes decide, not the declared type.
    const lie = await api('PUT', '/me/image', { body: 'not a png', contentType: 'image/png', headers: u.bearer });
    expect([lie.status, lie.body.code]).toEqual([415, 'unsupported_media_type']);
    const form = new FormData();
    form.append('file', new Blob([png], { type: 'image/png' }), 'me.png');
    const multipart = await api('PUT', '/me/image', { body: form, headers: u.bearer });
    expect(multipart.status).toBe(200);
    expect(multipart.body.image).not.toBe(res.body.image);
    const empty = new FormData();
    empty.append('note', 'no file');
    expect((await api('PUT', '/me/image', { body: empty, headers: u.bearer })).status).toBe(422);
    // Past 5 MB while streaming: refused, and nothing of it is kept.
    const before = await db.media.count();
    const big = new Uint8Array(5 * 1024 * 1024 + 100 * 1024);
    big.set(png);
    expect((await api('PUT', '/me/image', { body: big, contentType: 'image/png', headers: u.bearer })).status).toBe(413);
    expect(await db.media.count()).toBe(before);
  });

  it('401 without credentials, with a bad token and with a malformed header', async () => {
    expect((await api('GET', '/me')).status).toBe(401);
    expect((await api('GET', '/me', { headers: { authorization: 'Bearer garbage' } })).status).toBe(401);
    expect((await api('GET', '/me', { headers: { authorization: 'Basic abc' } })).status).toBe(401);
    expect((await api('GET', '/me', { headers: { 'x-api-key': 'pk_nope' } })).status).toBe(401);
  });
});

describe('usernames are one name regardless of case', () => {
  const register = (username: string, email = uniqueEmail('case')) =>
    api('POST', '/auth/register', { json: { email, password: PASSWORD, firstName: 'Ada', lastName: 'Case', username }, headers: { 'x-pitchcraft-peer': randomIp() } });

  it('a second sign-up differing only by case is a 409, and the first signs in by any casing', async () => {
    const name = `Ada_${Date.now().toString(36)}`;
    const first = await register(name);
    expect(first.status).toBe(201);
    const second = await register(name.toLowerCase());
    expect(second.status).toBe(409);
    expect(second.body.detail).toBe('This username is taken');
    expect(await db.user.count({ where: { username: name.toUpperCase() } })).toBe(1);
    const login = await api('POST', '/auth/token', { json: { username: name.toUpperCase(), password: PASSWORD }, headers: { 'x-pitchcraft-peer': randomIp() } });
    expect(login.status).toBe(200);
    expect(login.body.user.id).toBe(first.body.id);
  });

  it('PATCH /me cannot take another account’s username in another case', async () => {
    const name = `grace.${Date.now().toString(36)}`;
    expect((await register(name)).status).toBe(201);
    const other = await registerAndLogin('case-taker');
    const taken = await api('PATCH', '/me', { json: { username: name.toUpperCase() }, headers: other.bearer });
    expect(taken.status).toBe(409);
  });

  it('the database refuses a case-only duplicate even if a check is skipped (a race)', async () => {
    const name = `race_${Date.now().toString(36)}`;
    expect((await register(name)).status).toBe(201);
    const insert = db.user.create({ data: { email: uniqueEmail('race'), username: name.toUpperCase(), passwordHash: 'x', firstName: 'R', lastName: 'C' } });
    await expect(insert).rejects.toMatchObject({ code: 'P2002' });
  });

  it('an underscore in a login is a character, not a wildcard', async () => {
    const stamp = Date.now().toString(36);
    expect((await register(`ab${stamp}`)).status).toBe(201);
    const res = await api('POST', '/auth/token', { json: { username: `a_${stamp}`, password: PASSWORD }, headers: { 'x-pitchcraft-peer': randomIp() } });
    expect(res.status).toBe(401);
  });
});
