'use client';
// Said before anyone records, where this server has no speech-to-text (STT_URL unset): what a recording gets on its
// own, how to score the rest (type the words, plain text is fine), and what an administrator sets to change it.
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/providers/trpc';
import { Alert } from '@/components/ui/alert';

/** Whether recordings are transcribed here; undefined while unknown. */
export function useSpeechToText(): boolean | undefined {
  const trpc = useTRPC();
  return useQuery(trpc.sessions.transcription.queryOptions(undefined, { staleTime: 5 * 60_000 })).data?.speechToText;
}

export function SpeechToTextNotice({ what = 'your recording' }: { what?: string }) {
  const available = useSpeechToText();
  if (available !== false) return null;
  return (
    <Alert tone="info" title="No speech-to-text on this server">
      <span className="block">
        {what.charAt(0).toUpperCase() + what.slice(1)} is scored at once on its pauses, length and vocal energy. To score fillers, pace and keywords too, type or paste what was said
        afterwards — plain text is fine.
      </span>
      <span className="mt-1 block text-xs">
        An administrator can have recordings transcribed by setting <code className="font-mono">STT_URL</code> to a speech-to-text service (a self-hosted Whisper server works).
      </span>
    </Alert>
  );
}
