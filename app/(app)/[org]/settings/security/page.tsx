// /{org}/settings/security – the organization's security log: sign-ins, API keys and membership changes.
import type { Metadata } from 'next';
import { SecurityLog } from '@/components/audit/security-log';

export const metadata: Metadata = { title: 'Security log' };

export default function SecurityLogPage() {
  return <SecurityLog />;
}
