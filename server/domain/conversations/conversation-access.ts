// Who chats, and the one rule for reading a conversation: only its participants, within their organization.
import { requirePermission, type Ctx, type OrgCtx } from '../../context';
import { db, type Tx } from '../../db';
import { AppError, forbidden } from '../../errors';
import { isUuid } from '../shared/ids';

/**
 * The person a caller chats as: a member, an external user, or an API key's creator (a key acts for whoever made it).
 * SECURITY: a key whose creator is gone chats as nobody (403).
 */
export function chatterId(ctx: Ctx): string {
  if (ctx.actor.kind === 'apiKey') {
    if (!ctx.actor.createdById) throw forbidden('This API key has no creator to chat as');
    return ctx.actor.createdById;
  }
  return ctx.actor.id;
}

export type Participation = { ctx: OrgCtx; me: string; conversationId: string; type: 'chat' | 'group'; isAdmin: boolean };

export const conversationNotFound = () => new AppError('not_found', { message: 'Conversation not found' });

/**
 * SECURITY: the read rule of a conversation — it exists for the caller only if it is of the caller's organization and
 * the caller takes part in it now (anyone else, a removed participant, another organization: 404).
 */
export async function participation(opts: { ctx: Ctx; id: string }, tx: Tx = db): Promise<Participation> {
  const ctx = requirePermission(opts.ctx, 'conversations:chat');
  const me = chatterId(ctx);
  if (!isUuid(opts.id)) throw conversationNotFound();
  const row = await tx.conversationParticipant.findFirst({
    where: { conversationId: opts.id, userId: me, conversation: { organizationId: ctx.organizationId } },
    select: { isAdmin: true, conversation: { select: { type: true } } },
  });
  if (!row) throw conversationNotFound();
  return { ctx, me, conversationId: opts.id, type: row.conversation.type, isAdmin: row.isAdmin };
}

/**
 * The users among `ids` who may take part in the organization's conversations: its members and its external users.
 * Anyone else (another organization's, unknown) is absent from the answer.
 */
export async function chattersOf(tx: Tx, organizationId: string, given: string[]): Promise<Map<string, { external: boolean }>> {
  const ids = given.filter(isUuid);
  const [members, externals] = await Promise.all([
    tx.membership.findMany({ where: { organizationId, userId: { in: ids } }, select: { userId: true } }),
    tx.externalUser.findMany({ where: { organizationId, userId: { in: ids } }, select: { userId: true } }),
  ]);
  const chatters = new Map<string, { external: boolean }>();
  for (const m of members) chatters.set(m.userId, { external: false });
  for (const e of externals) chatters.set(e.userId, { external: true });
  return chatters;
}
