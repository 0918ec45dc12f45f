// /{org}/contacts – every contact: search, group filter, bulk add to group and delete, a new contact in place.
import type { Metadata } from 'next';
import { ContactsList } from '@/components/contacts/contacts-list';

export const metadata: Metadata = { title: 'Contacts' };

export default async function ContactsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return <ContactsList organizationId={org} />;
}
