// Which cached queries an event makes stale: the page re-reads them, so open tabs follow changes without a reload.
// A slice adds its event types here.
import type { QueryKey } from '@tanstack/react-query';

type KeyOf = (path: string[]) => QueryKey;

/** tRPC query keys start with the procedure path, so a router or procedure prefix invalidates everything under it. */
export const LIVE_QUERIES: Record<string, (k: KeyOf) => QueryKey[]> = {
  'audit.recorded': (k) => [k(['audit'])],
  'organization.updated': (k) => [k(['organization', 'get']), k(['account', 'organizations']), k(['account', 'me'])],
  'member.updated': (k) => [k(['organization', 'members']), k(['users']), k(['roles']), k(['account', 'me']), k(['account', 'organizations']), k(['organization', 'get']), k(['statistics'])],
  // A custom role created, changed or deleted: the matrix, role menus and whoever holds it (their own permissions).
  'role.updated': (k) => [k(['roles']), k(['users']), k(['organization', 'members']), k(['organization', 'get'])],
  'email.updated': (k) => [k(['operations'])],
  // Live calls: lists, counts and the open call page follow every change; the dealer console reacts on its own too.
  'call.requested': (k) => [k(['calls']), k(['statistics'])],
  'call.updated': (k) => [k(['calls']), k(['dealers']), k(['leads']), k(['statistics'])],
  // A call's chat (subject call:<id>) or a conversation's (subject conversation:<id>): its messages, lists and unread counts.
  'message.created': (k) => [k(['calls', 'messages']), k(['conversations'])],
  // A practice session recorded, transcribed, re-scored or deleted: team dashboards, session lists and counts follow.
  'session.recorded': (k) => [k(['teams']), k(['sessions']), k(['statistics']), k(['account', 'me']), k(['calls', 'get'])],
  // A recorded call's session is shown on its call page too.
  'session.updated': (k) => [k(['teams']), k(['sessions']), k(['statistics']), k(['account', 'me']), k(['calls', 'get'])],
  'session.deleted': (k) => [k(['teams']), k(['sessions']), k(['statistics']), k(['account', 'me'])],
  // A CSV import moved on: its progress bar, the group's counts and lists, the dashboard's numbers.
  'import.progress': (k) => [k(['contacts']), k(['statistics'])],
  // A campaign started, stopped, completed or moved on (at most once a second while it sends): its list, page, chart
  // and report, and the dashboard's campaign counts.
  'campaign.progress': (k) => [k(['campaigns']), k(['statistics'])],
  // A transmission sent, delivered, failed, deferred, scheduled or received (its page, the lists, the inbox, counts).
  'transmission.updated': (k) => [k(['transmissions']), k(['statistics'])],
  'member.removed': (k) => [k(['organization', 'members']), k(['users']), k(['roles']), k(['account', 'me']), k(['account', 'organizations']), k(['statistics'])],
};
