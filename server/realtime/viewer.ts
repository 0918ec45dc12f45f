// The viewer of a member's stream, from the request context (user or API key).
import type { OrgCtx } from '../context';
import type { Viewer } from './event';

export const viewerOf = (ctx: OrgCtx): Viewer => ({
  organizationId: ctx.organizationId,
  userId: ctx.actor.kind === 'user' ? ctx.actor.id : null,
  permissions: ctx.permissions,
});
