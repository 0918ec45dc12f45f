// Creates an account (when registration is enabled); duplicates of email or username are a 409.
import { db } from '../../db';
import { hashPassword } from '../../auth/passwords';
import { registrationEnabled } from '../../env';
import { AppError, conflict } from '../../errors';
import { recordAuditEvent } from '../audit/record-audit-event';
import { toUserDto } from './user.dto';
import { registerInput, type UserDto } from './user.schema';

export async function registerUser(opts: { input: unknown; ip?: string | null }): Promise<UserDto> {
  if (!registrationEnabled()) throw new AppError('forbidden', { message: 'Registration is disabled on this server' });
  const input = registerInput.parse(opts.input);
  // username is citext, so this finds "ada" for "Ada" too.
  const existing = await db.user.findFirst({
    where: { OR: [{ email: input.email }, ...(input.username ? [{ username: input.username }] : [])] },
    select: { email: true },
  });
  if (existing) throw conflict(existing.email === input.email ? 'An account with this email already exists' : 'This username is taken');
  // Two sign-ups racing past the check above meet the unique indexes instead: Prisma's P2002 is answered 409.
  const passwordHash = await hashPassword(input.password);
  const user = await db.$transaction(async (tx) => {
    const created = await tx.user.create({
      data: { email: input.email, username: input.username ?? null, firstName: input.firstName, lastName: input.lastName, passwordHash },
    });
    await recordAuditEvent({ type: 'user.registered', actorUserId: created.id, ip: opts.ip }, tx);
    return created;
  });
  return toUserDto(user);
}
