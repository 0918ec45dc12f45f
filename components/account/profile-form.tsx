'use client';
// Edits the signed-in user's first name, last name and username; the email is shown but cannot be changed here.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useZodForm } from '@/components/forms/use-zod-form';
import { writeQueryData } from '@/components/providers/query-data';
import { useTRPC } from '@/components/providers/trpc';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardFooter, CardHeader } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import { updateMeInput, type MeDto } from '@/server/domain/identity/user.schema';

const formValues = (me: MeDto) => ({ firstName: me.firstName, lastName: me.lastName, username: me.username ?? '' });

export function ProfileForm({ me }: { me: MeDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const update = useMutation(trpc.account.updateMe.mutationOptions());
  const form = useZodForm({
    schema: updateMeInput,
    initialValues: formValues(me),
    toInput: (v) => ({ ...v, username: v.username.trim() || null }),
    onSubmit: async (input) => {
      const saved = await update.mutateAsync(input);
      await writeQueryData(queryClient, trpc.account.me.queryKey(), saved);
      await queryClient.invalidateQueries(trpc.organization.members.queryFilter());
      form.reset(formValues(saved));
      toast('Profile saved');
    },
  });

  return (
    <Card aria-labelledby="profile-title">
      <CardHeader id="profile-title" title="Profile" description="How you appear to the people in your organizations." />
      <form noValidate onSubmit={form.handleSubmit}>
        <CardBody className="space-y-6">
          {form.formError && <Alert tone="error">{form.formError}</Alert>}
          <div className="grid gap-6 sm:grid-cols-2">
            <FormField id={form.id('firstName')} label="First name" error={form.error('firstName')}>
              <Input {...form.text('firstName')} autoComplete="given-name" />
            </FormField>
            <FormField id={form.id('lastName')} label="Last name" error={form.error('lastName')}>
              <Input {...form.text('lastName')} autoComplete="family-name" />
            </FormField>
            <FormField id="profile-email" label="Email" hint="Used to sign in; it cannot be changed here.">
              <Input id="profile-email" value={me.email} readOnly disabled aria-describedby="profile-email-hint" />
            </FormField>
            <FormField id={form.id('username')} label="Username" optional hint="You can also sign in with it." error={form.error('username')}>
              <Input {...form.text('username', { hint: true })} autoComplete="username" />
            </FormField>
          </div>
        </CardBody>
        <CardFooter>
          <Button type="submit" busy={form.submitting}>
            Save profile
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
