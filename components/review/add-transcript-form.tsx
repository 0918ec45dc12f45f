'use client';
// Gives a session its words: upload a WebVTT or JSON transcript file, or paste one. The session is re-scored at once.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { readServerError } from '@/components/forms/server-error';
import { useTRPC } from '@/components/providers/trpc';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { TranscriptFields } from './transcript-fields';

/** JSON text becomes an object for the server; anything else (WebVTT) is sent as text. */
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

export function AddTranscriptForm({ sessionId, replacing = false, onDone }: { sessionId: string; replacing?: boolean; onDone?: () => void }) {
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const id = useId();
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const save = useMutation(trpc.sessions.replaceTranscript.mutationOptions());

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setProblems([]);
    if (!text.trim()) return setProblems(['Choose a transcript file or paste one first.']);
    try {
      await save.mutateAsync({ id: sessionId, transcript: transcriptFromText(text) });
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
      <TranscriptFields id={id} text={text} onText={setText} />
      <div className="flex justify-end">
        <Button type="submit" busy={save.isPending}>
          {replacing ? 'Replace transcript' : 'Add transcript and score'}
        </Button>
      </div>
    </form>
  );
}
