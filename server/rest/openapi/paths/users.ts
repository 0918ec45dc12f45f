// OpenAPI paths of API.md §6's users, roles and permissions (ICTCore's /users, built on members and roles).
import { z } from 'zod';
import { permissionDto, permissionEnum, roleDto, roleInput } from '../../../domain/roles/role.schema';
import { createUserInput, organizationUserDto, setUserPasswordInput, updateUserInput, USER_ORDERING } from '../../../domain/users/organization-user.schema';
import { idPath, listOf, operation, pageQuery } from '../operation';

const users = ['Users'];
const roles = ['Roles and permissions'];
const ordering = z.enum(USER_ORDERING.flatMap((f) => [f, `-${f}`]) as [string, ...string[]]).optional();
const roleParam = z.string().meta({ description: "A role id: a built-in role's name (owner, admin, manager, member) or a custom role's UUID", example: 'manager' });
const userRolePath = idPath.extend({ role: roleParam });
const userPermissionPath = idPath.extend({ permission: permissionEnum });
const rolePath = z.object({ role: roleParam });
const grantRule =
  'Nobody gives a permission, or a role holding one, that they do not hold themselves; only an owner makes or unmakes an owner; nobody acts on someone holding more than they do (403). The last owner stays (409).';

export const userPaths = {
  '/users': {
    get: operation({
      summary: "List the organization's users",
      tags: users,
      access: 'members:read',
      query: pageQuery.extend({
        ordering,
        search: z.string().optional().meta({ description: 'Words found in the name, email or username' }),
        role: z.string().optional().meta({ description: 'Role ids, comma list (any of)' }),
        status: z.string().optional().meta({ description: 'active, invited or both (comma list)' }),
      }),
      responses: { 200: { description: 'Users', schema: listOf(organizationUserDto, 'OrganizationUserList') } },
    }),
    post: operation({
      summary: 'Add a user: with a password (they sign in at once) or without (emailed an invite to choose one)',
      tags: users,
      access: 'members:manage',
      body: createUserInput,
      errors: ['conflict'],
      responses: { 201: { description: `Added. An email already in the organization is 409. ${grantRule}`, schema: organizationUserDto } },
    }),
  },
  '/users/{id}': {
    get: operation({ summary: 'Read a user of the organization', tags: users, access: 'members:read', path: idPath, responses: { 200: { description: 'User', schema: organizationUserDto } } }),
    put: operation({
      summary: 'Replace their name, email and username (accounts other organizations share: only their person)',
      tags: users,
      access: 'members:manage',
      path: idPath,
      body: updateUserInput,
      errors: ['conflict'],
      responses: { 200: { description: 'User', schema: organizationUserDto } },
    }),
    delete: operation({ summary: 'Remove them from the organization (their account and what they made stay)', tags: users, access: 'members:manage', path: idPath, errors: ['conflict'], responses: { 204: { description: `Removed. ${grantRule}` } } }),
  },
  '/users/{id}/password': {
    put: operation({ summary: 'Set their password; every session and token of theirs ends', tags: users, access: 'members:manage', path: idPath, body: setUserPasswordInput, responses: { 204: { description: 'Set' } } }),
  },
  '/users/{id}/roles/{role}': {
    put: operation({ summary: 'Make this their one role', tags: users, access: 'members:manage', path: userRolePath, errors: ['conflict'], responses: { 200: { description: `User. ${grantRule}`, schema: organizationUserDto } } }),
    delete: operation({ summary: 'Take their current role away: they become a member', tags: users, access: 'members:manage', path: userRolePath, errors: ['conflict'], responses: { 204: { description: 'Done' } } }),
  },
  '/users/{id}/permissions/{permission}': {
    put: operation({ summary: 'Grant a permission directly, on top of their role', tags: users, access: 'members:manage', path: userPermissionPath, responses: { 200: { description: `User. ${grantRule}`, schema: organizationUserDto } } }),
    delete: operation({ summary: 'Revoke a direct grant (what their role gives stays)', tags: users, access: 'members:manage', path: userPermissionPath, responses: { 204: { description: 'Revoked' } } }),
  },
  '/permissions': {
    get: operation({ summary: 'Every permission, with what it allows (API key scopes are among them)', tags: roles, access: 'members:read', query: pageQuery, responses: { 200: { description: 'Permissions', schema: listOf(permissionDto, 'PermissionList') } } }),
  },
  '/roles': {
    get: operation({ summary: 'The built-in roles and the custom roles, with their permissions', tags: roles, access: 'members:read', query: pageQuery, responses: { 200: { description: 'Roles', schema: listOf(roleDto, 'RoleList') } } }),
    post: operation({ summary: 'Create a custom role', tags: roles, access: 'roles:manage', body: roleInput, errors: ['conflict'], responses: { 201: { description: `Created. ${grantRule}`, schema: roleDto } } }),
  },
  '/roles/{role}': {
    get: operation({ summary: 'Read a role', tags: roles, access: 'members:read', path: rolePath, responses: { 200: { description: 'Role', schema: roleDto } } }),
    put: operation({ summary: "Replace a custom role (its holders follow at once); a built-in role is 409", tags: roles, access: 'roles:manage', path: rolePath, body: roleInput, errors: ['conflict'], responses: { 200: { description: 'Role', schema: roleDto } } }),
    delete: operation({ summary: 'Delete a custom role: its holders become members; a built-in role is 409', tags: roles, access: 'roles:manage', path: rolePath, errors: ['conflict'], responses: { 204: { description: 'Deleted' } } }),
  },
};
