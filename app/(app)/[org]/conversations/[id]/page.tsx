// /{org}/conversations/{id} – one conversation, live.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { MemberConversation } from '@/components/chat/member-conversations';
import { isUuid } from '@/server/domain/shared/ids';

export const metadata: Metadata = { title: 'Conversation' };

export default async function ConversationPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  if (!isUuid(id)) notFound();
  return <MemberConversation organizationId={org} conversationId={id} />;
}
