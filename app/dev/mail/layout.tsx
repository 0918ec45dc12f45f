// /dev/mail – the development mailbox's frame, with the banner that says whether mail is being delivered.
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { DevFrame } from '@/components/dev/dev-frame';
import { mailboxMode } from '@/server/mail/settings';

export const metadata: Metadata = { title: 'Development mailbox', robots: { index: false } };

const code = 'rounded bg-amber-100 px-1';

export default function DevMailLayout({ children }: { children: ReactNode }) {
  return (
    <DevFrame
      current="mail"
      banner={
        mailboxMode() ? (
          <>
            <strong>Mail is not configured.</strong> Nothing is delivered: every email is kept here instead, readable only from this machine. Set{' '}
            <code className={code}>SMTP_URL</code> (and <code className={code}>MAIL_FROM</code>) to send real mail. Emails sent through a built-in sink provider land here
            too.
          </>
        ) : (
          <>
            <strong>Mail is configured</strong> (<code className={code}>SMTP_URL</code>): the app&apos;s emails were sent, and are shown here because{' '}
            <code className={code}>DEV_PAGES=true</code>. Emails sent through a built-in sink provider were not sent anywhere: they are only here.
          </>
        )
      }
    >
      {children}
    </DevFrame>
  );
}
