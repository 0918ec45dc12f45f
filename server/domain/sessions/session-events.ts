// Tells open tabs that a practice session appeared or changed (a manager's dashboard follows its team live). The
// event carries ids only: each tab re-reads through its own visibility rules. Its subject is the session, and a
// member's stream delivers it only to those who may see that person's sessions (session.scope.ts, as REST does).
import type { Tx } from '../../db';
import { publishEvent } from '../../realtime/publish-event';

export const sessionSubject = (sessionId: string) => `session:${sessionId}`;

export type SessionEventType = 'session.recorded' | 'session.updated' | 'session.deleted';

export function publishSessionEvent(tx: Tx, e: { organizationId: string; type: SessionEventType; sessionId: string; userId: string; status?: string }) {
  return publishEvent(tx, {
    organizationId: e.organizationId,
    type: e.type,
    payload: { sessionId: e.sessionId, userId: e.userId, ...(e.status && { status: e.status }) },
    audience: { permission: 'sessions:read', subject: sessionSubject(e.sessionId) },
  });
}
