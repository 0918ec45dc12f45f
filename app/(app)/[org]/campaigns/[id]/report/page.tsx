// /{org}/campaigns/{id}/report – the delivery report: transmissions with their attempts, filterable, as CSV.
import type { Metadata } from 'next';
import { DeliveryReport } from '@/components/campaigns/delivery-report';

export const metadata: Metadata = { title: 'Delivery report' };

export default async function Page({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  return <DeliveryReport organizationId={org} id={id} />;
}
