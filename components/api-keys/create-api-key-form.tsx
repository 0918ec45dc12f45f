'use client';
// Creates an API key: a name, the scopes it may use (never more than the creator holds) and an optional expiry day.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useZodForm } from '@/components/forms/use-zod-form';
import { useTRPC } from '@/components/providers/trpc';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardFooter, CardHeader } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import { FieldError } from '@/components/ui/field-error';
import { errorId, FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { PERMISSION_LABELS, PERMISSIONS, type Permission } from '@/server/auth/permissions';
import { createApiKeyInput } from '@/server/domain/api-keys/api-key.schema';

const localDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
// A key "expires on" a day: it works until the end of that day in the user's time zone.
const endOfDay = (day: string) => new Date(`${day}T23:59:59.999`).toISOString();

export function CreateApiKeyForm({ held, onCreated }: { held: (p: Permission) => boolean; onCreated: (key: { name: string; secret: string }) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.apiKeys.create.mutationOptions());
  const initialValues = { name: '', scopes: [] as Permission[], expiresAt: '' };
  const form = useZodForm({
    schema: createApiKeyInput,
    initialValues,
    toInput: (v) => ({ ...v, expiresAt: v.expiresAt ? endOfDay(v.expiresAt) : null }),
    onSubmit: async (input) => {
      const created = await create.mutateAsync(input);
      await Promise.all([queryClient.invalidateQueries(trpc.apiKeys.list.queryFilter()), queryClient.invalidateQueries(trpc.statistics.pathFilter())]);
      form.reset(initialValues);
      onCreated({ name: created.name, secret: created.key });
    },
  });

  const grantable = PERMISSIONS.filter(held);
  const toggle = (p: Permission, on: boolean) => form.setValue('scopes', on ? PERMISSIONS.filter((x) => x === p || form.values.scopes.includes(x)) : form.values.scopes.filter((x) => x !== p));
  const scopesError = form.error('scopes');

  return (
    <Card aria-labelledby="create-key-title">
      <CardHeader id="create-key-title" title="Create an API key" description="Keys let other systems call the REST API as this organization, limited to the scopes you choose." />
      <form noValidate onSubmit={form.handleSubmit}>
        <CardBody className="space-y-6">
          {form.formError && <Alert tone="error">{form.formError}</Alert>}
          <div className="grid gap-6 sm:grid-cols-2">
            <FormField id={form.id('name')} label="Key name" hint="Where it is used, e.g. “CRM sync”." error={form.error('name')}>
              <Input {...form.text('name', { hint: true })} autoComplete="off" />
            </FormField>
            <FormField id={form.id('expiresAt')} label="Expires on" optional hint="Leave empty for a key that does not expire." error={form.error('expiresAt')}>
              <Input {...form.text('expiresAt', { hint: true })} type="date" min={localDay(new Date())} />
            </FormField>
          </div>
          <fieldset aria-describedby={scopesError ? errorId(form.id('scopes')) : undefined} aria-invalid={scopesError ? true : undefined}>
            <legend className="float-left pt-1.5 text-sm font-medium text-zinc-800">Scopes</legend>
            <div className="float-right flex gap-1">
              <Button variant="ghost" size="sm" onClick={() => form.setValue('scopes', grantable)}>
                Select all
              </Button>
              <Button variant="ghost" size="sm" onClick={() => form.setValue('scopes', [])}>
                Clear
              </Button>
            </div>
            <div className="clear-both grid gap-x-6 gap-y-3 rounded-lg border border-zinc-200 p-4 sm:grid-cols-2">
              {PERMISSIONS.map((p, i) => (
                <Checkbox
                  key={p}
                  id={i === 0 ? form.id('scopes') : `${form.id('scopes')}-${p}`}
                  label={PERMISSION_LABELS[p]}
                  description={<code className="text-xs">{p}</code>}
                  checked={form.values.scopes.includes(p)}
                  disabled={!held(p)}
                  onChange={(e) => toggle(p, e.target.checked)}
                  onBlur={() => form.blur('scopes')}
                />
              ))}
            </div>
            <FieldError id={errorId(form.id('scopes'))} message={scopesError} />
          </fieldset>
        </CardBody>
        <CardFooter>
          <Button type="submit" busy={form.submitting}>
            Create key
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
