'use client';
// Shows a newly created API key's secret exactly once, with a copy button and a clear warning. It appears at the top
// of the page while the form that made it is further down: it is scrolled into view and its Copy button takes focus,
// so neither the eye nor the keyboard has to go looking for it.
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';

export function CreatedKeyNotice({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const box = useRef<HTMLElement>(null);
  const copyButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    box.current?.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
    // The scroll is ours: focus must not jump the page again.
    copyButton.current?.focus({ preventScroll: true });
  }, [secret]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <section ref={box} aria-labelledby="new-key-title" className="rounded-xl border border-amber-300 bg-amber-50 p-5 shadow-xs">
      <div className="flex items-start gap-3">
        <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="mt-0.5 size-5 shrink-0 text-amber-600">
          <path fillRule="evenodd" clipRule="evenodd" d="M8.485 2.495c.673-1.167 2.357-1.167 3.03 0l6.28 10.875c.673 1.167-.17 2.625-1.516 2.625H3.72c-1.347 0-2.189-1.458-1.515-2.625L8.485 2.495ZM10 5a.75.75 0 0 1 .75.75v3.5a.75.75 0 0 1-1.5 0v-3.5A.75.75 0 0 1 10 5Zm0 9a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z" />
        </svg>
        <div className="min-w-0 flex-1">
          <h2 id="new-key-title" className="text-sm font-semibold text-amber-900">
            Copy your new key “{name}” now
          </h2>
          <p className="mt-1 text-sm text-amber-900/80">This is the only time the secret is shown. Store it somewhere safe; if you lose it, revoke the key and create a new one.</p>
          <div className="mt-4 flex flex-col gap-2 sm:flex-row">
            <input
              readOnly
              aria-label="New API key secret"
              value={secret}
              onFocus={(e) => e.currentTarget.select()}
              className="h-10 min-w-0 flex-1 rounded-lg border-0 bg-white px-3 font-mono text-sm leading-7 text-zinc-900 ring-1 ring-amber-300 ring-inset focus-visible:ring-2 focus-visible:ring-amber-500 focus-visible:outline-none"
            />
            <Button ref={copyButton} variant="secondary" onClick={copy}>
              {copied === 'yes' ? 'Copied' : 'Copy'}
            </Button>
            <Button variant="ghost" onClick={onDone}>
              Done
            </Button>
          </div>
          {copied === 'failed' && <p className="mt-2 text-sm text-amber-900/80">Copying is blocked here: select the key and copy it by hand.</p>}
          <p role="status" className="sr-only">
            {copied === 'yes' ? 'Copied to the clipboard.' : ''}
          </p>
        </div>
      </div>
    </section>
  );
}
