// Forgotten passwords: an emailed single-use link valid one hour, and setting a new password with it. The answer to
// a request never says whether the address has an account.
import type { z } from 'zod';
import { db } from '../../db';
import { hashPassword } from '../../auth/passwords';
import { newSecret, sha256 } from '../../auth/secrets';
import { AppError } from '../../errors';
import { appUrl } from '../../mail/app-url';
import { sendMail } from '../../mail/send-mail';
import { consume } from '../../rate-limit';
import { recordAuditEvent } from '../audit/record-audit-event';
import { endAllSessions } from './end-sessions';
import { passwordResetConfirmInput, passwordResetRequestInput } from './user.schema';

export const RESET_VALID_MINUTES = 60;
// Per address and per client: enough for a typo or two, too few to flood an inbox or probe many addresses.
const PER_EMAIL = { points: 3, durationSeconds: 3600 };
const PER_IP = { points: 10, durationSeconds: 900 };

async function throttle(key: string, policy: { points: number; durationSeconds: number }) {
  const verdict = await consume(key, policy);
  if (!verdict.allowed) {
    throw new AppError('rate_limited', { message: `Too many reset requests; try again in ${Math.ceil(verdict.resetSeconds / 60)} min`, headers: { 'Retry-After': String(verdict.resetSeconds) } });
  }
}

/** Emails a reset link when the address has an account; the caller learns nothing either way. */
export async function requestPasswordReset(opts: { input: z.input<typeof passwordResetRequestInput>; ip?: string | null }): Promise<void> {
  const { email } = passwordResetRequestInput.parse(opts.input);
  await throttle(`reset:ip:${opts.ip ?? 'unknown'}`, PER_IP);
  await throttle(`reset:email:${email}`, PER_EMAIL);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, firstName: true, activeOrganizationId: true } });
  if (!user) return;
  const { secret, hash } = newSecret('pr', 32);
  await db.$transaction(async (tx) => {
    await tx.passwordResetToken.create({ data: { userId: user.id, hash, expiresAt: new Date(Date.now() + RESET_VALID_MINUTES * 60_000) } });
    await sendMail(tx, { organizationId: null, to: email, template: 'password-reset', data: { firstName: user.firstName, url: appUrl(`/reset-password/${secret}`), validMinutes: RESET_VALID_MINUTES } });
    await recordAuditEvent({ type: 'password.reset_requested', actorUserId: user.id, ip: opts.ip }, tx);
  });
}

/** What the reset page shows before asking for a password: the link is unknown (404), spent or expired (410), or fine. */
export async function checkPasswordResetToken(opts: { token: string }): Promise<{ email: string; expiresAt: string }> {
  const token = await db.passwordResetToken.findUnique({ where: { hash: sha256(opts.token) }, include: { user: { select: { email: true } } } });
  if (!token) throw new AppError('not_found', { message: 'This reset link is not valid. Ask for a new one.' });
  if (token.usedAt || token.expiresAt <= new Date()) throw new AppError('gone', { message: 'This reset link has expired or was already used. Ask for a new one.' });
  return { email: token.user.email, expiresAt: token.expiresAt.toISOString() };
}

/** Sets the new password, spends the link, and ends every session and refresh token of the user. */
export async function confirmPasswordReset(opts: { input: z.input<typeof passwordResetConfirmInput>; ip?: string | null }): Promise<{ email: string }> {
  const input = passwordResetConfirmInput.parse(opts.input);
  await throttle(`reset-confirm:ip:${opts.ip ?? 'unknown'}`, PER_IP);
  await checkPasswordResetToken({ token: input.token });
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    const now = new Date();
    // The conditional update is the lock: of two uses of one link, exactly one wins.
    const spent = await tx.passwordResetToken.updateManyAndReturn({ where: { hash: sha256(input.token), usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now }, select: { userId: true } });
    if (spent.length !== 1) throw new AppError('gone', { message: 'This reset link has expired or was already used. Ask for a new one.' });
    const userId = spent[0]!.userId;
    const user = await tx.user.update({ where: { id: userId }, data: { passwordHash }, select: { email: true } });
    // Any other links still out for this user die with the old password.
    await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    await endAllSessions(tx, userId, now);
    await recordAuditEvent({ type: 'password.reset', actorUserId: userId, ip: opts.ip }, tx);
    return { email: user.email };
  });
}
