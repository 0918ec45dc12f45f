// /{org}/calls – every live call, with filters in the URL and a CSV export.
import type { Metadata } from 'next';
import { CallsList } from '@/components/calls/calls-list';

export const metadata: Metadata = { title: 'Calls' };

export default async function CallsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return <CallsList organizationId={org} />;
}
