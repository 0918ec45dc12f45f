'use client';
// The members' side of the chat: the inbox and one conversation, framed like the app's other pages.
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/providers/trpc';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { QueryError } from '@/components/ui/query-error';
import { SkeletonRows } from '@/components/ui/skeleton';
import { ConversationThread, conversationTitle } from './conversation-thread';
import { ConversationsInbox } from './conversations-inbox';

export function MemberConversations({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const me = useQuery(trpc.conversations.me.queryOptions());
  return (
    <>
      <PageHeader eyebrow="Live calls" title="Conversations" description="Chats with customers who reached you by a link or the app, and with colleagues. New messages arrive live." />
      <Card>{me.data ? <ConversationsInbox organizationId={organizationId} me={me.data.userId} /> : me.isError ? <div className="p-6"><QueryError error={me.error} onRetry={() => void me.refetch()} /></div> : <div className="p-6"><SkeletonRows label="Loading conversations" /></div>}</Card>
    </>
  );
}

export function MemberConversation({ organizationId, conversationId }: { organizationId: string; conversationId: string }) {
  const trpc = useTRPC();
  const me = useQuery(trpc.conversations.me.queryOptions());
  const conversation = useQuery(trpc.conversations.get.queryOptions({ id: conversationId }));
  const title = conversation.data && me.data ? conversationTitle(conversation.data, me.data.userId) : 'Conversation';
  return (
    <>
      <PageHeader
        title={title}
        description={conversation.data ? `${conversation.data.participants.length} participants${conversation.data.participants.some((p) => p.external) ? ' · with a customer' : ''}` : undefined}
        breadcrumbs={[{ href: `/${organizationId}/conversations`, label: 'Conversations' }, { label: title }]}
      />
      {conversation.isError ? (
        <QueryError error={conversation.error} onRetry={() => void conversation.refetch()} title="Could not open this conversation" />
      ) : (
        <Card className="overflow-hidden">
          {me.data ? <ConversationThread conversationId={conversationId} me={me.data.userId} className="h-[calc(100dvh-16rem)] min-h-96 bg-zinc-50" /> : <div className="p-6"><SkeletonRows label="Loading messages" /></div>}
        </Card>
      )}
    </>
  );
}
