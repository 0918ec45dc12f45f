'use client';
// Creates an organization (the caller becomes its owner) and opens its dashboard.
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useZodForm } from '@/components/forms/use-zod-form';
import { CurrencyFields } from '@/components/organization/currency-fields';
import { useTRPC } from '@/components/providers/trpc';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { createOrganizationInput } from '@/server/domain/organizations/organization.schema';

export function CreateOrganizationForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.account.createOrganization.mutationOptions());
  const form = useZodForm({
    schema: createOrganizationInput,
    initialValues: { name: '', location: '', baseCurrency: 'USD', currencies: [] as string[] },
    toInput: (v) => ({ ...v, location: v.location.trim() || null }),
    onSubmit: async (input) => {
      const org = await create.mutateAsync(input);
      router.push(`/${org.id}`);
    },
  });

  return (
    <form noValidate onSubmit={form.handleSubmit} className="space-y-5">
      {form.formError && <Alert tone="error">{form.formError}</Alert>}
      <FormField id={form.id('name')} label="Organization name" error={form.error('name')}>
        <Input {...form.text('name')} autoComplete="organization" placeholder="Acme Motors" autoFocus />
      </FormField>
      <FormField id={form.id('location')} label="Location" optional error={form.error('location')}>
        <Input {...form.text('location')} placeholder="Austin, TX" />
      </FormField>
      <CurrencyFields
        form={form}
        baseHint="Prices and reports are shown in this currency."
        listLabel="Other accepted currencies"
        listOptional
        listHint="Search by code or name; the base currency is always accepted."
      />
      <Button type="submit" className="w-full" busy={form.submitting || create.isSuccess}>
        Create organization
      </Button>
    </form>
  );
}
