// Shapes of roles and permissions: the permission list, built-in and custom roles, and what creating or changing a
// custom role takes.
import { z } from 'zod';
import '../shared/zod-messages';
import { PERMISSIONS, ROLES, type Permission } from '../../auth/permissions';
import type { Role } from '../../generated/prisma/enums';
import { singleLineText } from '../shared/single-line-text';

export const permissionEnum = z.enum(PERMISSIONS).meta({ id: 'Permission', description: 'A permission id (`area:verb`), as in GET /permissions' });

/** How the built-in roles read, wherever a role is shown. */
export const BUILT_IN_ROLES: Record<Role, { name: string; description: string }> = {
  owner: { name: 'Owner', description: 'Everything, deleting the organization included. Only an owner makes or unmakes an owner.' },
  admin: { name: 'Admin', description: 'Everything but deleting the organization: members, roles, API keys, settings and every area.' },
  manager: { name: 'Manager', description: 'Builds training, starts teams, reads every call and lead.' },
  member: { name: 'Member', description: 'Practises, takes live calls and reviews their own sessions.' },
};

export const permissionDto = z
  .object({
    id: permissionEnum,
    label: z.string().meta({ description: 'What it allows, in words' }),
    area: z.string().meta({ description: 'The part of the product it belongs to (the id before the colon)' }),
  })
  .meta({ id: 'PermissionInfo' });

export const roleDto = z
  .object({
    id: z.string().meta({ description: "A built-in role's name (owner, admin, manager, member) or a custom role's UUID", example: 'admin' }),
    name: z.string(),
    description: z.string().nullable(),
    builtIn: z.boolean().meta({ description: 'Built-in roles are fixed: they cannot be changed or deleted' }),
    permissions: z.array(permissionEnum),
    members: z.number().int().meta({ description: 'How many members hold it' }),
    createdAt: z.iso.datetime().nullable().meta({ description: 'null for a built-in role' }),
    updatedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'RoleInfo' });

const reserved = new Set<string>(ROLES);
const roleName = singleLineText({ max: 60, required: 'Name the role' }).refine((v) => !reserved.has(v.toLowerCase()), {
  message: 'This is the name of a built-in role: choose another',
});

const permissionList = z
  .array(permissionEnum)
  .max(PERMISSIONS.length)
  .refine((list) => new Set(list).size === list.length, { message: 'Name each permission once' });

/** POST /roles; PUT /roles/{role} replaces every field. */
export const roleInput = z
  .object({
    name: roleName,
    description: singleLineText({ max: 300 }).nullable().optional(),
    permissions: permissionList,
  })
  .strict()
  .meta({ id: 'RoleInput' });

export type PermissionDto = z.infer<typeof permissionDto>;
export type RoleDto = z.infer<typeof roleDto>;
export type RoleInput = z.input<typeof roleInput>;
export type { Permission };
