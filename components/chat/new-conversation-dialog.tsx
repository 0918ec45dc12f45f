'use client';
// "New conversation": pick one person for a chat, or several for a group (with an optional name). A chat with someone
// you already chat with opens that chat (the server finds it again) rather than making a second one.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { readServerError } from '@/components/forms/server-error';
import { useTRPC } from '@/components/providers/trpc';
import { Alert } from '@/components/ui/alert';
import { Dialog, DialogFormActions } from '@/components/ui/dialog';
import { describedBy, FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import { PeoplePicker, type PickedPerson } from './people-picker';

const NAME_MAX = 100;

export function NewConversationDialog({ organizationId, open, onClose }: { organizationId: string; open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const id = useId();
  const [picked, setPicked] = useState<PickedPerson[]>([]);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<{ people?: string; name?: string; form?: string }>({});
  const create = useMutation(trpc.conversations.create.mutationOptions());
  const group = picked.length > 1;

  const close = () => {
    if (create.isPending) return;
    setPicked([]);
    setName('');
    setErrors({});
    onClose();
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (create.isPending) return;
    const found: typeof errors = {};
    if (picked.length === 0) found.people = 'Pick at least one person to talk with';
    if (group && name.trim().length > NAME_MAX) found.name = `Use at most ${NAME_MAX} characters`;
    setErrors(found);
    if (found.people || found.name) return;
    try {
      const conversation = await create.mutateAsync({
        type: group ? 'group' : 'chat',
        participants: picked.map((p) => ({ userId: p.userId })),
        ...(group && name.trim() ? { name: name.trim() } : {}),
      });
      await queryClient.invalidateQueries({ queryKey: trpc.conversations.pathKey() });
      if (conversation.previouslyCreated) toast(`You already chat with ${picked[0]!.name}: here is that conversation`);
      setPicked([]);
      setName('');
      onClose();
      router.push(`/${organizationId}/conversations/${conversation.id}`);
    } catch (err) {
      const server = readServerError(err);
      const nameIssue = server.fieldErrors.find((f) => f.path === 'name');
      setErrors({ name: nameIssue?.message, form: nameIssue && server.fieldErrors.length === 1 ? undefined : server.message });
    }
  }

  return (
    <Dialog open={open} onClose={close} title="New conversation" description="Pick one person for a chat, or several for a group.">
      <form noValidate onSubmit={(e) => void submit(e)} className="space-y-4">
        {errors.form && <Alert tone="error">{errors.form}</Alert>}
        <PeoplePicker
          picked={picked}
          autoFocus
          error={errors.people}
          onChange={(next) => {
            setPicked(next);
            if (next.length > 0 && errors.people) setErrors((e) => ({ ...e, people: undefined }));
          }}
        />
        {group && (
          <FormField id={`${id}-name`} label="Group name" optional hint="Without one, the group is named after its people." error={errors.name}>
            <Input id={`${id}-name`} value={name} maxLength={NAME_MAX + 20} onChange={(e) => setName(e.target.value)} {...describedBy(`${id}-name`, { hint: true, error: errors.name })} autoComplete="off" />
          </FormField>
        )}
        <DialogFormActions onCancel={close} busy={create.isPending} submitLabel={group ? `Start group of ${picked.length + 1}` : 'Start chat'} />
      </form>
    </Dialog>
  );
}
