// /{org}/transmissions/inbox – SMS and email received through the providers' webhooks.
import type { Metadata } from 'next';
import { InboxPage } from '@/components/transmissions/inbox-page';

export const metadata: Metadata = { title: 'Inbox' };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return <InboxPage organizationId={org} />;
}
