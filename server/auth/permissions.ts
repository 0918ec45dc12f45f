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
  'calls:answer',
  'calls:read',
  'dealers:manage',
  'leads:read',
  'teams:read',
  'teams:create',
  'teams:manage',
  'products:read',
  'products:manage',
  'sessions:read',
  'sessions:write',
  'coaching:admin',
  'emails:read',
  'jobs:read',
  'contacts:read',
  'contacts:manage',
  'messages:read',
  'messages:manage',
  'programs:read',
  'programs:manage',
  'accounts:read',
  'accounts:manage',
  'providers:read',
  'providers:manage',
  'transmissions:read',
  'transmissions:send',
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
  'calls:answer': 'Take live calls as a dealer',
  'calls:read': 'List and export every live call',
  'dealers:manage': 'Pause and resume members’ live calls, set dealers’ phone numbers',
  'leads:read': 'List and export leads',
  'teams:read': 'List teams',
  'teams:create': 'Create teams',
  'teams:manage': 'Manage the teams you lead: members, invites, settings, dashboard',
  'products:read': 'Read products and training modules',
  'products:manage': 'Create and edit products and training modules',
  'sessions:read': 'Read practice sessions you may see (your own, your teams\')',
  'sessions:write': 'Record, re-transcribe and delete practice sessions you may see',
  'coaching:admin': 'Lead every team and see every practice session',
  'emails:read': 'Read the email log',
  'jobs:read': 'See background jobs and retry failed ones',
  'contacts:read': 'List and export contacts and groups, follow imports',
  'contacts:manage': 'Create, edit, import and delete contacts and groups',
  'messages:read': 'Read the message library: texts, email templates, recordings, documents',
  'messages:manage': 'Create, edit and delete messages of the library and their files',
  'programs:read': 'List programs',
  'programs:manage': 'Create and delete programs',
  'accounts:read': 'List sender accounts and their settings',
  'accounts:manage': 'Create, edit and delete sender accounts, their settings, subscriptions and owners',
  'providers:read': 'List gateways (SMTP, Twilio, HTTP, Kannel); their secrets are never shown',
  'providers:manage': 'Connect, edit, test and remove gateways',
  'transmissions:read': 'List transmissions, their delivery attempts and the inbox',
  'transmissions:send': 'Create, send, schedule, retry, clone and delete transmissions',
};

// What every member does: read the organization, practise and review their own sessions. `teams:manage` does nothing
// on its own: it lets whoever a team names as its manager lead that team (the domain checks the team).
// Every member is a dealer by default (calls:answer): owners take calls too.
const READ: Permission[] = ['organization:read', 'members:read', 'statistics:read', 'calls:answer', 'teams:read', 'teams:manage', 'products:read', 'sessions:read', 'sessions:write'];

// Owners hold everything; admins everything but deleting the organization (the security log included). Managers
// build training and start teams; which sessions they see follows the teams they lead. They also prepare outreach:
// contacts, the message library and programs, and send them (transmissions) from the accounts and through the
// gateways an admin sets up.
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: PERMISSIONS,
  admin: PERMISSIONS.filter((p) => p !== 'organization:delete'),
  manager: [
    ...READ, 'apiKeys:read', 'calls:read', 'dealers:manage', 'leads:read', 'teams:create', 'products:manage',
    'contacts:read', 'contacts:manage', 'messages:read', 'messages:manage', 'programs:read', 'programs:manage', 'accounts:read',
    'transmissions:read', 'transmissions:send',
  ],
  member: READ,
};

/** Roles whose grants include the permission (extra per-member grants come on top). */
export const rolesWith = (permission: Permission): Role[] => ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(permission));

export const ROLES = ['owner', 'admin', 'manager', 'member'] as const satisfies readonly Role[];

export function permissionsFor(role: Role, extra: readonly string[] = []): Set<Permission> {
  const set = new Set<Permission>(ROLE_PERMISSIONS[role]);
  for (const p of extra) if ((PERMISSIONS as readonly string[]).includes(p)) set.add(p as Permission);
  return set;
}

export const isPermission = (value: string): value is Permission => (PERMISSIONS as readonly string[]).includes(value);
