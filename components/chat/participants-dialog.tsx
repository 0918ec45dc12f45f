'use client';
// Who takes part in a conversation, behind a "People" button in its page header. A group's admins add people (the same
// picker as "New conversation") and remove them, after a confirmation in the row; everyone else sees the list only.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { readServerError } from '@/components/forms/server-error';
import { useTRPC } from '@/components/providers/trpc';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useToast } from '@/components/ui/toast';
import type { ConversationDto } from '@/server/domain/conversations/conversation.schema';
import { PeoplePicker, type PickedPerson } from './people-picker';

export function ParticipantsButton({ conversation, me }: { conversation: ConversationDto; me: string }) {
  const [open, setOpen] = useState(false);
  const count = conversation.participants.length;
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} aria-haspopup="dialog">
        People · {count}
      </Button>
      <ParticipantsDialog conversation={conversation} me={me} open={open} onClose={() => setOpen(false)} />
    </>
  );
}

function ParticipantsDialog({ conversation, me, open, onClose }: { conversation: ConversationDto; me: string; open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [adding, setAdding] = useState(false);
  const [picked, setPicked] = useState<PickedPerson[]>([]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const add = useMutation(trpc.conversations.addParticipant.mutationOptions());
  const remove = useMutation(trpc.conversations.removeParticipant.mutationOptions());
  const isAdmin = conversation.type === 'group' && conversation.participants.some((p) => p.userId === me && p.isAdmin);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.conversations.pathKey() });

  const close = () => {
    if (busy) return;
    setAdding(false);
    setPicked([]);
    setConfirming(null);
    setProblem(null);
    onClose();
  };

  async function addPicked() {
    if (picked.length === 0) return setProblem('Pick at least one person to add');
    setBusy(true);
    setProblem(null);
    const added: string[] = [];
    try {
      for (const p of picked) {
        await add.mutateAsync({ id: conversation.id, userId: p.userId });
        added.push(p.userId);
      }
      toast(picked.length === 1 ? `${picked[0]!.name} was added` : `${picked.length} people were added`);
      setPicked([]);
      setAdding(false);
    } catch (err) {
      // Those added before the failure stay added; the rest stay picked, to try again.
      setPicked((prev) => prev.filter((p) => !added.includes(p.userId)));
      setProblem(readServerError(err).message);
    } finally {
      setBusy(false);
      await refresh();
    }
  }

  async function removeOne(userId: string, name: string) {
    setBusy(true);
    setProblem(null);
    try {
      await remove.mutateAsync({ id: conversation.id, userId });
      toast(`${name} was removed`);
      setConfirming(null);
    } catch (err) {
      setProblem(readServerError(err).message);
    } finally {
      setBusy(false);
      await refresh();
    }
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title="People in this conversation"
      description={conversation.type === 'chat' ? 'A chat is between two people. To talk with more, start a group from Conversations.' : isAdmin ? 'You are an admin of this group: you can add and remove people.' : 'Only the group’s admins can add or remove people.'}
      footer={
        adding ? undefined : (
          <>
            {isAdmin && (
              <Button variant="secondary" onClick={() => (setProblem(null), setConfirming(null), setAdding(true))}>
                Add people
              </Button>
            )}
            <Button onClick={close}>Done</Button>
          </>
        )
      }
    >
      {problem && (
        <Alert tone="error" className="mb-3">
          {problem}
        </Alert>
      )}
      {adding ? (
        <div className="space-y-4">
          <PeoplePicker picked={picked} onChange={setPicked} exclude={conversation.participants.map((p) => p.userId)} autoFocus />
          <div className="flex justify-end gap-3">
            <Button variant="secondary" onClick={() => (setAdding(false), setPicked([]), setProblem(null))} disabled={busy}>
              Cancel
            </Button>
            <Button onClick={() => void addPicked()} busy={busy}>
              {picked.length > 1 ? `Add ${picked.length} people` : 'Add'}
            </Button>
          </div>
        </div>
      ) : (
        <ul aria-label="Participants" className="max-h-80 divide-y divide-zinc-100 overflow-y-auto rounded-lg ring-1 ring-zinc-200">
          {conversation.participants.map((p) => (
            <li key={p.userId} className="px-3 py-2">
              <div className="flex items-center gap-2">
                <span className="min-w-0 flex-1 truncate text-sm font-medium text-zinc-900">
                  {p.name}
                  {p.userId === me && <span className="font-normal text-zinc-500"> (you)</span>}
                </span>
                {p.isAdmin && conversation.type === 'group' && <Badge>Admin</Badge>}
                {p.external && <Badge tone="accent">Customer</Badge>}
                {isAdmin && p.userId !== me && confirming !== p.userId && (
                  <Button variant="danger-ghost" size="sm" onClick={() => (setProblem(null), setConfirming(p.userId))} aria-label={`Remove ${p.name}`}>
                    Remove
                  </Button>
                )}
              </div>
              {confirming === p.userId && (
                <div role="group" aria-label={`Remove ${p.name}?`} className="mt-2 flex flex-wrap items-center justify-end gap-2 rounded-md bg-red-50 px-3 py-2">
                  <span className="mr-auto text-sm text-red-800">Remove {p.name}? They stop seeing this group.</span>
                  <Button variant="secondary" size="sm" onClick={() => setConfirming(null)} disabled={busy} autoFocus>
                    Keep
                  </Button>
                  <Button variant="danger" size="sm" onClick={() => void removeOne(p.userId, p.name)} busy={busy}>
                    Remove
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
