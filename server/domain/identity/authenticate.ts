// Checks a login (email or username + password) for both the browser sign-in and POST /auth/token.
import { db } from '../../db';
import { burnPasswordCheck, verifyPassword } from '../../auth/passwords';
import { AppError } from '../../errors';
import { consume, forgive } from '../../rate-limit';
import { recordAuditEvent } from '../audit/record-audit-event';
import { issueTokenPair } from './refresh-tokens';
import { toUserDto } from './user.dto';
import { tokenInput, type UserDto } from './user.schema';

/** The user for these credentials, or null; every attempt is audited. */
// Password guessing is throttled per account and address for both doors (the browser's sign-in has no other limit).
// A correct password clears the count, so someone who signs in often (an integration fetching tokens, a person with
// several tabs) is never locked out by their own successes; only wrong guesses pile up.
const LOGIN_ATTEMPTS = { points: 10, durationSeconds: 300 };

export async function verifyCredentials(opts: { login: string; password: string; ip?: string | null }): Promise<UserDto | null> {
  const login = opts.login.trim().toLowerCase();
  const budgetKey = `login:${opts.ip ?? 'unknown'}:${login}`;
  const budget = await consume(budgetKey, LOGIN_ATTEMPTS);
  if (!budget.allowed) {
    // Logged once per lockout (when it starts), in the organizations of the account it protects.
    if (budget.firstRefusal) {
      const locked = await findLogin(login);
      await recordInOrganizations(locked, { type: 'login.locked_out', ip: opts.ip, detail: { login, minutes: Math.ceil(budget.resetSeconds / 60) } });
    }
    throw new AppError('rate_limited', { message: `Too many sign-in attempts; try again in ${budget.resetSeconds} s`, headers: { 'Retry-After': String(budget.resetSeconds) } });
  }
  const user = await findLogin(login);
  if (!user) {
    await burnPasswordCheck(opts.password);
    await recordAuditEvent({ type: 'login.failed', ip: opts.ip, detail: { login } });
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, opts.password))) {
    await recordInOrganizations(user, { type: 'login.failed', ip: opts.ip, detail: { login } });
    return null;
  }
  await forgive(budgetKey, LOGIN_ATTEMPTS);
  await recordAuditEvent({ type: 'login.succeeded', actorUserId: user.id, organizationId: user.activeOrganizationId, ip: opts.ip });
  return toUserDto(user);
}

// username is citext: plain equality ignores case (and, unlike an insensitive LIKE, treats _ as a character).
const findLogin = (login: string) => db.user.findFirst({ where: login.includes('@') ? { email: login } : { username: login } });

/**
 * A failed or locked sign-in of a member goes into the security log of each organization they belong to (the admins
 * who watch an account are there); an account in none is still recorded, without one.
 */
async function recordInOrganizations(user: { id: string } | null, event: { type: 'login.failed' | 'login.locked_out'; ip?: string | null; detail: Record<string, string | number> }) {
  if (!user) return recordAuditEvent({ type: event.type, ip: event.ip, detail: event.detail });
  const memberships = await db.membership.findMany({ where: { userId: user.id }, select: { organizationId: true } });
  await db.$transaction(async (tx) => {
    if (!memberships.length) await recordAuditEvent({ ...event, actorUserId: user.id }, tx);
    for (const m of memberships) await recordAuditEvent({ ...event, actorUserId: user.id, organizationId: m.organizationId }, tx);
  });
}

export async function issueTokens(opts: { input: unknown; ip?: string | null }) {
  const input = tokenInput.parse(opts.input);
  const user = await verifyCredentials({ login: (input.email ?? input.username)!, password: input.password, ip: opts.ip });
  if (!user) throw new AppError('unauthenticated', { message: 'Invalid email/username or password' });
  return { ...(await issueTokenPair(user.id)), user };
}
