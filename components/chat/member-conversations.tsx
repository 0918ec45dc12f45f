'use client';
// The members' side of the chat: the inbox and one conversation, framed like the app's other pages.
import { useQuery } from '@tanstack/react-query';
import { useLayoutEffect, useRef, useState } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { QueryError } from '@/components/ui/query-error';
import { SkeletonRows } from '@/components/ui/skeleton';
import { ConversationThread, conversationTitle } from './conversation-thread';
import { ConversationsInbox } from './conversations-inbox';
import { NewConversationDialog } from './new-conversation-dialog';
import { ParticipantsButton } from './participants-dialog';
import { SendLinkDialog } from './send-link-dialog';

export function MemberConversations({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const me = useQuery(trpc.conversations.me.queryOptions());
  const { can } = useOrganizationAccess();
  const [dialog, setDialog] = useState<'new' | 'link' | null>(null);
  const canSendLinks = can('externalUsers:manage');
  return (
    <>
      <PageHeader
        eyebrow="Live calls"
        title="Conversations"
        description="Chats with customers who reached you by a link or the app, and with colleagues. New messages arrive live."
        action={
          <div className="flex flex-wrap gap-2">
            {canSendLinks && (
              <Button variant="secondary" onClick={() => setDialog('link')}>
                Send a link
              </Button>
            )}
            <Button onClick={() => setDialog('new')}>New conversation</Button>
          </div>
        }
      />
      <Card>
        {me.data ? (
          <ConversationsInbox organizationId={organizationId} me={me.data.userId} onStart={() => setDialog('new')} />
        ) : me.isError ? (
          <div className="p-6">
            <QueryError error={me.error} onRetry={() => void me.refetch()} />
          </div>
        ) : (
          <div className="p-6">
            <SkeletonRows label="Loading conversations" />
          </div>
        )}
      </Card>
      <NewConversationDialog organizationId={organizationId} open={dialog === 'new'} onClose={() => setDialog(null)} />
      {canSendLinks && <SendLinkDialog organizationId={organizationId} open={dialog === 'link'} onClose={() => setDialog(null)} />}
    </>
  );
}

/**
 * Sizes the conversation's card to end at the bottom of the screen (less the page's own bottom padding), however tall
 * the header above it is (a long title or the People button wrapping on a phone): the page never scrolls, the
 * messages do. Follows resizes and the phone's toolbar coming and going.
 */
function useFillScreen<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      const main = el.closest('main');
      const bottom = main ? parseFloat(getComputedStyle(main).paddingBottom) || 0 : 0;
      const top = el.getBoundingClientRect().top + window.scrollY;
      el.style.height = `${Math.max(320, Math.floor(window.innerHeight - top - bottom))}px`;
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(document.documentElement);
    if (el.parentElement) observer.observe(el.parentElement);
    window.addEventListener('resize', fit);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', fit);
    };
  }, []);
  return ref;
}

export function MemberConversation({ organizationId, conversationId }: { organizationId: string; conversationId: string }) {
  const trpc = useTRPC();
  const me = useQuery(trpc.conversations.me.queryOptions());
  const conversation = useQuery(trpc.conversations.get.queryOptions({ id: conversationId }));
  const title = conversation.data && me.data ? conversationTitle(conversation.data, me.data.userId) : 'Conversation';
  const card = useFillScreen<HTMLDivElement>();
  return (
    <>
      <PageHeader
        title={title}
        description={conversation.data ? `${conversation.data.participants.length} participants${conversation.data.participants.some((p) => p.external) ? ' · with a customer' : ''}` : undefined}
        breadcrumbs={[{ href: `/${organizationId}/conversations`, label: 'Conversations' }, { label: title }]}
        action={conversation.data && me.data ? <ParticipantsButton conversation={conversation.data} me={me.data.userId} /> : undefined}
      />
      {conversation.isError ? (
        <QueryError error={conversation.error} onRetry={() => void conversation.refetch()} title="Could not open this conversation" />
      ) : (
        <div ref={card} className="h-[calc(100dvh-18rem)]">
          <Card className="h-full overflow-hidden">
            {me.data ? <ConversationThread conversationId={conversationId} me={me.data.userId} className="h-full bg-zinc-50" /> : <div className="p-6"><SkeletonRows label="Loading messages" /></div>}
          </Card>
        </div>
      )}
    </>
  );
}
