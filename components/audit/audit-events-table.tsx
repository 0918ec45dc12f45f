'use client';
// The organization's audit events as a table (time, event, who, IP, details), filtered by type, 50 to a page.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { ShieldIcon } from '@/components/shell/nav-icons';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { Select } from '@/components/ui/select';
import { AUDIT_TYPE_LABELS, ORGANIZATION_AUDIT_TYPES, type AuditEventDto, type AuditType } from '@/server/domain/audit/audit-event.schema';
import { detailTitle, eventLabel, summarizeDetail } from './audit-event-text';
import { QueryState } from '@/components/ui/query-state';

const PAGE = 50;
// The viewer's own locale and time zone: the log is read by people checking what happened when, where they are.
const SHORT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const FULL = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });

export function AuditEventsTable() {
  const trpc = useTRPC();
  const [type, setType] = useState<AuditType | ''>('');
  const [offset, setOffset] = useState(0);
  const events = useQuery(
    trpc.audit.list.queryOptions({ limit: PAGE, offset, ...(type && { types: [type] }) }, { placeholderData: (previous) => previous }),
  );
  const data = events.data;

  return (
    <Card aria-labelledby="audit-title">
      <CardHeader
        id="audit-title"
        title="Events"
        description={data ? `${data.count} ${type ? 'matching ' : ''}${data.count === 1 ? 'event' : 'events'}` : undefined}
        action={
          <Select
            aria-label="Event type"
            className="w-full sm:w-56"
            value={type}
            onChange={(e) => {
              setType(e.target.value as AuditType | '');
              setOffset(0);
            }}
          >
            <option value="">All events</option>
            {ORGANIZATION_AUDIT_TYPES.map((t) => (
              <option key={t} value={t}>
                {AUDIT_TYPE_LABELS[t]}
              </option>
            ))}
          </Select>
        }
      />
      <QueryState query={events} loadingLabel="Loading the security log" rows={6} frame="inset">{(data) => data.count === 0 ? (
        <EmptyState
          icon={<ShieldIcon />}
          title={type ? 'No events of this type' : 'No events yet'}
          description={type ? 'Nothing like this has happened in this organization. Choose “All events” to see everything.' : 'Sign-ins, API keys and membership changes will show here.'}
        />
      ) : (
        <>
          <div className={cx('overflow-x-auto transition-opacity', events.isPlaceholderData && 'opacity-60')} aria-busy={events.isPlaceholderData || undefined}>
            <table className="w-full text-left text-sm">
              <thead className="border-b border-zinc-100 text-xs text-zinc-500">
                <tr>
                  <th scope="col" className="px-6 py-3 font-medium">Time</th>
                  <th scope="col" className="px-4 py-3 font-medium">Event</th>
                  <th scope="col" className="px-4 py-3 font-medium">Who</th>
                  <th scope="col" className="px-4 py-3 font-medium whitespace-nowrap">IP address</th>
                  <th scope="col" className="px-6 py-3 font-medium">Details</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {data.results.map((e) => (
                  <EventRow key={e.id} event={e} />
                ))}
              </tbody>
            </table>
          </div>
          <Pagination offset={offset} limit={PAGE} count={data.count} onChange={setOffset} label="Security log pages" />
        </>
      )}</QueryState>
    </Card>
  );
}

function EventRow({ event }: { event: AuditEventDto }) {
  const at = new Date(event.createdAt);
  const summary = summarizeDetail(event);
  return (
    <tr className="align-top">
      <td className="px-6 py-3 whitespace-nowrap text-zinc-600">
        <time dateTime={event.createdAt} title={FULL.format(at)}>
          {SHORT.format(at)}
        </time>
      </td>
      <td className="px-4 py-3 font-medium whitespace-nowrap text-zinc-900">{eventLabel(event.type)}</td>
      <td className="max-w-64 px-4 py-3">
        <Actor actor={event.actor} />
      </td>
      <td className="px-4 py-3 whitespace-nowrap text-zinc-600 tabular-nums">{event.ip ?? <span className="text-zinc-400">—</span>}</td>
      <td className="max-w-72 px-6 py-3 text-zinc-600" title={detailTitle(event)}>
        {summary ?? <span className="text-zinc-400">—</span>}
      </td>
    </tr>
  );
}

function Actor({ actor }: { actor: AuditEventDto['actor'] }) {
  if (actor.kind === 'apiKey') {
    return (
      <div className="flex min-w-0 items-center gap-2">
        <Badge>API key</Badge>
        <span className={cx('truncate', actor.name ? 'text-zinc-900' : 'text-zinc-500')}>{actor.name ?? 'Deleted key'}</span>
      </div>
    );
  }
  if (actor.kind === 'user') {
    if (!actor.name) return <span className="text-zinc-500">Deleted user</span>;
    return (
      <div className="min-w-0">
        <p className="truncate text-zinc-900">{actor.name}</p>
        <p className="truncate text-zinc-500">{actor.email}</p>
      </div>
    );
  }
  return <span className="text-zinc-400">—</span>;
}
