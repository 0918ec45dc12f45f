// The root document: global styles, metadata and the app-wide providers (session, tRPC, toasts).
import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { AppProviders } from '@/components/providers/app-providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Pitchcraft', template: '%s · Pitchcraft' },
  description: 'Sales coaching, live calls and outbound campaigns for your whole organization.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page gets the nonce of its request's Content-Security-Policy (proxy.ts); a prerendered page could not.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">
        <AppProviders>{children}</AppProviders>
      </body>
    </html>
  );
}
