// /{org}/leads – leads customers left, with filters in the URL and a CSV export.
import type { Metadata } from 'next';
import { LeadsList } from '@/components/leads/leads-list';

export const metadata: Metadata = { title: 'Leads' };

export default async function LeadsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return <LeadsList organizationId={org} />;
}
