// /{org}/calls/{id} – one call: summary, events, chat and the dealer's note.
import type { Metadata } from 'next';
import { CallDetail } from '@/components/calls/call-detail';

export const metadata: Metadata = { title: 'Call' };

export default async function CallPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  return <CallDetail organizationId={org} callId={id} />;
}
