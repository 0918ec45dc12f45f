// /{org}/messages/templates – the message library: email templates.
import type { Metadata } from 'next';
import { LibraryPage } from '@/components/library/library-page';

export const metadata: Metadata = { title: 'Email templates' };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return <LibraryPage organizationId={org} tab="templates" />;
}
