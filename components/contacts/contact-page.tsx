'use client';
// /{org}/contacts/{id}: one contact — edit its fields, see and change its groups, delete it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { readServerError } from '@/components/forms/server-error';
import { useTRPC } from '@/components/providers/trpc';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { PageHeader } from '@/components/ui/page-header';
import { QueryState } from '@/components/ui/query-state';
import { Select } from '@/components/ui/select';
import { useToast } from '@/components/ui/toast';
import { ContactForm } from './contact-form';
import { contactName } from './contacts-list';

export function ContactPage({ organizationId, contactId }: { organizationId: string; contactId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const { can } = useOrganizationAccess();
  const manage = can('contacts:manage');
  const contact = useQuery(trpc.contacts.get.queryOptions({ id: contactId }));
  const groups = useQuery(trpc.contacts.groupChoices.queryOptions());
  const update = useMutation(trpc.contacts.update.mutationOptions());
  const remove = useMutation(trpc.contacts.delete.mutationOptions());
  const addToGroup = useMutation(trpc.contacts.addToGroup.mutationOptions());
  const removeFromGroup = useMutation(trpc.contacts.removeFromGroup.mutationOptions());
  const [target, setTarget] = useState('');
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries(trpc.contacts.pathFilter());

  return (
    <QueryState query={contact} loadingLabel="Loading the contact" frame="page">
      {(c) => (
        <>
          <PageHeader
            eyebrow="Contact"
            title={contactName(c)}
            description={<><Link href={`/${organizationId}/contacts`} className="text-accent-700 underline underline-offset-2">All contacts</Link> · {c.phone}{c.email ? ` · ${c.email}` : ''}</>}
            action={manage ? <Button variant="danger" onClick={() => setConfirming(true)}>Delete contact</Button> : undefined}
          />
          <div className="grid gap-6 lg:grid-cols-3">
            <Card className="lg:col-span-2" aria-labelledby="contact-details">
              <CardHeader id="contact-details" title="Details" description={manage ? 'Changes are saved when you press Save.' : undefined} />
              {manage ? (
                <ContactForm
                  key={c.updatedAt}
                  contact={c}
                  submitLabel="Save"
                  onSubmit={async (input) => {
                    await update.mutateAsync({ id: c.id, patch: input as never });
                    toast('Contact saved');
                    await refresh();
                  }}
                />
              ) : (
                <CardBody>
                  <dl className="grid gap-3 text-sm sm:grid-cols-2">
                    {(['address', 'custom1', 'custom2', 'custom3', 'description'] as const).map((k) => (
                      <div key={k}><dt className="text-zinc-500">{k}</dt><dd className="break-words text-zinc-900">{c[k] ?? '—'}</dd></div>
                    ))}
                  </dl>
                </CardBody>
              )}
            </Card>
            <Card aria-labelledby="contact-groups">
              <CardHeader id="contact-groups" title="Groups" description={c.groups.length === 0 ? 'Not in any group yet.' : undefined} />
              <CardBody className="space-y-4">
                {c.groups.length > 0 && (
                  <ul className="divide-y divide-zinc-100">
                    {c.groups.map((g) => (
                      <li key={g.id} className="flex items-center justify-between gap-3 py-2">
                        <Link href={`/${organizationId}/contacts/groups/${g.id}`} className="min-w-0 break-words text-sm font-medium text-zinc-900 hover:underline">{g.name}</Link>
                        {manage && (
                          <Button size="sm" variant="ghost" aria-label={`Remove from ${g.name}`} onClick={async () => {
                            await removeFromGroup.mutateAsync({ ids: [c.id], groupId: g.id });
                            await refresh();
                          }}>Remove</Button>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
                {manage && (
                  <div className="flex gap-2">
                    <label htmlFor="add-to-group" className="sr-only">Group</label>
                    <Select id="add-to-group" value={target} onChange={(e) => setTarget(e.target.value)} className="min-w-0 flex-1">
                      <option value="">Add to a group…</option>
                      {groups.data?.filter((g) => !c.groups.some((m) => m.id === g.id)).map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
                    </Select>
                    <Button variant="secondary" disabled={!target} busy={addToGroup.isPending} onClick={async () => {
                      try {
                        await addToGroup.mutateAsync({ ids: [c.id], groupId: target });
                        setTarget('');
                        await refresh();
                      } catch (e) {
                        toast(readServerError(e).message, 'error');
                      }
                    }}>Add</Button>
                  </div>
                )}
              </CardBody>
            </Card>
          </div>
          <ConfirmDialog
            open={confirming}
            title={`Delete ${contactName(c)}?`}
            description="The contact leaves every group. This cannot be undone."
            confirmLabel="Delete contact"
            busy={remove.isPending}
            onCancel={() => setConfirming(false)}
            onConfirm={async () => {
              await remove.mutateAsync({ id: c.id });
              toast(`${contactName(c)} deleted`);
              await refresh();
              router.push(`/${organizationId}/contacts`);
            }}
          />
        </>
      )}
    </QueryState>
  );
}
