'use client';
// Gives a session its words: a file (plain text, WebVTT or JSON), or typed or pasted text. The session is re-scored at
// once; plain words over a recording are spread across its voiced stretches (their times marked estimated).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { readServerError } from '@/components/forms/server-error';
import { useTRPC } from '@/components/providers/trpc';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { parsePitchLength, PITCH_LENGTH_PROBLEM, PitchLengthField } from './pitch-length-field';
import { isPlainTranscript, TranscriptFields, transcriptTextProblem } from './transcript-fields';

/** JSON text becomes an object for the server; anything else (WebVTT, plain words) is sent as text. */
export function transcriptFromText(text: string): string | Record<string, unknown> | unknown[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed);
    } catch {
      return trimmed;
    }
  }
  return trimmed;
}

export function AddTranscriptForm({ sessionId, hasAudio, replacing = false, onDone }: { sessionId: string; hasAudio: boolean; replacing?: boolean; onDone?: () => void }) {
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const id = useId();
  const [text, setText] = useState('');
  const [length, setLength] = useState('');
  const [lengthProblem, setLengthProblem] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const save = useMutation(trpc.sessions.replaceTranscript.mutationOptions());
  const needsLength = !hasAudio && isPlainTranscript(text);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setProblems([]);
    const problem = transcriptTextProblem(text);
    if (problem) return setProblems([problem]);
    const duration = needsLength ? parsePitchLength(length) : null;
    if (duration === undefined) return setLengthProblem(PITCH_LENGTH_PROBLEM);
    try {
      await save.mutateAsync({ id: sessionId, transcript: transcriptFromText(text), ...(duration !== null && { duration }) });
      await queryClient.invalidateQueries(trpc.sessions.pathFilter());
      await queryClient.invalidateQueries(trpc.account.me.pathFilter());
      toast('Transcript added; the session is scored');
      setText('');
      onDone?.();
    } catch (err) {
      const server = readServerError(err);
      setProblems(server.fieldErrors.length ? server.fieldErrors.slice(0, 5).map((f) => `${f.path.replace(/^transcript\.?/, '') || 'transcript'}: ${f.message}`) : [server.message]);
    }
  };

  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      {problems.length > 0 && (
        <Alert tone="error" title="The transcript was not accepted">
          <ul className="list-disc pl-5">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Alert>
      )}
      <TranscriptFields id={id} text={text} onText={setText} onChange={() => setProblems([])} />
      {needsLength && (
        <PitchLengthField
          id={`${id}-length`}
          value={length}
          error={lengthProblem}
          onChange={(v) => {
            setLength(v);
            setLengthProblem(null);
          }}
        />
      )}
      <div className="flex justify-end">
        <Button type="submit" busy={save.isPending}>
          {replacing ? 'Replace transcript' : 'Add transcript and score'}
        </Button>
      </div>
    </form>
  );
}
