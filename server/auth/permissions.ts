// Every permission of the product with the words that explain it, and what each built-in role grants. API key scopes,
// custom roles and direct grants are all drawn from this one list.
import type { Role } from '../generated/prisma/enums';

/**
 * One entry per permission: its id (`area:verb`, the id REST and API key scopes use) and its label, which says in
 * words what it allows wherever a permission is shown (the roles matrix, API key scopes, refusals). Add a permission
 * here, in its area; it appears everywhere from this list.
 */
export const PERMISSION_LIST = [
  { id: 'organization:read', label: 'Read organization' },
  { id: 'organization:update', label: 'Update organization settings' },
  { id: 'organization:delete', label: 'Delete organization' },
  { id: 'members:read', label: 'List members, roles and permissions' },
  { id: 'members:manage', label: 'Add, edit and remove members; change their roles, direct permissions and passwords' },
  { id: 'roles:manage', label: 'Create, edit and delete custom roles' },
  { id: 'apiKeys:read', label: 'List API keys' },
  { id: 'apiKeys:manage', label: 'Create and revoke API keys' },
  { id: 'statistics:read', label: 'Read statistics' },
  { id: 'audit:read', label: 'Read the security log' },
  { id: 'calls:answer', label: 'Take live calls as a dealer' },
  { id: 'calls:read', label: 'List and export every live call' },
  { id: 'dealers:manage', label: 'Pause and resume members’ live calls, set dealers’ phone numbers' },
  { id: 'leads:read', label: 'List and export leads' },
  { id: 'teams:read', label: 'List teams' },
  { id: 'teams:create', label: 'Create teams' },
  { id: 'teams:manage', label: 'Manage the teams you lead: members, invites, settings, dashboard' },
  { id: 'products:read', label: 'Read products and training modules' },
  { id: 'products:manage', label: 'Create and edit products and training modules' },
  { id: 'sessions:read', label: 'Read practice sessions you may see (your own, your teams\')' },
  { id: 'sessions:write', label: 'Record, re-transcribe and delete practice sessions you may see' },
  { id: 'coaching:admin', label: 'Lead every team and see every practice session' },
  { id: 'emails:read', label: 'Read the email log' },
  { id: 'jobs:read', label: 'See background jobs and retry failed ones' },
  { id: 'contacts:read', label: 'List and export contacts and groups, follow imports' },
  { id: 'contacts:manage', label: 'Create, edit, import and delete contacts and groups' },
  { id: 'messages:read', label: 'Read the message library: texts, email templates, recordings, documents' },
  { id: 'messages:manage', label: 'Create, edit and delete messages of the library and their files' },
  { id: 'programs:read', label: 'List programs' },
  { id: 'programs:manage', label: 'Create and delete programs' },
  { id: 'accounts:read', label: 'List sender accounts and their settings' },
  { id: 'accounts:manage', label: 'Create, edit and delete sender accounts, their settings, subscriptions and owners' },
  { id: 'providers:read', label: 'List gateways (SMTP, Twilio, HTTP, Kannel); their secrets are never shown' },
  { id: 'providers:manage', label: 'Connect, edit, test and remove gateways' },
  { id: 'transmissions:read', label: 'List transmissions, their delivery attempts and the inbox' },
  { id: 'transmissions:send', label: 'Create, send, schedule, retry, clone and delete transmissions' },
  { id: 'campaigns:read', label: 'List campaigns, their progress and delivery reports' },
  { id: 'campaigns:manage', label: 'Create, edit, start, stop, schedule and delete campaigns' },
  { id: 'conversations:chat', label: 'Chat: start conversations, read and send messages in your own' },
  { id: 'externalUsers:manage', label: 'Register external users and send them access links' },
] as const satisfies readonly { id: `${string}:${string}`; label: string }[];

export type Permission = (typeof PERMISSION_LIST)[number]['id'];

export const PERMISSIONS = PERMISSION_LIST.map((p) => p.id) as unknown as readonly [Permission, ...Permission[]];

export const PERMISSION_LABELS = Object.fromEntries(PERMISSION_LIST.map((p) => [p.id, p.label])) as Record<Permission, string>;

export const isPermission = (value: string): value is Permission => (PERMISSIONS as readonly string[]).includes(value);

// What every member does: read the organization, practise and review their own sessions. `teams:manage` does nothing
// on its own: it lets whoever a team names as its manager lead that team (the domain checks the team).
// Every member is a dealer by default (calls:answer): owners take calls too.
const READ: Permission[] = ['organization:read', 'members:read', 'statistics:read', 'calls:answer', 'teams:read', 'teams:manage', 'products:read', 'sessions:read', 'sessions:write', 'conversations:chat'];

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
    'transmissions:read', 'transmissions:send', 'campaigns:read', 'campaigns:manage', 'externalUsers:manage',
  ],
  member: READ,
};

export const ROLES = ['owner', 'admin', 'manager', 'member'] as const satisfies readonly Role[];

export const isBuiltInRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** Built-in roles whose grants include the permission (custom roles and direct grants come on top). */
export const rolesWith = (permission: Permission): Role[] => ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(permission));

/** The permissions among `values`, in the list's order; anything else (a permission since retired) is dropped. */
export const knownPermissions = (values: Iterable<string>): Permission[] => {
  const given = new Set(values);
  return PERMISSIONS.filter((p) => given.has(p));
};

/**
 * What a member may do: their role's permissions — the custom role's when they hold one, else the built-in role's —
 * plus their direct grants. The one formula; every reader of a membership goes through it.
 */
export function permissionsOfMember(m: { role: Role; permissions: readonly string[]; customRole?: { permissions: readonly string[] } | null }): Set<Permission> {
  const set = new Set<Permission>(m.customRole ? knownPermissions(m.customRole.permissions) : ROLE_PERMISSIONS[m.role]);
  for (const p of knownPermissions(m.permissions)) set.add(p);
  return set;
}
