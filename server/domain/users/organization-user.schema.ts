// Shapes of an organization's users (API.md §6, ICTCore's /users): the person, their one role, their direct grants and
// what they may do in all; what creating, replacing and setting a password take; the list's filters.
import { z } from 'zod';
import '../shared/zod-messages';
import { email, password, username } from '../identity/user.schema';
import { commaList } from '../shared/list-filters';
import { singleLineText } from '../shared/single-line-text';
import { permissionEnum } from '../roles/role.schema';

const personName = (label: string) => singleLineText({ max: 80, required: `Enter the ${label}` });

// A role id: a built-in role's name or a custom role's UUID (GET /roles lists them).
const roleId = z.string().trim().min(1, 'Choose a role').max(60).meta({ description: "A role id from GET /roles: a built-in role's name or a custom role's UUID", example: 'member' });

export const USER_ORDERING = ['name', 'email', 'joinedAt'] as const;
export type UserOrderingField = (typeof USER_ORDERING)[number];

export const organizationUserDto = z
  .object({
    id: z.uuid().meta({ description: 'The user id' }),
    email: z.string(),
    username: z.string().nullable(),
    firstName: z.string(),
    lastName: z.string(),
    image: z.string().nullable().meta({ description: 'URL of the profile photo' }),
    role: z.object({ id: z.string(), name: z.string(), builtIn: z.boolean() }).meta({ description: 'The one role the member holds' }),
    permissions: z.array(permissionEnum).meta({ description: 'Direct grants on top of the role (PUT/DELETE /users/{id}/permissions/{permission})' }),
    effectivePermissions: z.array(permissionEnum).meta({ description: 'Everything the member may do here: the role’s permissions and the direct grants' }),
    status: z.enum(['active', 'invited']).meta({ description: 'invited: the account waits for its person to choose a password from the emailed invite' }),
    joinedAt: z.iso.datetime(),
  })
  .meta({ id: 'OrganizationUser' });

export const createUserInput = z
  .object({
    email,
    firstName: personName('first name'),
    lastName: personName('last name'),
    username: username.optional(),
    password: password.optional().meta({ description: 'They can sign in with it at once. Leave it out to email them an invite that lets them choose one' }),
    role: roleId.default('member'),
    permissions: z
      .array(permissionEnum)
      .max(100)
      .refine((list) => new Set(list).size === list.length, { message: 'Name each permission once' })
      .default([])
      .meta({ description: 'Direct grants on top of the role' }),
  })
  .strict()
  .meta({ id: 'CreateUserInput' });

/** PUT /users/{id} replaces the profile: name, email and username (null clears it). */
export const updateUserInput = z
  .object({ email, firstName: personName('first name'), lastName: personName('last name'), username: username.nullable().optional() })
  .strict()
  .meta({ id: 'UpdateUserInput' });

export const setUserPasswordInput = z.object({ password }).strict().meta({ id: 'SetUserPasswordInput' });

export const userFiltersInput = z
  .object({
    search: singleLineText({ max: 100 }).optional().meta({ description: 'Words found in the name, email or username' }),
    role: commaList(z.string().max(60), 20).optional().meta({ description: 'Role ids (comma list: any of)' }),
    status: commaList(z.enum(['active', 'invited']), 2).optional(),
  })
  .strict();

export type OrganizationUserDto = z.infer<typeof organizationUserDto>;
export type CreateUserInput = z.input<typeof createUserInput>;
export type UserFiltersInput = z.input<typeof userFiltersInput>;
