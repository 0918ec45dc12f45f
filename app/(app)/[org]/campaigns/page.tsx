// /{org}/campaigns – every campaign with its status and progress; a new one from the wizard.
import type { Metadata } from 'next';
import { CampaignsPage } from '@/components/campaigns/campaigns-page';

export const metadata: Metadata = { title: 'Campaigns' };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return <CampaignsPage organizationId={org} />;
}
