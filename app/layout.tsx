// The root document: global styles, metadata and the app-wide providers (session, tRPC, toasts).
import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { AppProviders } from '@/components/providers/app-providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Pitchcraft', template: '%s · Pitchcraft' },
  description: 'Sales coaching, live calls and outbound campaigns for your whole organization.',
  // Files in public/ (drawn by scripts/render-icons.ts), served as they are, signed in or not.
  icons: {
    icon: [
      { url: '/favicon.ico', sizes: '48x48' },
      { url: '/icon.svg', type: 'image/svg+xml' },
    ],
    apple: '/apple-touch-icon.png',
  },
  manifest: '/site.webmanifest',
};

export const viewport: Viewport = { themeColor: '#4f39f6' };

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
