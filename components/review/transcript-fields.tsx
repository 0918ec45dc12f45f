'use client';
// The two ways to hand over a transcript made elsewhere — a file (WebVTT or JSON words) or pasted text — shared by the
// practice page's "score a transcript" form and the review page's "add / replace transcript" form.
import { Label } from '@/components/ui/label';
import { controlClass } from '@/components/ui/input';
import { cx } from '@/components/ui/cx';

export function TranscriptFields({ id, text, onText }: { id: string; text: string; onText: (text: string) => void }) {
  return (
    <>
      <div className="space-y-1.5">
        <Label htmlFor={`${id}-file`}>Transcript file</Label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".vtt,.json,text/vtt,application/json"
          className="block w-full text-sm text-zinc-600 file:mr-3 file:rounded-lg file:border-0 file:bg-zinc-100 file:px-3 file:py-2 file:text-sm file:font-medium file:text-zinc-800 hover:file:bg-zinc-200"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) onText(await file.text());
          }}
        />
        <p className="text-sm text-zinc-500">WebVTT captions, or JSON words with start and end times in seconds.</p>
      </div>
      <div className="space-y-1.5">
        <Label htmlFor={`${id}-text`}>Or paste it</Label>
        <textarea
          id={`${id}-text`}
          rows={5}
          value={text}
          onChange={(e) => onText(e.target.value)}
          placeholder={'WEBVTT\n\n00:00.000 --> 00:03.200\nHi, thanks for taking my call…'}
          className={cx(controlClass, 'py-2 font-mono text-xs')}
        />
      </div>
    </>
  );
}
