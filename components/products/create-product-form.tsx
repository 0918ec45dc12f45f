'use client';
// Creates a product: a name and, optionally, the team it is for; then opens its editor to add modules.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { TeamSelect } from '@/components/coaching/team-select';
import { useZodForm } from '@/components/forms/use-zod-form';
import { useTRPC } from '@/components/providers/trpc';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardFooter, CardHeader } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { createProductInput } from '@/server/domain/products/product.schema';

export function CreateProductForm({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.products.create.mutationOptions());
  const form = useZodForm({
    schema: createProductInput,
    initialValues: { name: '', teamId: '' },
    toInput: (v) => ({ name: v.name, teamId: v.teamId || null }),
    onSubmit: async (input) => {
      const product = await create.mutateAsync(input);
      await queryClient.invalidateQueries(trpc.products.list.pathFilter());
      router.push(`/${organizationId}/products/${product.id}`);
    },
  });
  return (
    <Card aria-labelledby="new-product-title">
      <CardHeader id="new-product-title" title="New product" description="What your reps pitch. Add its training modules next." />
      <form noValidate onSubmit={form.handleSubmit}>
        <CardBody className="grid gap-5 sm:grid-cols-2">
          {form.formError && <Alert tone="error" className="sm:col-span-2">{form.formError}</Alert>}
          <FormField id={form.id('name')} label="Product name" error={form.error('name')}>
            <Input {...form.text('name')} placeholder="e.g. Extended warranty" autoComplete="off" />
          </FormField>
          <FormField id={form.id('teamId')} label="Team" optional hint="Leave empty for the whole organization." error={form.error('teamId')}>
            <TeamSelect {...form.text('teamId', { hint: true })} emptyLabel="Whole organization" />
          </FormField>
        </CardBody>
        <CardFooter>
          <Button type="submit" busy={form.submitting}>
            Create product
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
