// /{org}/messages/texts/{id} – an SMS text's editor with its live segment counter ('new' creates one).
import type { Metadata } from 'next';
import { TextEditorPage } from '@/components/library/text-editor';

export const metadata: Metadata = { title: 'SMS text' };

export default async function Page({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  return <TextEditorPage organizationId={org} textId={id} />;
}
