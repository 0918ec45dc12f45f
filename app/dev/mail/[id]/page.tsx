// /dev/mail/{id} – one kept email: its headers, the HTML part in a sandboxed frame and the plain-text part.
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { DateText } from '@/components/ui/date-text';
import { clientIp } from '@/server/client-ip';
import { readDevMail } from '@/server/domain/mail/dev-mailbox';

export default async function DevMailPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  const m = await readDevMail({ peer: clientIp(await headers()), id }).catch(() => notFound());
  return (
    <article className="space-y-6">
      <Link href="/dev/mail" className="text-sm font-medium text-accent-700 hover:text-accent-800">
        ← All mail
      </Link>
      <header className="space-y-2 rounded-xl border border-zinc-200 bg-white p-5">
        <h1 className="text-xl font-semibold text-zinc-900">{m.subject}</h1>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-zinc-600">From</dt>
          <dd className="min-w-0 wrap-anywhere text-zinc-900">{m.from}</dd>
          <dt className="text-zinc-600">To</dt>
          <dd className="min-w-0 wrap-anywhere text-zinc-900">{m.to}</dd>
          <dt className="text-zinc-600">Date</dt>
          <dd className="text-zinc-900">
            <DateText value={m.createdAt.toISOString()} />
          </dd>
          {m.sink && (
            <>
              <dt className="text-zinc-600">Kept by</dt>
              <dd className="min-w-0 wrap-anywhere text-zinc-900">
                the sink provider “{m.sink.provider ?? 'deleted'}” (<Link href="/dev/sink?service=email" className="text-accent-700 underline hover:text-accent-800">message sink</Link>)
              </dd>
              {m.sink.attachments.length > 0 && (
                <>
                  <dt className="text-zinc-600">Attached</dt>
                  <dd className="min-w-0 wrap-anywhere text-zinc-900">{m.sink.attachments.map((a) => `${a.filename} (${a.contentType}, ${a.size} bytes)`).join(', ')} — not kept</dd>
                </>
              )}
            </>
          )}
        </dl>
      </header>
      <section aria-labelledby="html-part" className="space-y-2">
        <h2 id="html-part" className="text-sm font-semibold text-zinc-700">
          HTML
        </h2>
        {/* sandbox without allow-scripts: the message's HTML renders, nothing in it runs. */}
        <iframe title="The email as HTML" sandbox="" srcDoc={m.html} className="h-[32rem] w-full rounded-xl border border-zinc-200 bg-white" />
      </section>
      <section aria-labelledby="text-part" className="space-y-2">
        <h2 id="text-part" className="text-sm font-semibold text-zinc-700">
          Plain text
        </h2>
        <pre className="rounded-xl border border-zinc-200 bg-white p-5 text-sm wrap-anywhere whitespace-pre-wrap text-zinc-800">{m.text}</pre>
      </section>
    </article>
  );
}
