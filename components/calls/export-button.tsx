'use client';
// Downloads a list's CSV export with a progress bar: the file streams from the server and is counted as it comes,
// so a large export shows how far it is and can be cancelled. `total` is the file's row count and `noun` names its
// rows; `note` says what a row is when that differs from the list's items (the delivery report: one per attempt).
import { useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';

type State = { kind: 'idle' } | { kind: 'running'; rows: number } | { kind: 'error'; message: string };

export function ExportButton({ href, total, noun, note }: { href: string; total: number; noun: string; note?: string }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const noteId = useId();

  const run = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setState({ kind: 'running', rows: 0 });
    try {
      const res = await fetch(href, { signal: controller.signal });
      if (!res.ok || !res.body) {
        const problem = (await res.json().catch(() => null)) as { detail?: string } | null;
        throw new Error(problem?.detail ?? `The export failed (${res.status})`);
      }
      const reader = res.body.getReader();
      const chunks: Uint8Array[] = [];
      let lines = 0;
      let lastPaint = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
        // Repainting on every chunk would slow the download itself.
        if (performance.now() - lastPaint > 100) {
          lastPaint = performance.now();
          setState({ kind: 'running', rows: Math.max(0, lines - 1) });
        }
      }
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `${noun}.csv`;
      const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: 'text/csv' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ kind: 'idle' });
    } catch (e) {
      setState(controller.signal.aborted ? { kind: 'idle' } : { kind: 'error', message: e instanceof Error ? e.message : 'The export failed' });
    } finally {
      abort.current = null;
    }
  };

  if (state.kind === 'running') {
    const pct = total > 0 ? Math.min(100, Math.round((state.rows / total) * 100)) : 0;
    return (
      <div className="flex items-center gap-3" role="status" aria-live="polite">
        <div className="w-40">
          <div className="h-2 overflow-hidden rounded-full bg-zinc-200" role="progressbar" aria-label={`Exporting ${noun}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
            <div className="h-full rounded-full bg-accent-600 transition-[width]" style={{ width: `${pct}%` }} />
          </div>
          <p className="mt-1 text-xs text-zinc-500 tabular-nums">
            {state.rows.toLocaleString('en')} of {total.toLocaleString('en')} {noun}
            {note && <span className="block">{note}</span>}
          </p>
        </div>
        <Button variant="ghost" size="sm" onClick={() => abort.current?.abort()}>
          Cancel
        </Button>
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      {state.kind === 'error' && (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      )}
      {note && total > 0 && (
        <p className="text-xs text-zinc-500 tabular-nums" id={noteId}>
          {total.toLocaleString('en')} {noun} · {note}
        </p>
      )}
      <Button variant="secondary" onClick={() => void run()} disabled={total === 0} aria-describedby={note && total > 0 ? noteId : undefined}>
        <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="size-4">
          <path d="M10.75 2.75a.75.75 0 0 0-1.5 0v8.614L6.295 8.235a.75.75 0 1 0-1.09 1.03l4.25 4.5a.75.75 0 0 0 1.09 0l4.25-4.5a.75.75 0 0 0-1.09-1.03l-2.955 3.129V2.75Z" />
          <path d="M3.5 12.75a.75.75 0 0 0-1.5 0v2.5A2.75 2.75 0 0 0 4.75 18h10.5A2.75 2.75 0 0 0 18 15.25v-2.5a.75.75 0 0 0-1.5 0v2.5c0 .69-.56 1.25-1.25 1.25H4.75c-.69 0-1.25-.56-1.25-1.25v-2.5Z" />
        </svg>
        Export CSV
      </Button>
    </div>
  );
}
