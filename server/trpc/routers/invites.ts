// Invites: the manager's side (send a batch, list, revoke) and the invitee's (look at a link, accept it).
import { z } from 'zod';
import { acceptInvite, inviteLinkState, lookupInvite } from '../../domain/invites/accept-invite';
import { createInvites } from '../../domain/invites/create-invites';
import { acceptInviteInput, createInvitesInput, INVITE_ORDERING } from '../../domain/invites/invite.schema';
import { inviteLink, listInvites, resendInvite, revokeInvite } from '../../domain/invites/manage-invites';
import { orderingInput, pageInput } from '../../domain/shared/list';
import { orgProcedure, publicProcedure, router, userProcedure } from '../init';

const token = z.string().max(100);

export const invitesRouter = router({
  list: orgProcedure('teams:manage')
    .input(z.object({ ...pageInput, ordering: orderingInput(INVITE_ORDERING, { field: 'createdAt', direction: 'desc' }), teamId: z.string().optional(), status: z.array(z.string()).optional() }).strict())
    .query(({ ctx, input }) => listInvites({ ctx: ctx.app, page: input, ordering: input.ordering, filters: { teamId: input.teamId, status: input.status } })),
  create: orgProcedure('teams:manage').input(createInvitesInput).mutation(({ ctx, input }) => createInvites({ ctx: ctx.app, input })),
  revoke: orgProcedure('teams:manage').input(z.object({ id: z.string() }).strict()).mutation(({ ctx, input }) => revokeInvite({ ctx: ctx.app, id: input.id })),
  // A mutation: the first copy of an invite made before links were kept renews its token.
  link: orgProcedure('teams:manage').input(z.object({ id: z.string() }).strict()).mutation(({ ctx, input }) => inviteLink({ ctx: ctx.app, id: input.id })),
  resend: orgProcedure('teams:manage').input(z.object({ id: z.string() }).strict()).mutation(({ ctx, input }) => resendInvite({ ctx: ctx.app, id: input.id })),
  // The link's token is the credential: no sign-in needed to see what it is for, or to sign up with it.
  lookup: publicProcedure.input(z.object({ token }).strict()).query(({ input }) => lookupInvite({ token: input.token })),
  linkState: publicProcedure.input(z.object({ token }).strict()).query(({ input }) => inviteLinkState({ token: input.token })),
  acceptWithAccount: publicProcedure
    .input(z.object({ token, account: acceptInviteInput }).strict())
    .mutation(({ input }) => acceptInvite({ token: input.token, ctx: null, input: input.account })),
  acceptAsMe: userProcedure.input(z.object({ token }).strict()).mutation(({ ctx, input }) => acceptInvite({ token: input.token, ctx: ctx.app })),
});
