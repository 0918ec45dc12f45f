// Whom a caller can start a conversation with: the organization's members and, for members, its external users
// (customers), found by name or email. The picker of "New conversation" and of a group's "Add people" reads this.
import { z } from 'zod';
import { requirePermission, type Ctx } from '../../context';
import { db } from '../../db';
import { singleLineText } from '../shared/single-line-text';
import { chatterId } from './conversation-access';

export const chatPeopleInput = z
  .object({
    search: singleLineText({ max: 100 }).optional(),
    limit: z.number().int().min(1).max(50).default(20),
  })
  .strict();

export type ChatPersonDto = { userId: string; name: string; detail: string; external: boolean };

/**
 * Members first (A to Z), then customers, leaving out the caller. SECURITY: scoped to the caller's organization; an
 * external user sees members only (it may chat with members, never list the organization's other customers).
 */
export async function listChatPeople(opts: { ctx: Ctx; input: unknown }): Promise<{ results: ChatPersonDto[]; hasMore: boolean }> {
  const ctx = requirePermission(opts.ctx, 'conversations:chat');
  const me = chatterId(ctx);
  const input = chatPeopleInput.parse(opts.input ?? {});
  const words = (input.search ?? '').split(/\s+/).filter(Boolean).slice(0, 5);
  const nameMatches = words.map((w) => ({
    OR: [
      { firstName: { contains: w, mode: 'insensitive' as const } },
      { lastName: { contains: w, mode: 'insensitive' as const } },
      { email: { contains: w, mode: 'insensitive' as const } },
    ],
  }));
  const take = input.limit + 1;
  const members = await db.membership.findMany({
    where: { organizationId: ctx.organizationId, userId: { not: me }, user: { AND: nameMatches } },
    select: { user: { select: { id: true, firstName: true, lastName: true, email: true } } },
    orderBy: [{ user: { firstName: 'asc' } }, { user: { lastName: 'asc' } }, { userId: 'asc' }],
    take,
  });
  const externals =
    ctx.actor.kind === 'externalUser' || members.length >= take
      ? []
      : await db.externalUser.findMany({
          where: {
            organizationId: ctx.organizationId,
            userId: { not: me },
            AND: words.map((w) => ({ OR: [{ deviceName: { contains: w, mode: 'insensitive' as const } }, { accessLinks: { some: { OR: [{ email: { contains: w, mode: 'insensitive' as const } }, { phone: { contains: w } }] } } }] })),
          },
          select: { userId: true, deviceName: true, platform: true, accessLinks: { select: { email: true, phone: true }, orderBy: { createdAt: 'desc' }, take: 1 } },
          orderBy: [{ deviceName: 'asc' }, { userId: 'asc' }],
          take: take - members.length,
        });
  const people: ChatPersonDto[] = [
    ...members.map((m) => ({ userId: m.user.id, name: `${m.user.firstName} ${m.user.lastName}`.trim(), detail: m.user.email, external: false })),
    ...externals.map((e) => ({ userId: e.userId, name: e.deviceName, detail: e.accessLinks[0]?.email ?? e.accessLinks[0]?.phone ?? `${e.platform} app`, external: true })),
  ];
  return { results: people.slice(0, input.limit), hasMore: people.length > input.limit };
}
