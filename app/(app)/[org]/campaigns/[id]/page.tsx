// /{org}/campaigns/{id} – one campaign: live progress, counts, sends per minute, start/stop/schedule.
import type { Metadata } from 'next';
import { CampaignPage } from '@/components/campaigns/campaign-page';

export const metadata: Metadata = { title: 'Campaign' };

export default async function Page({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  return <CampaignPage organizationId={org} id={id} />;
}
