// /{org}/messages/templates/{id} – an email template's editor with its live preview and attachment ('new' creates one).
import type { Metadata } from 'next';
import { TemplateEditorPage } from '@/components/library/template-editor';

export const metadata: Metadata = { title: 'Email template' };

export default async function Page({ params }: { params: Promise<{ org: string; id: string }> }) {
  const { org, id } = await params;
  return <TemplateEditorPage organizationId={org} templateId={id} />;
}
