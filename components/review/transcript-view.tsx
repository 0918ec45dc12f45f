'use client';
// The transcript with fillers and keywords highlighted; with a recording, each word plays from there, and the word
// being spoken is marked as the recording plays. The words are one stop for the keyboard: Tab lands on the transcript
// (on the word last used), the arrow keys move word by word (Home/End to the ends), Enter or Space plays from it.
import { useRef, useState, type KeyboardEvent } from 'react';
import { cx } from '@/components/ui/cx';
import type { SessionDto } from '@/server/domain/sessions/session.schema';

type Props = { session: SessionDto; currentTime: number | null; onSeek: ((seconds: number) => void) | null };

export function TranscriptView({ session, currentTime, onSeek }: Props) {
  const kind = new Map<number, { type: 'filler' | 'keyword'; label: string; first: boolean }>();
  for (const k of session.highlights.keywords) for (let i = 0; i < k.length; i += 1) kind.set(k.index + i, { type: 'keyword', label: k.keyword, first: i === 0 });
  // A filler wins over a keyword on the same word: it is the thing to fix.
  for (const f of session.highlights.fillers) for (let i = 0; i < f.length; i += 1) kind.set(f.index + i, { type: 'filler', label: f.word, first: i === 0 });
  const [active, setActive] = useState(0);
  const words = useRef<Array<HTMLButtonElement | null>>([]);
  const last = session.words.length - 1;
  const at = Math.min(active, Math.max(0, last));

  const move = (e: KeyboardEvent) => {
    const next = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? at + 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? last : null;
    if (next === null) return;
    e.preventDefault();
    const to = Math.max(0, Math.min(last, next));
    setActive(to);
    words.current[to]?.focus();
  };

  return (
    <div>
      <p className="mb-3 flex flex-wrap gap-4 text-xs text-zinc-500">
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden className="inline-block size-3 rounded-sm bg-amber-200 ring-1 ring-amber-300" /> Filler
        </span>
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden className="inline-block size-3 rounded-sm bg-emerald-100 ring-1 ring-emerald-300" /> Keyword
        </span>
        {onSeek ? <span>Click a word to play from there; from the keyboard, arrow keys move between words.</span> : <span>No recording: words cannot be played.</span>}
      </p>
      <p
        className="text-[15px] leading-8 wrap-anywhere text-zinc-800"
        aria-label={onSeek ? 'Transcript: arrow keys move between words, Enter plays from the word' : 'Transcript'}
        role={onSeek ? 'group' : undefined}
        onKeyDown={onSeek ? move : undefined}
      >
        {session.words.map((w, i) => {
          const mark = kind.get(i);
          const speaking = currentTime !== null && currentTime >= w.start && currentTime < w.end;
          const className = cx(
            'rounded',
            (mark || speaking) && 'px-0.5',
            mark?.type === 'filler' && 'bg-amber-100 text-amber-900 ring-1 ring-amber-300 ring-inset',
            mark?.type === 'keyword' && 'bg-emerald-50 text-emerald-900 ring-1 ring-emerald-300 ring-inset',
            speaking && 'bg-accent-100 text-accent-900 ring-2 ring-accent-400',
          );
          const label = mark?.first ? `${w.text} (${mark.type}${mark.type === 'filler' ? '' : `: ${mark.label}`}, ${w.start.toFixed(1)} s)` : undefined;
          return (
            <span key={i}>
              {onSeek ? (
                <button
                  ref={(el) => {
                    words.current[i] = el;
                  }}
                  type="button"
                  tabIndex={i === at ? 0 : -1}
                  className={cx(className, 'cursor-pointer hover:bg-zinc-100 focus-visible:outline-2')}
                  onClick={() => {
                    setActive(i);
                    onSeek(w.start);
                  }}
                  onFocus={() => setActive(i)}
                  aria-label={label ?? `${w.text}, ${w.start.toFixed(1)} s`}
                  data-start={w.start}
                  data-kind={mark?.type}
                >
                  {w.text}
                </button>
              ) : (
                <span className={className} title={label} data-kind={mark?.type}>
                  {w.text}
                </span>
              )}{' '}
            </span>
          );
        })}
      </p>
    </div>
  );
}
