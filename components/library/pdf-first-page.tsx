'use client';
// The first page of a fax document, drawn in the browser by PDF.js (Mozilla's renderer, the one browsers ship): the
// page a recipient's machine prints first, so a manager sees what goes out without downloading the file. PDF.js reads
// only the bytes page one needs (Range requests on the document's file route), runs its parser in a worker, and
// never evaluates code from the file (isEvalSupported: false; the page's CSP allows no eval anyway).
import { useEffect, useRef, useState } from 'react';
import { Spinner } from '@/components/ui/spinner';

type State = { kind: 'loading' } | { kind: 'drawn'; pages: number } | { kind: 'failed' };

/** Widest the preview is drawn (CSS pixels); it shrinks with its container. */
const MAX_WIDTH = 480;

export function PdfFirstPage({ url, name }: { url: string; name: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => Promise<void>) | undefined;
    setState({ kind: 'loading' });
    (async () => {
      const pdfjs = await import('pdfjs-dist');
      pdfjs.GlobalWorkerOptions.workerSrc ||= new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url).toString();
      const task = pdfjs.getDocument({ url, isEvalSupported: false, disableAutoFetch: true });
      destroy = () => task.destroy();
      const doc = await task.promise;
      const page = await doc.getPage(1);
      const target = canvas.current;
      if (cancelled || !target) return;
      const width = Math.min(MAX_WIDTH, box.current?.clientWidth || MAX_WIDTH);
      const unscaled = page.getViewport({ scale: 1 });
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: (width / unscaled.width) * ratio });
      target.width = Math.floor(viewport.width);
      target.height = Math.floor(viewport.height);
      target.style.width = `${Math.floor(viewport.width / ratio)}px`;
      // Height follows the width (the canvas keeps its aspect ratio), so a narrower screen shrinks it whole.
      target.style.height = 'auto';
      await page.render({ canvas: target, viewport }).promise;
      if (!cancelled) setState({ kind: 'drawn', pages: doc.numPages });
    })().catch(() => {
      if (!cancelled) setState({ kind: 'failed' });
    });
    return () => {
      cancelled = true;
      void destroy?.().catch(() => undefined);
    };
  }, [url]);

  return (
    <figure className="space-y-2" ref={box}>
      {state.kind === 'loading' && (
        <p className="flex items-center gap-2 text-sm text-zinc-500" role="status">
          <Spinner /> Drawing the first page…
        </p>
      )}
      {state.kind === 'failed' && (
        <p className="text-sm text-zinc-600" role="status">
          The first page could not be drawn here; download the PDF to check it.
        </p>
      )}
      <canvas
        ref={canvas}
        role="img"
        aria-label={`First page of ${name}`}
        className={state.kind === 'drawn' ? 'max-w-full rounded-md bg-white shadow-sm ring-1 ring-zinc-200' : 'hidden'}
      />
      {state.kind === 'drawn' && (
        <figcaption className="text-xs text-zinc-500">
          Page 1 of {state.pages.toLocaleString('en')}
        </figcaption>
      )}
    </figure>
  );
}
