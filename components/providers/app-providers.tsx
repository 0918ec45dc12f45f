'use client';
// App-wide providers: the next-auth session, a tRPC client without an organization (sign-up, onboarding) and toasts.
import { SessionProvider } from 'next-auth/react';
import type { ReactNode } from 'react';
import { ToastProvider } from '@/components/ui/toast';
import { TRPCReactProvider } from './trpc-react-provider';

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <SessionProvider>
      <TRPCReactProvider organizationId={null}>
        <ToastProvider>{children}</ToastProvider>
      </TRPCReactProvider>
    </SessionProvider>
  );
}
