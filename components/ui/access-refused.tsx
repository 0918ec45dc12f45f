'use client';
// What a page shows when the server refused it — it is not the viewer's to see (403), or there is nothing here they may
// see (404, which is also how another team's or organization's things answer) — said as what it is, with the way
// back. Never "Try again": trying again gives the same answer.
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { buttonClass } from './button';

export type Refusal = {
  /** Said on a 403: who may see this. */
  forbidden?: string;
  /** Said on a 404: what may have happened, and whose it could be. */
  notFound?: string;
  /** Where to go instead; by default the organization's dashboard. */
  back?: { href: string; label: string };
};

export function AccessRefused({ kind, refusal, detail }: { kind: 'forbidden' | 'not_found'; refusal?: Refusal; detail?: string }) {
  const { org } = useParams<{ org?: string }>();
  const back = refusal?.back ?? (org ? { href: `/${org}`, label: 'Back to your dashboard' } : { href: '/', label: 'Go home' });
  const forbidden = kind === 'forbidden';
  return (
    <section aria-labelledby="refused-title" className="rounded-xl border border-zinc-200 bg-white px-6 py-10 text-center shadow-sm">
      <div className="mx-auto flex size-12 items-center justify-center rounded-full bg-zinc-100 text-zinc-600">
        <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-6">
          {forbidden ? (
            <path fillRule="evenodd" clipRule="evenodd" d="M10 1a4.5 4.5 0 0 0-4.5 4.5V9H5a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6a2 2 0 0 0-2-2h-.5V5.5A4.5 4.5 0 0 0 10 1Zm3 8V5.5a3 3 0 1 0-6 0V9h6Z" />
          ) : (
            <path fillRule="evenodd" clipRule="evenodd" d="M9 3.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11ZM2 9a7 7 0 1 1 12.452 4.391l3.328 3.329a.75.75 0 1 1-1.06 1.06l-3.329-3.328A7 7 0 0 1 2 9Z" />
          )}
        </svg>
      </div>
      <p className="mt-4 text-sm font-semibold text-zinc-500">{forbidden ? 'Not yours to see' : 'Not found'}</p>
      <h2 id="refused-title" className="mt-1 text-lg font-semibold text-zinc-900">
        {forbidden ? (refusal?.forbidden ?? 'You do not have access to this') : (refusal?.notFound ?? 'There is nothing here you can see')}
      </h2>
      {detail && <p className="mx-auto mt-2 max-w-md text-sm wrap-anywhere text-zinc-500">{detail}</p>}
      <Link href={back.href} className={buttonClass('secondary', 'md', 'mt-6')}>
        {back.label}
      </Link>
    </section>
  );
}
