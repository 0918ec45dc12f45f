// Shapes of teams: create/replace/update inputs, the team, its settings (members and invites) and its dashboard.
import { z } from 'zod';

export const teamRoleEnum = z.enum(['member', 'manager']).meta({ id: 'TeamRole', description: 'member practises; manager leads the team' });

const name = z.string().trim().min(1, 'Name is required').max(80, 'must be at most 80 characters');
const managerIds = z
  .array(z.uuid('must be a user id'))
  .max(50, 'at most 50 managers')
  .refine((ids) => new Set(ids).size === ids.length, { message: 'must not repeat a manager' });

export const createTeamInput = z
  .object({ name, managerIds: managerIds.optional().meta({ description: 'Members of the organization who lead the team; defaults to the creator' }) })
  .strict()
  .meta({ id: 'CreateTeamInput' });
/** PUT replaces both fields; PATCH changes the named ones. */
export const replaceTeamInput = z.object({ name, managerIds }).strict().meta({ id: 'ReplaceTeamInput' });
export const updateTeamInput = z.object({ name: name.optional(), managerIds: managerIds.optional() }).strict().meta({ id: 'UpdateTeamInput' });

const person = { id: z.uuid(), firstName: z.string(), lastName: z.string(), image: z.string().nullable() };

export const teamDto = z
  .object({
    id: z.uuid(),
    name: z.string(),
    managerIds: z.array(z.uuid()),
    managers: z.array(z.object(person)),
    memberCount: z.number().int().meta({ description: 'Everyone on the team, managers included' }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Team' });

export const TEAM_ORDERING = ['name', 'createdAt'] as const;
export const invitedDto = z
  .object({
    id: z.uuid(),
    email: z.string(),
    teamId: z.uuid(),
    teamName: z.string(),
    role: teamRoleEnum,
    status: z.enum(['pending', 'expired']).meta({ description: 'expired: the link no longer works; invite again to send a new one' }),
    expiresAt: z.iso.datetime(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Invite' });

export const teamSettingsDto = z
  .object({
    id: z.uuid(),
    name: z.string(),
    members: z.array(
      z.object({
        ...person,
        email: z.string(),
        role: teamRoleEnum,
        joinedAt: z.iso.datetime(),
        sessions: z.number().int().meta({ description: 'Practice sessions this person recorded in the organization' }),
      }),
    ),
    invited: z.array(invitedDto),
  })
  .meta({ id: 'TeamSettings' });

export const DASHBOARD_ORDERING = ['name', 'performance', 'sessions', 'lastActivity', 'trend'] as const;
export type DashboardOrderField = (typeof DASHBOARD_ORDERING)[number];

export const dashboardMemberDto = z
  .object({
    ...person,
    role: teamRoleEnum,
    performance: z.number().nullable().meta({ description: 'Average score of the scored sessions, null without any' }),
    sessions: z.number().int().meta({ description: 'Practice sessions recorded' }),
    lastActivity: z.iso.datetime().nullable().meta({ description: 'When the latest session was recorded' }),
    trend: z.number().nullable().meta({ description: 'Points gained (or lost): the newer half of the last 10 scored sessions against the older half; null before 2 scored sessions' }),
    recentScores: z.array(z.number().int()).meta({ description: 'The last 10 scores, oldest first (for a sparkline)' }),
  })
  .meta({ id: 'TeamDashboardMember' });

export const teamDashboardDto = z
  .object({ id: z.uuid(), name: z.string(), members: z.array(dashboardMemberDto) })
  .meta({ id: 'TeamDashboard' });

export const removeTeamMemberInput = z
  .object({ teamId: z.string(), userId: z.string(), purge: z.boolean().default(false).meta({ description: "Also delete the person's practice sessions in the organization" }) })
  .strict();

export type TeamDto = z.infer<typeof teamDto>;
export type TeamSettingsDto = z.infer<typeof teamSettingsDto>;
export type InvitedDto = z.infer<typeof invitedDto>;
export type TeamDashboardDto = z.infer<typeof teamDashboardDto>;
export type DashboardMemberDto = z.infer<typeof dashboardMemberDto>;
