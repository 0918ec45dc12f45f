'use client';
// The first step of the customer's page: the VIN (checked on the spot) and, if they like, who they are.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { readServerError } from '@/components/forms/server-error';
import { useTRPC } from '@/components/providers/trpc';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import type { SavedCall } from './saved-call';
import { useVinCheck, VinField } from './vin-field';

export function RequestCallForm({ organizationToken, onRequested }: { organizationToken: string; onRequested: (call: SavedCall) => void }) {
  const trpc = useTRPC();
  const [vin, setVin] = useState('');
  const [person, setPerson] = useState({ firstName: '', lastName: '', phone: '', email: '' });
  const [submitted, setSubmitted] = useState(false);
  const check = useVinCheck(vin);
  const request = useMutation(trpc.callRoom.request.mutationOptions());
  const error = request.error ? readServerError(request.error) : null;
  const fieldError = (path: string) => error?.fieldErrors.find((f) => f.path === path)?.message;
  const set = (k: keyof typeof person) => (e: React.ChangeEvent<HTMLInputElement>) => setPerson((p) => ({ ...p, [k]: e.target.value }));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (!check.ready) return;
    try {
      const created = await request.mutateAsync({ organizationToken, call: { vin: check.normalized, customer: person } });
      onRequested({ callId: created.id, callToken: created.callToken, ...person });
    } catch {
      // Shown from request.error.
    }
  };

  return (
    <form noValidate onSubmit={submit} className="space-y-5">
      {error && !error.fieldErrors.length && <Alert tone="error">{error.message}</Alert>}
      <VinField value={vin} onChange={setVin} check={check} submitted={submitted} />
      <fieldset className="space-y-4">
        <legend className="text-sm font-medium text-zinc-800">
          About you <span className="font-normal text-zinc-500">(optional)</span>
        </legend>
        <div className="grid grid-cols-2 gap-3">
          <FormField id="customer-first-name" label="First name" error={fieldError('customer.firstName')}>
            <Input id="customer-first-name" autoComplete="given-name" value={person.firstName} onChange={set('firstName')} className="h-11" />
          </FormField>
          <FormField id="customer-last-name" label="Last name" error={fieldError('customer.lastName')}>
            <Input id="customer-last-name" autoComplete="family-name" value={person.lastName} onChange={set('lastName')} className="h-11" />
          </FormField>
        </div>
        <FormField id="customer-phone" label="Phone" error={fieldError('customer.phone')}>
          <Input id="customer-phone" type="tel" autoComplete="tel" inputMode="tel" value={person.phone} onChange={set('phone')} className="h-11" />
        </FormField>
        <FormField id="customer-email" label="Email" error={fieldError('customer.email')}>
          <Input id="customer-email" type="email" autoComplete="email" inputMode="email" value={person.email} onChange={set('email')} className="h-11" />
        </FormField>
      </fieldset>
      <Button type="submit" className="h-12 w-full text-base" busy={request.isPending} disabled={submitted && !check.ready}>
        Call a dealer
      </Button>
      <p className="text-center text-xs text-zinc-500">A dealer sees your VIN and what you entered here, and answers with video from the showroom.</p>
    </form>
  );
}
