// /{org}/customers – the organization's external users: send them links, chat, end their access.
import type { Metadata } from 'next';
import { CustomersPage } from '@/components/chat/customers-page';

export const metadata: Metadata = { title: 'Customers' };

export default async function Customers({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return <CustomersPage organizationId={org} />;
}
