'use client';
// Edits the organization's name, location, image and currencies; read-only for roles that may not change them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useZodForm } from '@/components/forms/use-zod-form';
import { writeQueryData } from '@/components/providers/query-data';
import { useTRPC } from '@/components/providers/trpc';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardFooter, CardHeader } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import type { OrganizationDto } from '@/server/domain/organizations/organization.schema';
import { updateOrganizationInput } from '@/server/domain/organizations/organization.schema';
import { CurrencyFields } from './currency-fields';
import { getCountries } from 'libphonenumber-js/min';
import { Select } from '@/components/ui/select';
import { useHydrated } from '@/components/ui/use-hydrated';

const formValues = (org: OrganizationDto) => ({
  name: org.name,
  location: org.location ?? '',
  baseCurrency: org.baseCurrency,
  currencies: org.currencies,
  loanLinkUrl: org.loanLinkUrl ?? '',
  defaultCountry: org.defaultCountry,
  followUpCampaignId: org.followUpCampaignId ?? '',
});

// Countries libphonenumber knows numbers for, by their name in English.
const regionName = new Intl.DisplayNames(['en'], { type: 'region' });
const COUNTRIES = getCountries()
  .map((code) => ({ code, name: regionName.of(code) ?? code }))
  .sort((a, b) => a.name.localeCompare(b.name));

export function OrganizationSettingsForm({ organization, canEdit }: { organization: OrganizationDto; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const update = useMutation(trpc.organization.update.mutationOptions());
  const hydrated = useHydrated();
  // The follow-up may name a continuous campaign that can still send; only for those who may read campaigns.
  const canReadCampaigns = organization.permissions.includes('campaigns:read');
  const campaigns = useQuery({ ...trpc.campaigns.list.queryOptions({ limit: 100, offset: 0, status: 'draft,scheduled,running,stopped' }), enabled: canReadCampaigns });
  const continuous = (campaigns.data?.results ?? []).filter((c) => c.continuous || c.id === organization.followUpCampaignId);
  const form = useZodForm({
    schema: updateOrganizationInput,
    initialValues: formValues(organization),
    toInput: (v) => ({ ...v, location: v.location.trim() || null, loanLinkUrl: v.loanLinkUrl.trim() || null, followUpCampaignId: v.followUpCampaignId || null }),
    onSubmit: async (input) => {
      const saved = await update.mutateAsync(input);
      await writeQueryData(queryClient, trpc.organization.get.queryKey(), saved);
      await queryClient.invalidateQueries(trpc.account.pathFilter());
      form.reset(formValues(saved));
      toast('Organization settings saved');
    },
  });

  return (
    <Card aria-labelledby="org-details-title">
      <CardHeader id="org-details-title" title="Details" description="How your organization appears to your team and which currencies it trades in." />
      <form noValidate onSubmit={form.handleSubmit}>
        <fieldset disabled={!canEdit} className="contents">
          <CardBody className="space-y-6">
            {!canEdit && <Alert tone="info">Only owners and admins can change these settings.</Alert>}
            {form.formError && <Alert tone="error">{form.formError}</Alert>}
            <div className="grid gap-6 sm:grid-cols-2">
              <FormField id={form.id('name')} label="Organization name" error={form.error('name')}>
                <Input {...form.text('name')} autoComplete="organization" />
              </FormField>
              <FormField id={form.id('location')} label="Location" optional error={form.error('location')}>
                <Input {...form.text('location')} placeholder="City, country" />
              </FormField>
            </div>
            <FormField
              id={form.id('loanLinkUrl')}
              label="Loan link"
              optional
              hint="After a call, dealers can send this link to the customer (e.g. your financing application)."
              error={form.error('loanLinkUrl')}
            >
              <Input {...form.text('loanLinkUrl', { hint: true })} type="url" inputMode="url" placeholder="https://example.com/finance/apply" />
            </FormField>
            <FormField
              id={form.id('defaultCountry')}
              label="Country of phone numbers"
              hint="Contacts’ numbers written without a country code (+…) are read as numbers of this country."
              error={form.error('defaultCountry')}
              className="sm:max-w-md"
            >
              <Select {...form.text('defaultCountry', { hint: true })}>
                {/* Country names come from the browser's Intl data, which the server's may not match: listed once hydrated. */}
                {(hydrated ? COUNTRIES : COUNTRIES.filter((c) => c.code === form.values.defaultCountry)).map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name} ({c.code})
                  </option>
                ))}
              </Select>
            </FormField>
            {canReadCampaigns && (
              <FormField
                id={form.id('followUpCampaignId')}
                label="Follow up missed calls with"
                optional
                hint={
                  campaigns.isSuccess && continuous.length === 0
                    ? 'No continuous campaign yet: create one (Continuous: on) under Campaigns, then choose it here.'
                    : 'When a live call is missed or its connection is lost, the customer joins this continuous campaign’s group and gets its message.'
                }
                error={form.error('followUpCampaignId')}
                className="sm:max-w-md"
              >
                <Select {...form.text('followUpCampaignId', { hint: true })} disabled={campaigns.isPending}>
                  <option value="">{campaigns.isPending ? 'Loading campaigns…' : 'No follow-up'}</option>
                  {continuous.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name} ({c.status})
                    </option>
                  ))}
                </Select>
              </FormField>
            )}
            <CurrencyFields
              form={form}
              halfWidthBase
              disabled={!canEdit}
              baseHint="Reports and prices use this currency."
              listLabel="Accepted currencies"
              listHint="Search by code or name. The base currency is always accepted."
            />
          </CardBody>
          {canEdit && (
            <CardFooter>
              <Button variant="ghost" onClick={() => form.reset(formValues(organization))} disabled={form.submitting || !form.dirty}>
                Discard changes
              </Button>
              <Button type="submit" busy={form.submitting}>
                Save changes
              </Button>
            </CardFooter>
          )}
        </fieldset>
      </form>
    </Card>
  );
}
