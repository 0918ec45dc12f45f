'use client';
// After the call: the customer leaves their details (and a comment) for the dealer to follow up.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { readServerError, sentence } from '@/components/forms/server-error';
import { useTRPC } from '@/components/providers/trpc';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import type { SavedCall } from './saved-call';

export function LeadForm({ call }: { call: SavedCall }) {
  const trpc = useTRPC();
  const [v, setV] = useState({ firstName: call.firstName ?? '', lastName: call.lastName ?? '', email: call.email ?? '', phone: call.phone ?? '', comment: '' });
  const leave = useMutation(trpc.callRoom.leaveLead.mutationOptions());
  const error = leave.error ? readServerError(leave.error) : null;
  const fieldError = (path: string) => {
    const message = error?.fieldErrors.find((f) => f.path === path)?.message;
    return message ? sentence(message) : undefined;
  };
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setV((p) => ({ ...p, [k]: e.target.value }));

  if (leave.isSuccess || error?.appCode === 'conflict') {
    return (
      <Alert tone="success" title="Thanks — the dealer has your details">
        They will get back to you soon.
      </Alert>
    );
  }
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        leave.mutate({ callToken: call.callToken, lead: v });
      }}
    >
      <div>
        <h2 className="text-base font-semibold text-zinc-900">Want the dealer to follow up?</h2>
        <p className="text-sm text-zinc-500">Leave your details and what you would like to know.</p>
      </div>
      {error && !error.fieldErrors.length && <Alert tone="error">{error.message}</Alert>}
      <p className="text-sm text-zinc-500">Leave an email address or a phone number, or both.</p>
      <div className="grid grid-cols-2 gap-3">
        <FormField id="lead-first-name" label="First name" error={fieldError('firstName')}>
          <Input id="lead-first-name" autoComplete="given-name" value={v.firstName} onChange={set('firstName')} className="h-11" />
        </FormField>
        <FormField id="lead-last-name" label="Last name" optional error={fieldError('lastName')}>
          <Input id="lead-last-name" autoComplete="family-name" value={v.lastName} onChange={set('lastName')} className="h-11" />
        </FormField>
      </div>
      <FormField id="lead-email" label="Email" error={fieldError('email')}>
        <Input id="lead-email" type="email" autoComplete="email" value={v.email} onChange={set('email')} className="h-11" />
      </FormField>
      <FormField id="lead-phone" label="Phone" error={fieldError('phone')}>
        <Input id="lead-phone" type="tel" autoComplete="tel" value={v.phone} onChange={set('phone')} className="h-11" />
      </FormField>
      <FormField id="lead-comment" label="Comment" optional error={fieldError('comment')}>
        <textarea
          id="lead-comment"
          rows={3}
          maxLength={2000}
          value={v.comment}
          onChange={set('comment')}
          className="block w-full rounded-lg border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-zinc-300 ring-inset focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:outline-none"
        />
      </FormField>
      <Button type="submit" className="h-12 w-full text-base" busy={leave.isPending}>
        Send my details
      </Button>
    </form>
  );
}
