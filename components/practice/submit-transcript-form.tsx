'use client';
// Records a session from a transcript made elsewhere (plain text, a call recorder's WebVTT, or JSON words with times):
// it is scored against the module and opened for review. Plain text without a length scores fillers and keywords;
// with one, pace and length too.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { readServerError } from '@/components/forms/server-error';
import { useTRPC } from '@/components/providers/trpc';
import { transcriptFromText } from '@/components/review/add-transcript-form';
import { parsePitchLength, PITCH_LENGTH_PROBLEM, PitchLengthField } from '@/components/review/pitch-length-field';
import { isPlainTranscript, TranscriptFields, transcriptTextProblem } from '@/components/review/transcript-fields';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { OPPORTUNITY_MAX } from '@/server/domain/sessions/session.schema';

export function SubmitTranscriptForm({ organizationId, moduleId }: { organizationId: string; moduleId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const id = useId();
  const [text, setText] = useState('');
  const [length, setLength] = useState('');
  const [lengthProblem, setLengthProblem] = useState<string | null>(null);
  const [opportunity, setOpportunity] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const create = useMutation(trpc.sessions.create.mutationOptions());
  const plain = isPlainTranscript(text);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setProblems([]);
    const problem = transcriptTextProblem(text);
    if (problem) return setProblems([problem]);
    const duration = plain ? parsePitchLength(length) : null;
    if (duration === undefined) return setLengthProblem(PITCH_LENGTH_PROBLEM);
    try {
      const session = await create.mutateAsync({ moduleId, opportunity: opportunity.trim() || null, transcript: transcriptFromText(text), ...(duration !== null && { duration }) });
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
      <TranscriptFields id={id} text={text} onText={setText} onChange={() => setProblems([])} />
      {plain && (
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
      <div className="space-y-1.5">
        <Label htmlFor={`${id}-opportunity`} optional>
          Opportunity
        </Label>
        <Input id={`${id}-opportunity`} value={opportunity} onChange={(e) => setOpportunity(e.target.value)} maxLength={OPPORTUNITY_MAX} placeholder="e.g. Acme fleet renewal" />
      </div>
      <div className="flex justify-end">
        <Button type="submit" busy={create.isPending}>
          Score this transcript
        </Button>
      </div>
    </form>
  );
}
