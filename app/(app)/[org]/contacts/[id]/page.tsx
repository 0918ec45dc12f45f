// /{org}/contacts/{id} – one contact: its fields and its groups.
import type { Metadata } from 'next';
import { ContactPage } from '@/components/contacts/contact-page';

export const metadata: Metadata = { title: 'Contact' };

export default async function Page({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  return <ContactPage organizationId={org} contactId={id} />;
}
