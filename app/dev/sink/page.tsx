// /dev/sink – what the built-in sink providers kept instead of sending, newest first, every organization's (loopback
// visitors only, while mail is not configured: anyone else gets the 404 page).
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { EventTime } from '@/components/audit/event-time';
import { Badge } from '@/components/ui/badge';
import { cx } from '@/components/ui/cx';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { clientIp } from '@/server/client-ip';
import { listDevSink, SINK_PAGE_SIZE } from '@/server/domain/providers/sink-messages';

const SERVICES = [
  { key: null, label: 'All' },
  { key: 'sms', label: 'SMS' },
  { key: 'email', label: 'Email' },
  { key: 'voice', label: 'Voice' },
  { key: 'fax', label: 'Fax' },
] as const;
const LABEL: Record<string, string> = { sms: 'SMS', email: 'Email', voice: 'Voice', fax: 'Fax' };

const hrefOf = (o: { service: string | null; page?: number }) => {
  const q = new URLSearchParams();
  if (o.service) q.set('service', o.service);
  if (o.page && o.page > 1) q.set('page', String(o.page));
  return `/dev/sink${q.size ? `?${q}` : ''}`;
};

const sizeOf = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export default async function DevSinkPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const params = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : null);
  const page = /^\d{1,5}$/.test(one(params.page) ?? '') ? Number(one(params.page)) : 1;
  const sink = await listDevSink({ peer: clientIp(await headers()), page, service: one(params.service) }).catch(() => notFound());
  const first = (sink.page - 1) * SINK_PAGE_SIZE + 1;
  const last = first + sink.results.length - 1;
  return (
    <>
      <PageHeader
        title="Message sink"
        description={sink.count === 0 ? 'Nothing kept yet.' : `${sink.count} message${sink.count === 1 ? '' : 's'} kept, newest first${sink.pages > 1 ? ` — ${first}–${last} shown` : ''}.`}
      />
      <nav aria-label="Services" className="mb-4 flex flex-wrap gap-2">
        {SERVICES.map((s) => (
          <Link
            key={s.label}
            href={hrefOf({ service: s.key })}
            aria-current={sink.service === s.key ? 'page' : undefined}
            className={cx('rounded-full px-3 py-1 text-sm font-medium ring-1 ring-inset', sink.service === s.key ? 'bg-accent-600 text-white ring-accent-600' : 'bg-white text-zinc-700 ring-zinc-300 hover:bg-zinc-50')}
          >
            {s.label}
          </Link>
        ))}
      </nav>
      {sink.results.length === 0 ? (
        <div className="rounded-xl border border-zinc-200 bg-white">
          <EmptyState
            title={sink.service ? `No ${LABEL[sink.service]} kept` : 'Nothing kept yet'}
            description="Messages sent through a provider of type “sink” (Settings → Providers) appear here instead of reaching anyone: a campaign's or a single transmission's, and a provider's test."
          />
        </div>
      ) : (
        <ol className="divide-y divide-zinc-200 overflow-hidden rounded-xl border border-zinc-200 bg-white">
          {sink.results.map((m) => (
            <li key={m.id} className="space-y-2 px-4 py-4 sm:px-5">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                <Badge tone="accent">{LABEL[m.service]}</Badge>
                <span className="min-w-0 font-medium wrap-anywhere text-zinc-900">To {m.to}</span>
                <span className="min-w-0 wrap-anywhere text-zinc-600">from {m.from}</span>
                <span className="ml-auto text-zinc-600">
                  <EventTime at={m.createdAt.toISOString()} />
                </span>
              </div>
              <p className="text-xs wrap-anywhere text-zinc-600">
                {m.organization.name} · {m.provider?.name ?? 'a deleted provider'}
              </p>
              {m.subject && <p className="text-sm font-medium wrap-anywhere text-zinc-900">{m.subject}</p>}
              {m.service === 'email' ? (
                m.emailMessageId ? (
                  <Link href={`/dev/mail/${m.emailMessageId}`} className="inline-block text-sm font-medium text-accent-700 underline hover:text-accent-800">
                    Open the email in the mailbox
                  </Link>
                ) : (
                  <p className="text-sm text-zinc-600">Its copy in the mailbox was deleted.</p>
                )
              ) : m.playUrl ? (
                <p className="text-sm text-zinc-800">
                  The call plays a recording (
                  <a href={m.playUrl} className="text-accent-700 underline hover:text-accent-800">
                    its signed link
                  </a>
                  , valid for 30 minutes after the call).
                </p>
              ) : (
                m.text && <p className="rounded-lg bg-zinc-50 px-3 py-2 text-sm wrap-anywhere whitespace-pre-wrap text-zinc-800">{m.service === 'voice' ? `Says: ${m.text}` : m.text}</p>
              )}
              {m.attachments.length > 0 && (
                <ul className="text-sm text-zinc-600" aria-label="Attachments">
                  {m.attachments.map((a, i) => (
                    <li key={i} className="wrap-anywhere">
                      <span aria-hidden>📎</span> {a.filename} <span className="text-zinc-500">({a.contentType}, {sizeOf(a.size)})</span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      {sink.pages > 1 && (
        <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-4 text-sm">
          {sink.page > 1 ? (
            <Link href={hrefOf({ service: sink.service, page: sink.page - 1 })} className="font-medium text-accent-700 underline hover:text-accent-800">
              ← Newer
            </Link>
          ) : (
            <span />
          )}
          <span className="text-zinc-600">
            Page {sink.page} of {sink.pages}
          </span>
          {sink.page < sink.pages ? (
            <Link href={hrefOf({ service: sink.service, page: sink.page + 1 })} className="font-medium text-accent-700 underline hover:text-accent-800">
              Older →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </>
  );
}
