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
import { TableScroller } from '@/components/ui/table-scroller';
import { AUDIT_TYPE_LABELS, ORGANIZATION_AUDIT_TYPES, type AuditEventDto, type AuditType } from '@/server/domain/audit/audit-event.schema';
import { detailTitle, eventLabel, summarizeDetail } from './audit-event-text';
import { EventTime } from './event-time';
import { QueryState } from '@/components/ui/query-state';

const PAGE = 50;

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
          <TableScroller label="Security events" className={cx('transition-opacity', events.isPlaceholderData && 'opacity-60')}>
            <table className="w-full text-left text-sm">
              <thead className="border-b border-zinc-100 text-xs text-zinc-500">
                <tr>
                  <th scope="col" className="px-4 py-3 font-medium sm:hidden">Event</th>
                  <th scope="col" className="hidden px-6 py-3 font-medium sm:table-cell">Time</th>
                  <th scope="col" className="hidden px-4 py-3 font-medium sm:table-cell">Event</th>
                  <th scope="col" className="hidden px-4 py-3 font-medium sm:table-cell">Who</th>
                  <th scope="col" className="hidden px-4 py-3 font-medium whitespace-nowrap sm:table-cell">IP address</th>
                  <th scope="col" className="hidden px-6 py-3 font-medium sm:table-cell">Details</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {data.results.map((e) => (
                  <EventRow key={e.id} event={e} />
                ))}
              </tbody>
            </table>
          </TableScroller>
          <Pagination offset={offset} limit={PAGE} count={data.count} onChange={setOffset} label="Security log pages" />
        </>
      )}</QueryState>
    </Card>
  );
}

function EventRow({ event }: { event: AuditEventDto }) {
  const summary = summarizeDetail(event);
  return (
    <tr className="align-top">
      {/* On a phone one cell tells the whole event, so nothing hides off to the side. */}
      <td className="px-4 py-3 sm:hidden">
        <p className="font-medium text-zinc-900">{eventLabel(event.type)}</p>
        <div className="mt-1 text-zinc-600">
          <Actor actor={event.actor} />
        </div>
        {summary && <p className="mt-1 text-zinc-600">{summary}</p>}
        <p className="mt-1 text-xs text-zinc-500">
          <EventTime at={event.createdAt} />
          {event.ip && <span className="tabular-nums"> · {event.ip}</span>}
        </p>
      </td>
      <td className="hidden px-6 py-3 whitespace-nowrap text-zinc-600 sm:table-cell">
        <EventTime at={event.createdAt} />
      </td>
      <td className="hidden px-4 py-3 font-medium whitespace-nowrap text-zinc-900 sm:table-cell">{eventLabel(event.type)}</td>
      <td className="hidden max-w-64 px-4 py-3 sm:table-cell">
        <Actor actor={event.actor} />
      </td>
      <td className="hidden px-4 py-3 whitespace-nowrap text-zinc-600 tabular-nums sm:table-cell">{event.ip ?? <span className="text-zinc-500">—</span>}</td>
      <td className="hidden max-w-72 px-6 py-3 text-zinc-600 sm:table-cell" title={detailTitle(event)}>
        {summary ?? <span className="text-zinc-500">—</span>}
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
  return <span className="text-zinc-500">—</span>;
}
