// Shapes of team invites: the batch a manager sends, the list, what the link shows and what accepting takes.
import { z } from 'zod';
import { email, password, userDto } from '../identity/user.schema';
import { teamRoleEnum } from '../teams/team.schema';

export const inviteRowInput = z
  .object({ email, teamId: z.uuid('must be a team id'), role: teamRoleEnum.default('member') })
  .strict()
  .meta({ id: 'InviteRow' });

/** A batch is taken whole or refused whole: one bad row (named by its index) and nothing is created or sent. */
export const createInvitesInput = z
  .array(inviteRowInput)
  .min(1, 'send at least one invite')
  .max(50, 'at most 50 invites at once')
  .meta({ id: 'CreateInvitesInput' });

export const INVITE_ORDERING = ['createdAt', 'email', 'expiresAt'] as const;

export const inviteFiltersInput = z
  .object({
    teamId: z.uuid('must be a team id').optional(),
    status: z.array(z.enum(['pending', 'expired'])).optional().meta({ description: 'pending, expired or both (comma list)' }),
  })
  .strict();

export const INVITE_TOKEN = /^inv_[A-Za-z0-9_-]{20,64}$/;

export const invitePreviewDto = z
  .object({
    email: z.string(),
    teamName: z.string().nullable().meta({ description: 'The team the invite joins; null for an invite to the organization alone (an admin added the person)' }),
    organizationName: z.string(),
    role: teamRoleEnum,
    expiresAt: z.iso.datetime(),
    existingAccount: z.boolean().meta({ description: 'An account with this email exists: sign in to accept instead of signing up' }),
    suggestedName: z
      .object({ firstName: z.string(), lastName: z.string() })
      .nullable()
      .meta({ description: 'The name an admin gave the account waiting for this address (it signs up into that account)' }),
  })
  .meta({ id: 'InvitePreview' });

const personName = (label: string) => z.string().trim().min(1, `${label} is required`).max(80, 'must be at most 80 characters');

/** A new account for the invited address; an already signed-in caller sends no body at all. */
export const acceptInviteInput = z
  .object({ firstName: personName('First name'), lastName: personName('Last name'), password })
  .strict()
  .meta({ id: 'AcceptInviteInput' });

export const acceptedInviteDto = z
  .object({
    organizationId: z.uuid(),
    team: z.object({ id: z.uuid(), name: z.string() }).nullable().meta({ description: 'null for an invite to the organization alone' }),
    user: userDto,
    createdAccount: z.boolean().meta({ description: 'A new account was made for the invited address (sign in with it next)' }),
  })
  .meta({ id: 'AcceptedInvite' });

export const inviteLinkDto = z
  .object({
    url: z.string().meta({ description: 'The link the invite email carries (its token is the credential: hand it only to the invited person)' }),
    expiresAt: z.iso.datetime(),
    renewed: z.boolean().meta({ description: 'true when the invite was made before links were kept: this is a new link, and the earlier email no longer opens it' }),
  })
  .meta({ id: 'InviteLink' });

export type InvitePreviewDto = z.infer<typeof invitePreviewDto>;
export type AcceptedInviteDto = z.infer<typeof acceptedInviteDto>;
