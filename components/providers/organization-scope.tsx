'use client';
// Everything under /{org} talks to the server as that organization, through its own tRPC client and cache.
import type { ReactNode } from 'react';
import { RealtimeProvider } from '@/components/realtime/realtime-provider';
import { TRPCReactProvider } from './trpc-react-provider';

export function OrganizationScope({ organizationId, children }: { organizationId: string; children: ReactNode }) {
  return (
    <TRPCReactProvider key={organizationId} organizationId={organizationId}>
      <RealtimeProvider>{children}</RealtimeProvider>
    </TRPCReactProvider>
  );
}
