// /{org}/conversations – the member's conversations inbox, beside the calls.
import type { Metadata } from 'next';
import { MemberConversations } from '@/components/chat/member-conversations';

export const metadata: Metadata = { title: 'Conversations' };

export default async function ConversationsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return <MemberConversations organizationId={org} />;
}
