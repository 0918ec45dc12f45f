// Shapes of security-log events: the event types with their labels, the list input and the event DTO.
import { z } from 'zod';
import '../shared/zod-messages';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../shared/list';

export const AUDIT_TYPES = [
  'user.registered',
  'login.succeeded',
  'login.failed',
  'login.locked_out',
  'password.changed',
  'password.reset_requested',
  'password.reset',
  'refresh_token.reused',
  'api_key.created',
  'api_key.revoked',
  'api_key.scopes_reduced',
  'user.created',
  'user.updated',
  'user.password_set',
  'member.role_changed',
  'member.permission_granted',
  'member.permission_revoked',
  'member.removed',
  'role.created',
  'role.updated',
  'role.deleted',
  'organization.created',
  'organization.deleted',
  'session.deleted',
  'session.transcript_replaced',
  'session.transcription_retried',
] as const;

export type AuditType = (typeof AUDIT_TYPES)[number];

export const AUDIT_TYPE_LABELS: Record<AuditType, string> = {
  'user.registered': 'Account created',
  'login.succeeded': 'Signed in',
  'login.failed': 'Sign-in failed',
  'login.locked_out': 'Sign-in locked after too many attempts',
  'password.changed': 'Password changed',
  'password.reset_requested': 'Password reset requested',
  'password.reset': 'Password reset by email link',
  'refresh_token.reused': 'Stolen session token refused',
  'api_key.created': 'API key created',
  'api_key.revoked': 'API key revoked',
  'api_key.scopes_reduced': 'API key scopes reduced with its creator’s',
  'user.created': 'User added',
  'user.updated': 'User details changed',
  'user.password_set': 'Password set by an administrator',
  'member.role_changed': 'Member role changed',
  'member.permission_granted': 'Permission granted',
  'member.permission_revoked': 'Permission revoked',
  'member.removed': 'Member removed',
  'role.created': 'Role created',
  'role.updated': 'Role changed',
  'role.deleted': 'Role deleted',
  'organization.created': 'Organization created',
  'organization.deleted': 'Organization deleted',
  'session.deleted': 'Someone else’s session deleted',
  'session.transcript_replaced': 'Someone else’s transcript replaced',
  'session.transcription_retried': 'Someone else’s session re-transcribed',
};

/**
 * The types an organization's log can hold. The others are recorded without an organization (a deleted
 * organization's events go with it; a failed sign-in for an unknown login names no tenant — one for a member is
 * recorded in each of their organizations), so offering them as a filter would only mislead.
 */
export const ORGANIZATION_AUDIT_TYPES = [
  'login.succeeded',
  'login.failed',
  'login.locked_out',
  'session.deleted',
  'session.transcript_replaced',
  'session.transcription_retried',
  'api_key.created',
  'api_key.revoked',
  'api_key.scopes_reduced',
  'user.created',
  'user.updated',
  'user.password_set',
  'member.role_changed',
  'member.permission_granted',
  'member.permission_revoked',
  'member.removed',
  'role.created',
  'role.updated',
  'role.deleted',
  'organization.created',
] as const satisfies readonly AuditType[];

export const auditTypeEnum = z.enum(AUDIT_TYPES).meta({ id: 'AuditEventType' });

export const listAuditEventsInput = z
  .object({
    limit: z.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
    offset: z.number().int().min(0).default(0),
    types: z.array(auditTypeEnum).max(AUDIT_TYPES.length).optional(),
  })
  .strict();

export const auditEventDto = z
  .object({
    id: z.uuid(),
    type: z.string().meta({ description: 'One of the audit event types; older rows may hold a type since retired' }),
    createdAt: z.iso.datetime(),
    ip: z.string().nullable(),
    actor: z.object({
      kind: z.enum(['user', 'apiKey', 'externalUser']).nullable().meta({ description: 'externalUser: a customer (an access link or an app installation)' }),
      id: z.uuid().nullable(),
      name: z.string().nullable().meta({ description: "The user's full name or the API key's name; null once deleted" }),
      email: z.string().nullable().meta({ description: "The user's email; null for an API key and an external user" }),
    }),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEvent' });

export type AuditEventDto = z.infer<typeof auditEventDto>;
