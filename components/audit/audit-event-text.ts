// Puts a security-log event into words: its label ("API key created") and a one-line summary of its detail.
import { PERMISSIONS } from '@/server/auth/permissions';
import { ROLE_NAMES } from '@/components/shell/role-names';
import { AUDIT_TYPE_LABELS, type AuditEventDto, type AuditType } from '@/server/domain/audit/audit-event.schema';

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const role = (v: unknown) => ROLE_NAMES[String(v) as keyof typeof ROLE_NAMES] ?? text(v) ?? '?';

/** The event's label; a type this build does not know (recorded by a newer one) shows as stored. */
export const eventLabel = (type: string) => AUDIT_TYPE_LABELS[type as AuditType] ?? type;

/** What the event was about, in a few words; null when the label says it all. */
export function summarizeDetail(event: Pick<AuditEventDto, 'type' | 'detail'>): string | null {
  const d = event.detail;
  // Older events may lack a name; the member's email or the key's id still identify them.
  const key = text(d.name) ? `“${text(d.name)}”` : text(d.apiKeyId) ? `Key ${String(d.apiKeyId).slice(0, 8)}` : null;
  const member = text(d.name) ?? text(d.email) ?? 'A member';
  switch (event.type) {
    case 'api_key.created': {
      const scopes = Array.isArray(d.scopes) ? d.scopes.length : null;
      const scopeText = scopes === null ? null : scopes >= PERMISSIONS.length ? 'all scopes' : `${scopes} ${scopes === 1 ? 'scope' : 'scopes'}`;
      return [key, scopeText].filter(Boolean).join(' · ') || null;
    }
    case 'api_key.revoked':
      return [key, text(d.reason)].filter(Boolean).join(' · ') || null;
    case 'api_key.scopes_reduced':
      return [key, Array.isArray(d.lost) ? `lost ${d.lost.join(', ')}` : null].filter(Boolean).join(' · ') || null;
    case 'member.role_changed':
      return `${member}: ${role(d.from)} → ${role(d.to)}${text(d.reason) ? ` (${text(d.reason)})` : ''}`;
    case 'member.permission_granted':
      return `${member}: + ${text(d.permission) ?? '?'}`;
    case 'member.permission_revoked':
      return `${member}: − ${text(d.permission) ?? '?'}`;
    case 'user.created': {
      const to = (d.to ?? {}) as Record<string, unknown>;
      return `${member} as ${role(to.role).toLowerCase()}${to.status === 'invited' ? ', invited by email' : ''}`;
    }
    case 'user.updated':
      return `${member}: ${Object.keys((d.to ?? {}) as object).join(', ') || 'details'}`;
    case 'user.password_set':
      return member;
    case 'role.created':
    case 'role.updated':
    case 'role.deleted': {
      const after = (d.to ?? d.from ?? {}) as { permissions?: unknown };
      const count = Array.isArray(after.permissions) ? `${after.permissions.length} ${after.permissions.length === 1 ? 'permission' : 'permissions'}` : null;
      const holders = event.type === 'role.deleted' && Array.isArray(d.holders) && d.holders.length ? `${d.holders.length} now ${d.holders.length === 1 ? 'a member' : 'members'}` : null;
      return [text(d.name) ? `“${text(d.name)}”` : null, event.type === 'role.deleted' ? holders : count].filter(Boolean).join(' · ') || null;
    }
    case 'member.removed':
      return d.left === true ? `${member} left (${role(d.role).toLowerCase()})` : `${member} (${role(d.role).toLowerCase()})`;
    case 'login.failed':
      return text(d.login);
    case 'login.locked_out':
      return [text(d.login), typeof d.minutes === 'number' ? `for ${d.minutes} min` : null].filter(Boolean).join(' ') || null;
    case 'session.deleted':
    case 'session.transcript_replaced':
    case 'session.transcription_retried':
      return [text(d.name), text(d.module)].filter(Boolean).join(' · ') || null;
    default:
      return null;
  }
}

/** The full detail for a tooltip, e.g. every scope of a new key. */
export function detailTitle(event: Pick<AuditEventDto, 'type' | 'detail'>): string | undefined {
  const d = event.detail;
  if (event.type === 'api_key.created' && Array.isArray(d.scopes)) return d.scopes.join(', ');
  if (event.type.startsWith('role.')) {
    const after = (d.to ?? d.from ?? {}) as { permissions?: unknown };
    if (Array.isArray(after.permissions)) return after.permissions.join(', ');
  }
  if ((event.type.startsWith('member.') || event.type.startsWith('user.')) && text(d.email)) return String(d.email);
  return undefined;
}
