'use client';
// App-wide providers: the next-auth session, a tRPC client without an organization (sign-up, onboarding), toasts,
// the unsaved-changes guard and the offline banner.
import { SessionProvider } from 'next-auth/react';
import type { ReactNode } from 'react';
import { UnsavedChangesGuard } from '@/components/forms/unsaved-changes';
import { OfflineNotice } from '@/components/ui/offline-notice';
import { ToastProvider } from '@/components/ui/toast';
import { TRPCReactProvider } from './trpc-react-provider';

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <SessionProvider>
      <TRPCReactProvider organizationId={null}>
        <ToastProvider>
          <UnsavedChangesGuard>
            <OfflineNotice />
            {children}
          </UnsavedChangesGuard>
        </ToastProvider>
      </TRPCReactProvider>
    </SessionProvider>
  );
}
