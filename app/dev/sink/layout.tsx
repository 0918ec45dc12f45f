// /dev/sink – the message sink's frame, with the banner that says its messages were kept, not sent.
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { DevFrame } from '@/components/dev/dev-frame';

export const metadata: Metadata = { title: 'Message sink', robots: { index: false } };

export default function DevSinkLayout({ children }: { children: ReactNode }) {
  return (
    <DevFrame
      current="sink"
      banner={
        <>
          <strong>Nothing here was delivered.</strong> A provider of type <em>sink</em> (Settings → Providers) is built in: it keeps every text message, call and fax
          it is given here, and each email in the mailbox, instead of sending them. Readable only from this machine, and only while mail is not configured (SMTP_URL
          unset) unless DEV_PAGES=true.
        </>
      }
    >
      {children}
    </DevFrame>
  );
}
