// /docs/scoring – how a practice session is scored: docs/scoring.md (checked against the engine by a unit test),
// rendered from the file itself, so the page and the engine cannot drift apart.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Metadata } from 'next';
import Link from 'next/link';
import { marked } from 'marked';
import { connection } from 'next/server';
import { Logo } from '@/components/shell/logo';

export const metadata: Metadata = { title: 'How the score is computed' };

// Our own document from the repository, never user input, so its HTML needs no sanitizing. Read once per process.
let html: string | undefined;
// Wide tables scroll sideways on a phone inside a focusable region, so keyboard users can scroll them too.
const scoringHtml = () =>
  (html ??= marked
    .parse(readFileSync(path.join(process.cwd(), 'docs', 'scoring.md'), 'utf8'), { async: false, gfm: true })
    .replaceAll('<table>', '<div class="table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways)"><table>')
    .replaceAll('</table>', '</table></div>'));

const prose = [
  'text-[15px] leading-7 text-zinc-700',
  '[&_h1]:mb-6 [&_h1]:text-3xl [&_h1]:font-semibold [&_h1]:tracking-tight [&_h1]:text-zinc-900',
  '[&_h2]:mt-10 [&_h2]:mb-3 [&_h2]:text-xl [&_h2]:font-semibold [&_h2]:text-zinc-900',
  '[&_h3]:mt-6 [&_h3]:mb-2 [&_h3]:font-semibold [&_h3]:text-zinc-900',
  '[&_p]:my-3 [&_ul]:my-3 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-3 [&_ol]:list-decimal [&_ol]:pl-6 [&_li]:my-1',
  '[&_code]:rounded [&_code]:bg-zinc-100 [&_code]:px-1 [&_code]:py-0.5 [&_code]:text-[13px]',
  '[&_pre]:my-4 [&_pre]:overflow-x-auto [&_pre]:rounded-lg [&_pre]:bg-zinc-900 [&_pre]:p-4 [&_pre]:text-zinc-100 [&_pre_code]:bg-transparent [&_pre_code]:p-0',
  '[&_.table-scroll]:my-4 [&_.table-scroll]:overflow-x-auto [&_table]:text-sm [&_th]:border-b [&_th]:border-zinc-200 [&_th]:px-3 [&_th]:py-2 [&_th]:text-left [&_td]:border-b [&_td]:border-zinc-100 [&_td]:px-3 [&_td]:py-2 [&_td]:align-top',
  '[&_hr]:my-8 [&_hr]:border-zinc-200 [&_a]:text-accent-600 [&_a]:underline',
].join(' ');

export default async function ScoringPage() {
  // Rendered on request like every page (the app's not-found frame needs the runtime environment, not the build's).
  await connection();
  return (
    <div className="min-h-dvh bg-white">
      <header className="border-b border-zinc-200">
        <div className="mx-auto flex h-16 max-w-3xl items-center justify-between px-4">
          <Link href="/" aria-label="Pitchcraft home">
            <Logo />
          </Link>
          <span className="text-sm text-zinc-500">Scoring guide</span>
        </div>
      </header>
      <main className="mx-auto max-w-3xl px-4 py-10">
        <article className={prose} dangerouslySetInnerHTML={{ __html: scoringHtml() }} />
      </main>
    </div>
  );
}
