// Forgot password over REST: no account enumeration, a single-use link valid one hour, and every session ends.
import { describe, expect, it } from 'vitest';
import { db } from '../../db';
import { api } from '../../test/api-client';
import { PASSWORD, randomIp, registerAndLogin, uniqueEmail } from '../../test/factories';

const emailedToken = async (to: string) => {
  const mail = await db.emailMessage.findFirstOrThrow({ where: { to, template: 'password-reset' }, orderBy: { createdAt: 'desc' } });
  const url = mail.text.match(/https?:\/\/\S+\/reset-password\/(\S+)/);
  expect(url, 'the text part carries an absolute link').not.toBeNull();
  expect(mail.html).toContain(url![0]);
  return url![1]!;
};

describe('password reset', () => {
  it('answers 202 alike for known and unknown addresses, and only emails the known one', async () => {
    const u = await registerAndLogin('reset-known');
    const unknown = uniqueEmail('nobody');
    const peer = { 'x-pitchcraft-peer': randomIp() };
    const a = await api('POST', '/auth/password-reset', { json: { email: u.email }, headers: peer });
    const b = await api('POST', '/auth/password-reset', { json: { email: unknown }, headers: peer });
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.body).toEqual(b.body);
    expect(await db.emailMessage.count({ where: { to: unknown } })).toBe(0);
    expect(await db.emailMessage.count({ where: { to: u.email } })).toBe(1);
    expect((await api('POST', '/auth/password-reset', { json: { email: 'not an email' }, headers: peer })).status).toBe(422);
  });

  it('sets a new password once with the link, and ends every session and token of the user', async () => {
    const u = await registerAndLogin('reset-use');
    await api('POST', '/auth/password-reset', { json: { email: u.email }, headers: { 'x-pitchcraft-peer': randomIp() } });
    const token = await emailedToken(u.email);
    const peer = { 'x-pitchcraft-peer': randomIp() };
    const weak = await api('POST', '/auth/password-reset/confirm', { json: { token, newPassword: 'short' }, headers: peer });
    expect([weak.status, weak.body.errors[0].path]).toEqual([422, 'newPassword']);
    expect((await api('GET', '/me', { headers: u.bearer })).status).toBe(200);
    // Let the clock move past the session's issue time (ms resolution).
    await new Promise((r) => setTimeout(r, 5));
    expect((await api('POST', '/auth/password-reset/confirm', { json: { token, newPassword: 'a brand new passphrase' }, headers: peer })).status).toBe(204);
    // The old access token, the old refresh token and the old password are all done.
    expect((await api('GET', '/me', { headers: u.bearer })).status).toBe(401);
    expect((await api('POST', '/auth/token/refresh', { json: { refresh: u.refresh }, headers: peer })).status).toBe(401);
    expect((await api('POST', '/auth/token', { json: { email: u.email, password: PASSWORD }, headers: peer })).status).toBe(401);
    const fresh = await api('POST', '/auth/token', { json: { email: u.email, password: 'a brand new passphrase' }, headers: peer });
    expect(fresh.status).toBe(200);
    expect((await api('GET', '/me', { headers: { authorization: `Bearer ${fresh.body.access}` } })).status).toBe(200);
    // Single use.
    const again = await api('POST', '/auth/password-reset/confirm', { json: { token, newPassword: 'yet another passphrase' }, headers: peer });
    expect([again.status, again.body.code]).toEqual([410, 'gone']);
    const bogus = await api('POST', '/auth/password-reset/confirm', { json: { token: 'pr_not-a-real-token', newPassword: 'yet another passphrase' }, headers: peer });
    expect([bogus.status, bogus.body.code]).toEqual([404, 'not_found']);
    const events = await db.auditEvent.findMany({ where: { actorUserId: u.userId, type: { in: ['password.reset_requested', 'password.reset'] } } });
    expect(events.map((e) => e.type).sort()).toEqual(['password.reset', 'password.reset_requested']);
  });

  it('refuses an expired link with 410', async () => {
    const u = await registerAndLogin('reset-expired');
    await api('POST', '/auth/password-reset', { json: { email: u.email }, headers: { 'x-pitchcraft-peer': randomIp() } });
    const token = await emailedToken(u.email);
    await db.passwordResetToken.updateMany({ where: { userId: u.userId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await api('POST', '/auth/password-reset/confirm', { json: { token, newPassword: 'a brand new passphrase' }, headers: { 'x-pitchcraft-peer': randomIp() } });
    expect([res.status, res.body.code]).toEqual([410, 'gone']);
    expect((await api('POST', '/auth/token', { json: { email: u.email, password: PASSWORD }, headers: { 'x-pitchcraft-peer': randomIp() } })).status).toBe(200);
  });

  it('throttles requests per address the same way whether or not it has an account', async () => {
    const u = await registerAndLogin('reset-throttle');
    const unknown = uniqueEmail('ghost');
    for (const email of [u.email, unknown]) {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await api('POST', '/auth/password-reset', { json: { email }, headers: { 'x-pitchcraft-peer': randomIp() } })).status);
      expect(statuses).toEqual([202, 202, 202, 429]);
    }
  });

  it('a password change ends the other access tokens as well as refresh tokens', async () => {
    const u = await registerAndLogin('change-ends');
    const peer = { 'x-pitchcraft-peer': u.ip };
    const other = await api('POST', '/auth/token', { json: { email: u.email, password: PASSWORD }, headers: peer });
    await new Promise((r) => setTimeout(r, 5));
    expect((await api('POST', '/auth/change-password', { json: { password: PASSWORD, newPassword: 'changed passphrase 1' }, headers: { ...u.bearer, ...peer } })).status).toBe(204);
    expect((await api('GET', '/me', { headers: { authorization: `Bearer ${other.body.access}` } })).status).toBe(401);
    expect((await api('GET', '/me', { headers: u.bearer })).status).toBe(401);
  });
});
