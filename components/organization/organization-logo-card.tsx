'use client';
// The organization's logo: upload a picture (streamed to the media store, like the profile photo) or point to one
// on the web, see it as the app will show it, or remove it. Shown to those who may change the organization.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { readServerError } from '@/components/forms/server-error';
import { useZodForm } from '@/components/forms/use-zod-form';
import { ImageChooser } from '@/components/media/image-chooser';
import { writeQueryData } from '@/components/providers/query-data';
import { useTRPC } from '@/components/providers/trpc';
import { OrganizationLogo } from '@/components/shell/organization-logo';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import { logoUrl, type OrganizationDto } from '@/server/domain/organizations/organization.schema';

const webAddressInput = z.object({ image: logoUrl }).strict();
// An uploaded logo is served from this app; only a logo set by address is shown back in the address field.
const addressOf = (org: OrganizationDto) => (org.image && /^https?:\/\//i.test(org.image) ? org.image : '');

export function OrganizationLogoCard({ organization }: { organization: OrganizationDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const saved = async (org: OrganizationDto, message: string) => {
    await writeQueryData(queryClient, trpc.organization.get.queryKey(), org);
    // The switcher shows the logo too.
    await queryClient.invalidateQueries(trpc.account.organizations.queryFilter());
    toast(message);
  };
  const setLogo = useMutation(trpc.organization.setLogo.mutationOptions({ onSuccess: (org) => saved(org, 'Logo updated') }));
  const removeLogo = useMutation(trpc.organization.removeLogo.mutationOptions({ onSuccess: (org) => saved(org, 'Logo removed') }));
  const update = useMutation(trpc.organization.update.mutationOptions());
  const form = useZodForm({
    schema: webAddressInput,
    initialValues: { image: addressOf(organization) },
    onSubmit: async (input) => {
      const org = await update.mutateAsync({ image: input.image });
      form.reset({ image: addressOf(org) });
      await saved(org, 'Logo updated');
    },
  });

  return (
    <Card aria-labelledby="logo-title">
      <CardHeader id="logo-title" title="Logo" description="Shown beside your organization's name, for everyone in it." />
      <CardBody className="space-y-5">
        {error && <Alert tone="error">{error}</Alert>}
        <div className="flex items-center gap-5">
          <OrganizationLogo name={organization.name} image={organization.image} className="size-16 text-lg" />
          <div className="flex flex-wrap gap-3">
            <ImageChooser
              label={organization.image ? 'Upload a new logo' : 'Upload logo'}
              organizationId={organization.id}
              attach={(uploadId) => setLogo.mutateAsync({ uploadId })}
              onError={setError}
            />
            {organization.image && (
              <Button variant="ghost" busy={removeLogo.isPending} onClick={() => removeLogo.mutate(undefined, { onError: (err) => setError(readServerError(err).message) })}>
                Remove logo
              </Button>
            )}
          </div>
        </div>
        <p className="text-xs text-zinc-500">JPEG, PNG or BMP, up to 5 MB. A square picture of at least 128 × 128 pixels looks best.</p>
        <form noValidate onSubmit={form.handleSubmit} className="space-y-3 border-t border-zinc-100 pt-5">
          {form.formError && <Alert tone="error">{form.formError}</Alert>}
          <FormField id={form.id('image')} label="Or use a picture on the web" hint="Its web address, starting with https://." error={form.error('image')}>
            <div className="flex flex-col gap-3 sm:flex-row">
              <Input {...form.text('image', { hint: true })} type="url" inputMode="url" placeholder="https://example.com/logo.png" className="min-w-0 sm:flex-1" />
              <Button type="submit" variant="secondary" busy={form.submitting} disabled={!form.dirty}>
                Use this address
              </Button>
            </div>
          </FormField>
        </form>
      </CardBody>
    </Card>
  );
}
