'use client';
// The conversations inbox: the caller's conversations, the most recently active first, each with its last message and
// an unread badge; live (message.created refreshes it, live-queries.ts). On the shared data table.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo } from 'react';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { useTableUrlState } from '@/components/data-table/use-table-url-state';
import { useTRPC } from '@/components/providers/trpc';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import type { ConversationDto } from '@/server/domain/conversations/conversation.schema';
import { conversationTitle } from './conversation-thread';

const WHEN = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

export function ConversationsInbox({ organizationId, me, onStart }: { organizationId: string; me: string; onStart?: () => void }) {
  const trpc = useTRPC();
  const url = useTableUrlState({ defaultOrdering: '', limit: 25 });
  const list = useQuery(trpc.conversations.list.queryOptions({ limit: url.limit, offset: url.offset }, { placeholderData: (prev) => prev }));
  const columns = useMemo<DataTableColumn<ConversationDto>[]>(
    () => [
      {
        id: 'conversation',
        header: 'Conversation',
        enableSorting: false,
        meta: { primary: true },
        cell: ({ row }) => {
          const c = row.original;
          const last = c.lastMessage;
          return (
            <Link href={`/${organizationId}/conversations/${c.id}`} className="block min-w-0 rounded-sm">
              <span className="flex items-center gap-2">
                <span className={c.unread ? 'font-semibold text-zinc-900' : 'font-medium text-zinc-900'}>{conversationTitle(c, me)}</span>
                {c.type === 'group' && <Badge>Group</Badge>}
                {c.participants.some((p) => p.external) && <Badge tone="accent">Customer</Badge>}
                {c.unread > 0 && (
                  <Badge tone="danger" className="ml-auto">
                    {c.unread} unread
                  </Badge>
                )}
              </span>
              <span className="mt-0.5 block truncate text-sm text-zinc-500">
                {last ? `${last.senderId === me ? 'You: ' : ''}${last.message}` : 'No messages yet'}
              </span>
            </Link>
          );
        },
      },
      {
        id: 'lastMessageAt',
        header: 'Last message',
        enableSorting: false,
        meta: { priority: 'low' },
        cell: ({ row }) => {
          const at = row.original.lastMessage?.createdAt;
          return at ? <time dateTime={at} className="text-sm whitespace-nowrap text-zinc-500">{WHEN.format(new Date(at))}</time> : <span className="text-sm text-zinc-500">—</span>;
        },
      },
    ],
    [organizationId, me],
  );
  return (
    <DataTable
      label="Conversations"
      columns={columns}
      query={list}
      rows={list.data?.results}
      count={list.data?.count}
      getRowId={(c) => c.id}
      url={url}
      loadingLabel="Loading conversations"
      empty={
        <EmptyState
          title="No conversations yet"
          description="When a customer opens a link you sent them, or a colleague writes to you, the conversation shows here."
          action={onStart && <Button onClick={onStart}>Start a conversation</Button>}
        />
      }
      rowClassName={(c) => (c.unread ? 'bg-accent-50/40' : undefined)}
    />
  );
}
