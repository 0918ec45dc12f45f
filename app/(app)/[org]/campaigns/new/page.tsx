// /{org}/campaigns/new – the create wizard: program and group, pace, when.
import type { Metadata } from 'next';
import { CampaignWizard } from '@/components/campaigns/campaign-wizard';

export const metadata: Metadata = { title: 'New campaign' };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return <CampaignWizard organizationId={org} />;
}
