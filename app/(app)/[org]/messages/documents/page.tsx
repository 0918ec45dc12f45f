// /{org}/messages/documents – the message library: fax documents.
import type { Metadata } from 'next';
import { LibraryPage } from '@/components/library/library-page';

export const metadata: Metadata = { title: 'Fax documents' };

export default async function Page({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  return <LibraryPage organizationId={org} tab="documents" />;
}
