'use client';
// The ways to hand over a transcript made elsewhere — a file (plain text, WebVTT or JSON words) or pasted or typed
// text — shared by the practice page's "score a transcript" form and the review page's "add / replace transcript"
// form. A file is checked the moment it is chosen (size, text at all), so nothing unreadable fills the box.
import { useState } from 'react';
import { describedBy, errorId, hintId } from '@/components/ui/form-field';
import { FieldError } from '@/components/ui/field-error';
import { Label } from '@/components/ui/label';
import { controlClass } from '@/components/ui/input';
import { cx } from '@/components/ui/cx';
import { TRANSCRIPT_MAX_CHARS } from '@/server/domain/sessions/session.schema';

/** The largest transcript file taken: the server's character limit, as bytes of plain ASCII. */
export const TRANSCRIPT_FILE_MAX_BYTES = TRANSCRIPT_MAX_CHARS;
export const TRANSCRIPT_LIMIT_TEXT = `${(TRANSCRIPT_MAX_CHARS / 1_000_000).toLocaleString('en')} MB`;

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

/** The file's text, or why it cannot be a transcript: too large, or not text (a PDF, an image, a recording). */
export async function readTranscriptFile(file: File): Promise<{ text: string } | { problem: string }> {
  if (file.size > TRANSCRIPT_FILE_MAX_BYTES) return { problem: `“${file.name}” is ${megabytes(file.size)}: a transcript file can be at most ${TRANSCRIPT_LIMIT_TEXT}.` };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: `“${file.name}” is not a text file. Choose a plain-text (.txt), WebVTT (.vtt) or JSON (.json) transcript.` };
  }
  // eslint-disable-next-line no-control-regex -- NUL and other C0 controls (tab and line breaks aside) mean binary
  if (/[\u0000-\u0008\u000E-\u001F]/.test(text)) return { problem: `“${file.name}” is not a text file. Choose a plain-text (.txt), WebVTT (.vtt) or JSON (.json) transcript.` };
  if (!text.trim()) return { problem: `“${file.name}” is empty.` };
  return { text };
}

/** Whether the text is plain words (neither WebVTT nor JSON): such words get estimated times. */
export function isPlainTranscript(text: string) {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  return t.length > 0 && !t.startsWith('WEBVTT') && !t.startsWith('{') && !t.startsWith('[');
}

/** What is wrong with the text before it is sent, or null. */
export function transcriptTextProblem(text: string): string | null {
  if (!text.trim()) return 'Choose a transcript file, or type or paste what was said.';
  if (text.length > TRANSCRIPT_MAX_CHARS) return `The transcript is ${text.length.toLocaleString('en')} characters: at most ${TRANSCRIPT_MAX_CHARS.toLocaleString('en')} are taken.`;
  return null;
}

/**
 * `onText` receives the new text whenever the box or a chosen file changes it; `onChange` is told of every choice
 * (so the form can clear a problem that no longer applies).
 */
export function TranscriptFields({ id, text, onText, onChange }: { id: string; text: string; onText: (text: string) => void; onChange?: () => void }) {
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  return (
    <>
      <div className="space-y-1.5">
        <Label htmlFor={`${id}-file`}>Transcript file</Label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".txt,.vtt,.json,text/plain,text/vtt,application/json"
          {...describedBy(`${id}-file`, { hint: true, error: fileProblem })}
          className="block w-full min-w-0 text-sm text-zinc-600 file:mr-3 file:rounded-lg file:border-0 file:bg-zinc-100 file:px-3 file:py-2 file:text-sm file:font-medium file:text-zinc-800 hover:file:bg-zinc-200"
          onChange={async (e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            setFileProblem(null);
            onChange?.();
            if (!file) return;
            const read = await readTranscriptFile(file);
            if ('problem' in read) {
              setFileProblem(read.problem);
              // Nothing of a refused file stays chosen: choosing it again is a new choice.
              input.value = '';
              return;
            }
            onText(read.text);
          }}
        />
        {!fileProblem && (
          <p id={hintId(`${id}-file`)} className="text-sm text-zinc-500">
            Plain text, WebVTT captions, or JSON words with start and end times in seconds; up to {TRANSCRIPT_LIMIT_TEXT}.
          </p>
        )}
        <FieldError id={errorId(`${id}-file`)} message={fileProblem} />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor={`${id}-text`}>Or type or paste it</Label>
        <textarea
          id={`${id}-text`}
          rows={5}
          value={text}
          onChange={(e) => {
            onText(e.target.value);
            onChange?.();
          }}
          placeholder={'Hi, thanks for taking my call… (plain text is fine)'}
          className={cx(controlClass, 'py-2 font-mono text-xs')}
        />
      </div>
    </>
  );
}
