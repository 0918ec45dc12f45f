'use client';
// Starts a team; the creator leads it and goes on to invite its members.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useZodForm } from '@/components/forms/use-zod-form';
import { useTRPC } from '@/components/providers/trpc';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardFooter, CardHeader } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { createTeamInput } from '@/server/domain/teams/team.schema';

export function CreateTeamForm({ organizationId }: { organizationId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.teams.create.mutationOptions());
  const form = useZodForm({
    schema: createTeamInput,
    initialValues: { name: '' },
    onSubmit: async (input) => {
      const team = await create.mutateAsync(input);
      await Promise.all([queryClient.invalidateQueries(trpc.teams.pathFilter()), queryClient.invalidateQueries(trpc.account.me.pathFilter())]);
      router.push(`/${organizationId}/teams/${team.id}/settings`);
    },
  });
  return (
    <Card aria-labelledby="new-team-title">
      <CardHeader id="new-team-title" title="New team" description="You lead the teams you start; invite reps and co-managers next." />
      <form noValidate onSubmit={form.handleSubmit}>
        <CardBody>
          {form.formError && <Alert tone="error" className="mb-5">{form.formError}</Alert>}
          <FormField id={form.id('name')} label="Team name" error={form.error('name')} className="max-w-md">
            <Input {...form.text('name')} placeholder="e.g. Fleet sales" autoComplete="off" />
          </FormField>
        </CardBody>
        <CardFooter>
          <Button type="submit" busy={form.submitting}>
            Create team
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
