'use client';
// Records a session from a transcript made elsewhere (a call recorder's WebVTT, or JSON words with times): it is
// scored against the module and opened for review.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { readServerError } from '@/components/forms/server-error';
import { useTRPC } from '@/components/providers/trpc';
import { transcriptFromText } from '@/components/review/add-transcript-form';
import { TranscriptFields } from '@/components/review/transcript-fields';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

export function SubmitTranscriptForm({ organizationId, moduleId }: { organizationId: string; moduleId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const id = useId();
  const [text, setText] = useState('');
  const [opportunity, setOpportunity] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const create = useMutation(trpc.sessions.create.mutationOptions());
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setProblems([]);
    if (!text.trim()) return setProblems(['Choose a transcript file or paste one first.']);
    try {
      const session = await create.mutateAsync({ moduleId, opportunity: opportunity.trim() || null, transcript: transcriptFromText(text) });
      await Promise.all([queryClient.invalidateQueries(trpc.sessions.pathFilter()), queryClient.invalidateQueries(trpc.account.me.pathFilter())]);
      router.push(`/${organizationId}/sessions/${session.id}`);
    } catch (err) {
      const server = readServerError(err);
      setProblems(server.fieldErrors.length ? server.fieldErrors.slice(0, 5).map((f) => `${f.path}: ${f.message}`) : [server.message]);
    }
  };
  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      {problems.length > 0 && (
        <Alert tone="error" title="The session was not recorded">
          <ul className="list-disc pl-5">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Alert>
      )}
      <TranscriptFields id={id} text={text} onText={setText} />
      <div className="space-y-1.5">
        <Label htmlFor={`${id}-opportunity`} optional>
          Opportunity
        </Label>
        <Input id={`${id}-opportunity`} value={opportunity} onChange={(e) => setOpportunity(e.target.value)} maxLength={200} placeholder="e.g. Acme fleet renewal" />
      </div>
      <div className="flex justify-end">
        <Button type="submit" busy={create.isPending}>
          Score this transcript
        </Button>
      </div>
    </form>
  );
}
