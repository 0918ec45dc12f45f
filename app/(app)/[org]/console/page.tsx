// /{org}/console – the dealer's desk: presence, incoming calls live, the call room with video and chat.
import type { Metadata } from 'next';
import { DealerConsole } from '@/components/console/dealer-console';

export const metadata: Metadata = { title: 'Console' };

export default async function ConsolePage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return <DealerConsole organizationId={org} />;
}
