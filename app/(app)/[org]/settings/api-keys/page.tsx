// /{org}/settings/api-keys – create, list and revoke the organization's API keys.
import type { Metadata } from 'next';
import { ApiKeysSettings } from '@/components/api-keys/api-keys-settings';

export const metadata: Metadata = { title: 'API keys' };

export default function ApiKeysPage() {
  return <ApiKeysSettings />;
}
