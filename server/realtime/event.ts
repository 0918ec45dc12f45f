// The shape of a realtime event and who may see it.
export type RealtimeAudience = {
  /** Only callers holding this permission see it (null: every member of the organization). */
  permission?: string | null;
  /** A personal event: only this user sees it. */
  userId?: string | null;
  /** What it is about (e.g. `call:<id>`), so a narrower stream such as one customer's call can select it. */
  subject?: string | null;
};

export type RealtimeEvent = {
  /** Increasing within an organization, in commit order; the SSE `id:` and the replay cursor. */
  id: string;
  organizationId: string;
  type: string;
  payload: unknown;
  createdAt: string;
} & Required<{ [K in keyof RealtimeAudience]: string | null }>;

/** Who is listening: a member (user or API key) with permissions, or an outsider following one subject. */
export type Viewer = {
  organizationId: string;
  userId: string | null;
  permissions: ReadonlySet<string>;
  /** Set for a narrower stream: only events about this subject. */
  subject?: string;
  /**
   * The read rule of the events' subjects, decided by the domain (event-read-rule.ts): asked for each event that
   * passed `canSee`, just before it is sent, with the viewer's access as it stands then.
   */
  mayRead?: (event: RealtimeEvent) => boolean | Promise<boolean>;
};

/** SECURITY: the one visibility rule for every stream (REST SSE, tRPC subscriptions, scoped streams). */
export function canSee(viewer: Viewer, event: RealtimeEvent): boolean {
  if (event.organizationId !== viewer.organizationId) return false;
  if (viewer.subject !== undefined && event.subject !== viewer.subject) return false;
  if (event.permission && !viewer.permissions.has(event.permission)) return false;
  if (event.userId && event.userId !== viewer.userId) return false;
  return true;
}
