// /{org}/settings/email – the organization's email log.
import type { Metadata } from 'next';
import { EmailLog } from '@/components/operations/email-log';

export const metadata: Metadata = { title: 'Email log' };

export default function EmailLogPage() {
  return <EmailLog />;
}
