'use client';
// Renames a product or moves it to another team (or the whole organization).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TeamSelect } from '@/components/coaching/team-select';
import { useZodForm } from '@/components/forms/use-zod-form';
import { useTRPC } from '@/components/providers/trpc';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import { updateProductInput, type ProductDto } from '@/server/domain/products/product.schema';

export function ProductDetailsForm({ product }: { product: ProductDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const update = useMutation(trpc.products.update.mutationOptions());
  const form = useZodForm({
    schema: updateProductInput,
    initialValues: { name: product.name, teamId: product.teamId ?? '' },
    toInput: (v) => ({ name: v.name, teamId: v.teamId || null }),
    onSubmit: async (patch) => {
      await update.mutateAsync({ id: product.id, patch });
      await queryClient.invalidateQueries(trpc.products.pathFilter());
      toast('Product saved');
    },
  });
  return (
    <form noValidate onSubmit={form.handleSubmit} className="grid items-start gap-5 sm:grid-cols-[1fr_1fr_auto]">
      {form.formError && <Alert tone="error" className="sm:col-span-3">{form.formError}</Alert>}
      <FormField id={form.id('name')} label="Product name" error={form.error('name')}>
        <Input {...form.text('name')} autoComplete="off" />
      </FormField>
      <FormField id={form.id('teamId')} label="Team" error={form.error('teamId')}>
        <TeamSelect {...form.text('teamId')} emptyLabel="Whole organization" />
      </FormField>
      <Button type="submit" busy={form.submitting} className="sm:mt-7">
        Save
      </Button>
    </form>
  );
}
