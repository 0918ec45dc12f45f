// Every permission of the product and what each role grants; API key scopes are a subset of these.
import type { Role } from '../generated/prisma/enums';

export const PERMISSIONS = [
  'organization:read',
  'organization:update',
  'organization:delete',
  'members:read',
  'members:manage',
  'apiKeys:read',
  'apiKeys:manage',
  'statistics:read',
  'audit:read',
  'emails:read',
  'jobs:read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const PERMISSION_LABELS: Record<Permission, string> = {
  'organization:read': 'Read organization',
  'organization:update': 'Update organization settings',
  'organization:delete': 'Delete organization',
  'members:read': 'List members',
  'members:manage': 'Change member roles and remove members',
  'apiKeys:read': 'List API keys',
  'apiKeys:manage': 'Create and revoke API keys',
  'statistics:read': 'Read statistics',
  'audit:read': 'Read the security log',
  'emails:read': 'Read the email log',
  'jobs:read': 'See background jobs and retry failed ones',
};

const READ: Permission[] = ['organization:read', 'members:read', 'statistics:read'];

// Owners hold everything; admins everything but deleting the organization (the security log included).
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: PERMISSIONS,
  admin: PERMISSIONS.filter((p) => p !== 'organization:delete'),
  manager: [...READ, 'apiKeys:read'],
  member: READ,
};

export const ROLES = ['owner', 'admin', 'manager', 'member'] as const satisfies readonly Role[];

export function permissionsFor(role: Role, extra: readonly string[] = []): Set<Permission> {
  const set = new Set<Permission>(ROLE_PERMISSIONS[role]);
  for (const p of extra) if ((PERMISSIONS as readonly string[]).includes(p)) set.add(p as Permission);
  return set;
}

export const isPermission = (value: string): value is Permission => (PERMISSIONS as readonly string[]).includes(value);
