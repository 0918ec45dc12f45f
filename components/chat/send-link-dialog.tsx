'use client';
// "Send a link": an access link to a customer by email or text message, with how many times it works (5 unless
// changed) and until when (7 days unless changed). The answer says whether a new link was made or the one still valid
// was sent again; a refusal (say, texting with no SMS provider set up: 409) shows above the form, nothing lost.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { readServerError } from '@/components/forms/server-error';
import { useZodForm } from '@/components/forms/use-zod-form';
import { useTRPC } from '@/components/providers/trpc';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogFormActions } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import { ACCESS_LINK_DEFAULT_DAYS, ACCESS_LINK_DEFAULT_MAX_USES, ACCESS_LINK_MAX_USES } from '@/server/domain/access-links/access-link.schema';
import { sendCustomerLinkInput, type SentCustomerLinkDto } from '@/server/domain/external-users/customer.schema';

/** The day `days` from today, as a date input holds it (the person's own calendar day). */
function dayFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const UNTIL = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

type Values = { name: string; via: 'email' | 'phone'; email: string; phone: string; maxUses: string; expiresOn: string };

export function SendLinkDialog(props: { organizationId: string; open: boolean; onClose: () => void; customer?: { userId: string; name: string; sentTo?: string | null } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const [sent, setSent] = useState<SentCustomerLinkDto | null>(null);
  const send = useMutation(trpc.conversations.sendCustomerLink.mutationOptions());
  const chat = useMutation(trpc.conversations.create.mutationOptions());
  const defaultDay = dayFromToday(ACCESS_LINK_DEFAULT_DAYS);
  const known = props.customer;
  const sentTo = known?.sentTo ?? '';
  const initial: Values = {
    name: '',
    via: sentTo.startsWith('+') ? 'phone' : 'email',
    email: sentTo.includes('@') ? sentTo : '',
    phone: sentTo.startsWith('+') ? sentTo : '',
    maxUses: String(ACCESS_LINK_DEFAULT_MAX_USES),
    expiresOn: defaultDay,
  };
  const form = useZodForm({
    schema: sendCustomerLinkInput,
    initialValues: initial,
    guard: props.open && !sent,
    toInput: (v: Values) => ({
      ...(known ? { virtualUser: known.userId } : { name: v.name }),
      ...(v.via === 'email' ? { email: v.email } : { phone: v.phone }),
      maxUses: v.maxUses.trim() === '' ? undefined : Number(v.maxUses),
      // Left at its default, the server's own default applies: exactly 7 days from now.
      expiresOn: v.expiresOn === defaultDay ? undefined : v.expiresOn || undefined,
    }),
    check: (v): Record<string, string> => (v.expiresOn === '' ? { expiresOn: 'Pick the last day the link works' } : {}),
    onSubmit: async (input) => {
      const answer = await send.mutateAsync(input);
      await queryClient.invalidateQueries({ queryKey: trpc.conversations.customers.pathKey() });
      setSent(answer);
    },
  });
  const close = () => {
    if (form.submitting || chat.isPending) return;
    form.reset(initial);
    setSent(null);
    chat.reset();
    props.onClose();
  };

  async function openChat(customer: SentCustomerLinkDto) {
    try {
      const conversation = await chat.mutateAsync({ type: 'chat', participants: [{ userId: customer.virtualUser }] });
      await queryClient.invalidateQueries({ queryKey: trpc.conversations.pathKey() });
      form.reset(initial);
      setSent(null);
      props.onClose();
      router.push(`/${props.organizationId}/conversations/${conversation.id}`);
    } catch (err) {
      toast(readServerError(err).message, 'error');
    }
  }

  if (sent) {
    const to = form.values.via === 'email' ? form.values.email.trim() : form.values.phone.trim();
    const uses = `${sent.maxUses} ${sent.maxUses === 1 ? 'time' : 'times'}`;
    return (
      <Dialog
        open={props.open}
        onClose={close}
        title={sent.previouslyCreated ? 'The link still valid was sent again' : 'A new link was sent'}
        footer={
          <>
            <Button variant="secondary" onClick={close} disabled={chat.isPending}>
              Done
            </Button>
            <Button onClick={() => void openChat(sent)} busy={chat.isPending}>
              Chat with {sent.name}
            </Button>
          </>
        }
      >
        <div role="status" className="space-y-2 text-sm text-zinc-700">
          <p>
            {sent.previouslyCreated
              ? `${sent.name} still had a link that works, so that same link is on its way to ${to} (no new one was made).`
              : `A new link for ${sent.name} is on its way to ${to}.`}
          </p>
          <p className="text-zinc-500">
            {sent.previouslyCreated ? 'It keeps its own limits: ' : 'It works '}
            {sent.previouslyCreated ? `at most ${uses} in all, until ` : `${uses}, until `}
            {UNTIL.format(new Date(sent.expiresOn))}. Opening it shows a confirmation page first, so mail scanners do not use it up.
          </p>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      open={props.open}
      onClose={close}
      title={known ? `Send ${known.name} a link` : 'Send a link'}
      description="The customer opens it on their phone or computer and chats with you here, no app or password needed."
    >
      <form noValidate onSubmit={form.handleSubmit} className="space-y-4">
        {form.formError && <Alert tone="error">{form.formError}</Alert>}
        {!known && (
          <FormField id={form.id('name')} label="Customer’s name" hint="Sending to an address used before finds that customer again." error={form.error('name')}>
            <Input {...form.text('name', { hint: true })} autoComplete="off" autoFocus maxLength={120} />
          </FormField>
        )}
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-zinc-800">Send it by</legend>
          <div className="flex gap-2">
            {(
              [
                ['email', 'Email'],
                ['phone', 'Text message'],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="flex flex-1 cursor-pointer items-center gap-2 rounded-lg px-3 py-2 text-sm font-medium text-zinc-800 ring-1 ring-zinc-200 has-checked:bg-accent-50 has-checked:ring-accent-300">
                <input type="radio" name={form.id('via')} value={value} checked={form.values.via === value} onChange={() => form.setValue('via', value)} className="accent-accent-600" />
                {label}
              </label>
            ))}
          </div>
        </fieldset>
        {form.values.via === 'email' ? (
          <FormField id={form.id('email')} label="Email address" error={form.error('email')}>
            <Input {...form.text('email')} type="email" inputMode="email" autoComplete="off" maxLength={254} />
          </FormField>
        ) : (
          <FormField id={form.id('phone')} label="Mobile number" hint="With its country code outside North America, e.g. +44 7700 900123." error={form.error('phone')}>
            <Input {...form.text('phone', { hint: true })} type="tel" inputMode="tel" autoComplete="off" maxLength={40} />
          </FormField>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id={form.id('maxUses')} label="Works how many times" hint={`Default ${ACCESS_LINK_DEFAULT_MAX_USES}.`} error={form.error('maxUses')}>
            <Input {...form.text('maxUses', { hint: true })} type="number" inputMode="numeric" min={1} max={ACCESS_LINK_MAX_USES} step={1} />
          </FormField>
          <FormField id={form.id('expiresOn')} label="Works through" hint={`Default ${ACCESS_LINK_DEFAULT_DAYS} days from now.`} error={form.error('expiresOn')}>
            <Input {...form.text('expiresOn', { hint: true })} type="date" min={dayFromToday(0)} />
          </FormField>
        </div>
        <DialogFormActions onCancel={close} busy={form.submitting} submitLabel="Send link" />
      </form>
    </Dialog>
  );
}
