// Updates the caller's own profile fields (never email, role or organization: the schema does not name them).
import { db } from '../../db';
import { requireUser, type Ctx } from '../../context';
import { conflict } from '../../errors';
import { getMe } from './get-me';
import { updateMeInput } from './user.schema';
import type { z } from 'zod';

export async function updateMe(opts: { ctx: Ctx; input: z.input<typeof updateMeInput> }) {
  const userId = requireUser(opts.ctx);
  const input = updateMeInput.parse(opts.input);
  if (input.username) {
    // citext: "Ada" is taken when "ada" exists.
    const taken = await db.user.findFirst({ where: { username: input.username, NOT: { id: userId } }, select: { id: true } });
    if (taken) throw conflict('This username is taken');
  }
  await db.user.update({ where: { id: userId }, data: input });
  return getMe({ ctx: opts.ctx });
}
