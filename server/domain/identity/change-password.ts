// Changes the caller's password after checking the current one; every session and refresh token ends, so other devices sign in again.
import { db } from '../../db';
import { hashPassword, verifyPassword } from '../../auth/passwords';
import { requireUser, type Ctx } from '../../context';
import { validationFailed } from '../../errors';
import { recordAuditEvent } from '../audit/record-audit-event';
import { endAllSessions } from './end-sessions';
import { changePasswordInput } from './user.schema';

export async function changePassword(opts: { ctx: Ctx; input: { password: string; newPassword: string } }) {
  const userId = requireUser(opts.ctx);
  const input = changePasswordInput.parse(opts.input);
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (!(await verifyPassword(user.passwordHash, input.password))) throw validationFailed('password', 'This is not your current password');
  if (input.password === input.newPassword) throw validationFailed('newPassword', 'Choose a password different from your current one');
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    // Every session ends, this one too: the browser signs in again with the new password right away.
    await endAllSessions(tx, userId);
    await recordAuditEvent({ type: 'password.changed', actorUserId: userId, ip: opts.ctx.ip }, tx);
  });
}
