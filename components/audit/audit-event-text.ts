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
      return key;
    case 'member.role_changed':
      return `${member}: ${role(d.from)} → ${role(d.to)}`;
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
  if (event.type.startsWith('member.') && text(d.email)) return String(d.email);
  return undefined;
}
