// Shapes of users and their credentials: REST bodies, tRPC inputs, form resolvers and OpenAPI components at once.
import { z } from 'zod';
import '../shared/zod-messages';
import { singleLineText } from '../shared/single-line-text';

export const email = z.string().trim().toLowerCase().max(254).pipe(z.email('Enter an email address, like name@company.com'));
export const password = z.string().min(8, 'Use at least 8 characters').max(256, 'Use at most 256 characters');
const personName = (label: string) => singleLineText({ max: 80, required: `Enter your ${label}` });
export const username = z
  .string()
  .trim()
  .min(3, 'Use at least 3 characters')
  .max(40, 'Use at most 40 characters')
  .regex(/^[a-zA-Z0-9_.-]+$/, 'Use only letters, digits, dots, dashes and underscores');

export const registerInput = z
  .object({ email, password, firstName: personName('first name'), lastName: personName('last name'), username: username.optional() })
  .strict()
  .meta({ id: 'RegisterInput' });

export const tokenInput = z
  .object({
    email: z.string().trim().toLowerCase().max(254).optional(),
    username: z.string().trim().max(40).optional(),
    password: z.string().min(1, 'Enter your password').max(256),
  })
  .strict()
  .refine((v) => v.email || v.username, { message: 'Enter your email or username', path: ['email'] })
  .meta({ id: 'TokenInput' });

export const refreshInput = z.object({ refresh: z.string().min(1, 'Send the refresh token').max(200) }).strict().meta({ id: 'RefreshInput' });

export const changePasswordInput = z
  .object({ password: z.string().min(1, 'Enter your current password').max(256), newPassword: password })
  .strict()
  .meta({ id: 'ChangePasswordInput' });

export const passwordResetRequestInput = z.object({ email }).strict().meta({ id: 'PasswordResetRequestInput' });

export const passwordResetConfirmInput = z
  .object({ token: z.string().trim().min(1, 'is required').max(200), newPassword: password })
  .strict()
  .meta({ id: 'PasswordResetConfirmInput' });

export const updateMeInput = z
  .object({ firstName: personName('first name').optional(), lastName: personName('last name').optional(), username: username.nullable().optional() })
  .strict()
  .meta({ id: 'UpdateMeInput' });

export const userDto = z
  .object({
    id: z.uuid(),
    email: z.string(),
    username: z.string().nullable(),
    firstName: z.string(),
    lastName: z.string(),
    image: z.string().nullable().meta({ description: 'URL of the profile image' }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });

export const roleEnum = z.enum(['owner', 'admin', 'manager', 'member']).meta({ id: 'Role' });

export const meDto = userDto
  .extend({
    organizations: z.array(z.object({ id: z.uuid(), name: z.string(), role: roleEnum })),
    activeOrganization: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    teams: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.enum(['member', 'manager']) })).meta({ description: 'Teams in the active organization, with the role on each' }),
    performance: z.number().nullable().meta({ description: 'Average score of the practice sessions in the active organization, null without scored sessions' }),
    sessionCount: z.number().int().meta({ description: 'Practice sessions recorded in the active organization' }),
    isManager: z.boolean().meta({ description: 'Owner, admin or manager in the active organization, or the manager of a team' }),
    actor: z.object({ kind: z.enum(['user', 'apiKey', 'externalUser']), id: z.uuid(), name: z.string().optional() }).meta({ description: 'externalUser: a customer (access link or app installation): no organizations of its own, activeOrganization is the one it chats with' }),
  })
  .meta({ id: 'Me' });

// Secrets are never stored for an Idempotency-Key replay: a replay carries null here (see Idempotent-Replay-Omitted).
const shownOnce = (what: string) => z.string().nullable().meta({ description: `${what}; null on an Idempotency-Key replay, which never repeats a secret` });
export const tokenPairDto = z.object({ access: shownOnce('Access token'), refresh: shownOnce('Refresh token'), expiresIn: z.number().int() }).meta({ id: 'TokenPair' });
export const tokenResponseDto = tokenPairDto.extend({ user: userDto }).meta({ id: 'TokenResponse' });

export type RegisterInput = z.infer<typeof registerInput>;
export type UserDto = z.infer<typeof userDto>;
export type MeDto = z.infer<typeof meDto>;
