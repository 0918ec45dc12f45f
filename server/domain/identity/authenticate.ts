// Checks a login (email or username + password) for both the browser sign-in and POST /auth/token.
import { db } from '../../db';
import { burnPasswordCheck, verifyPassword } from '../../auth/passwords';
import { AppError } from '../../errors';
import { consume } from '../../rate-limit';
import { recordAuditEvent } from '../audit/record-audit-event';
import { issueTokenPair } from './refresh-tokens';
import { toUserDto } from './user.dto';
import { tokenInput, type UserDto } from './user.schema';

/** The user for these credentials, or null; every attempt is audited. */
// Password guessing is throttled per account and address for both doors (the browser's sign-in has no other limit).
const LOGIN_ATTEMPTS = { points: 10, durationSeconds: 300 };

export async function verifyCredentials(opts: { login: string; password: string; ip?: string | null }): Promise<UserDto | null> {
  const login = opts.login.trim().toLowerCase();
  const budget = await consume(`login:${opts.ip ?? 'unknown'}:${login}`, LOGIN_ATTEMPTS);
  if (!budget.allowed) {
    throw new AppError('rate_limited', { message: `Too many sign-in attempts; try again in ${budget.resetSeconds} s`, headers: { 'Retry-After': String(budget.resetSeconds) } });
  }
  // username is citext: plain equality ignores case (and, unlike an insensitive LIKE, treats _ as a character).
  const user = await db.user.findFirst({ where: login.includes('@') ? { email: login } : { username: login } });
  if (!user) {
    await burnPasswordCheck(opts.password);
    await recordAuditEvent({ type: 'login.failed', ip: opts.ip, detail: { login } });
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, opts.password))) {
    await recordAuditEvent({ type: 'login.failed', actorUserId: user.id, ip: opts.ip, detail: { login } });
    return null;
  }
  await recordAuditEvent({ type: 'login.succeeded', actorUserId: user.id, organizationId: user.activeOrganizationId, ip: opts.ip });
  return toUserDto(user);
}

export async function issueTokens(opts: { input: unknown; ip?: string | null }) {
  const input = tokenInput.parse(opts.input);
  const user = await verifyCredentials({ login: (input.email ?? input.username)!, password: input.password, ip: opts.ip });
  if (!user) throw new AppError('unauthenticated', { message: 'Invalid email/username or password' });
  return { ...(await issueTokenPair(user.id)), user };
}
