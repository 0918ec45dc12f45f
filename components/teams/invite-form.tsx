'use client';
// Invites several people at once: one row per address with its role (paste a list to fill the rows). The batch goes
// whole or not at all; a refused row is marked where it is.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { readServerError, sentence } from '@/components/forms/server-error';
import { useTRPC } from '@/components/providers/trpc';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { errorId } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { useToast } from '@/components/ui/toast';
import { useOrganizationAccess } from '@/components/shell/use-organization-access';
import { mayGrant } from '@/server/domain/access/grant-rule';
import { organizationRoleOfInvite } from '@/server/domain/invites/invite-role';
import { createInvitesInput } from '@/server/domain/invites/invite.schema';

type Row = { email: string; role: 'member' | 'manager' };
const emptyRow = (): Row => ({ email: '', role: 'member' });

export function InviteForm({ teamId, teamName }: { teamId: string; teamName: string }) {
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const formId = useId();
  const [rows, setRows] = useState<Row[]>([emptyRow()]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const create = useMutation(trpc.invites.create.mutationOptions());
  // A manager invite makes a newcomer an organization manager: offered only to those who hold that role's permissions
  // (the server's grant rule decides; this spares a choice it would refuse).
  const { organization } = useOrganizationAccess();
  const permissions = organization.data?.permissions;
  const canInviteManagers = permissions !== undefined && mayGrant({ permissions: new Set(permissions) }, { role: organizationRoleOfInvite('manager') });

  const input = () => rows.map((r) => ({ email: r.email, teamId, role: r.role }));
  const validate = () => {
    const parsed = createInvitesInput.safeParse(input());
    const found: Record<string, string> = {};
    if (!parsed.success) for (const issue of parsed.error.issues) found[issue.path.map(String).join('.') || '(root)'] ??= sentence(issue.message);
    return found;
  };
  const update = (i: number, change: Partial<Row>) => setRows((list) => list.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const fieldId = (i: number) => `${formId}-email-${i}`;

  /** A pasted list ("a@x.com, b@y.com" or one per line) fills rows, keeping the role of the row it was pasted into. */
  const onPaste = (i: number, text: string) => {
    const emails = text.split(/[\s,;]+/).map((e) => e.trim()).filter(Boolean);
    if (emails.length < 2) return false;
    setRows((list) => [...list.slice(0, i), ...emails.map((email) => ({ email, role: list[i]!.role })), ...list.slice(i + 1)].filter((r, j, all) => r.email || j === all.length - 1));
    return true;
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const found = validate();
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      const index = Number.parseInt(first, 10);
      if (Number.isInteger(index)) document.getElementById(fieldId(index))?.focus();
      else setFormError(found[first]!);
      return;
    }
    try {
      const created = await create.mutateAsync(input());
      await queryClient.invalidateQueries(trpc.teams.settings.queryFilter({ id: teamId }));
      await queryClient.invalidateQueries(trpc.invites.pathFilter());
      toast(`${created.length} ${created.length === 1 ? 'invite' : 'invites'} sent to join ${teamName}`);
      setRows([emptyRow()]);
      setErrors({});
    } catch (err) {
      const server = readServerError(err);
      setErrors(Object.fromEntries(server.fieldErrors.map((f) => [f.path, sentence(f.message)])));
      setFormError(server.fieldErrors.length ? 'Nothing was sent. Fix the marked rows and send again.' : server.message);
    }
  };

  const rowError = (i: number) => errors[`${i}.email`] ?? errors[`${i}.role`] ?? errors[`${i}.teamId`];
  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <ol className="space-y-3" aria-label="People to invite">
        {rows.map((row, i) => {
          const error = rowError(i);
          return (
            <li key={i} className="grid grid-cols-[1fr_auto] gap-2 sm:grid-cols-[1fr_10rem_auto]">
              <div className="col-span-2 sm:col-span-1">
                <Input
                  id={fieldId(i)}
                  type="email"
                  aria-label={`Email ${i + 1}`}
                  placeholder="name@company.com"
                  value={row.email}
                  autoComplete="off"
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errorId(fieldId(i)) : undefined}
                  onChange={(e) => update(i, { email: e.target.value })}
                  onPaste={(e) => {
                    if (onPaste(i, e.clipboardData.getData('text'))) e.preventDefault();
                  }}
                />
                <FieldError id={errorId(fieldId(i))} message={error} />
              </div>
              <Select aria-label={`Role ${i + 1}`} value={row.role} onChange={(e) => update(i, { role: e.target.value as Row['role'] })}>
                <option value="member">Member</option>
                {(canInviteManagers || row.role === 'manager') && <option value="manager">Manager</option>}
              </Select>
              <Button variant="ghost" aria-label={`Remove row ${i + 1}`} disabled={rows.length === 1} onClick={() => setRows((list) => list.filter((_, j) => j !== i))}>
                ✕
              </Button>
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Button variant="secondary" size="sm" disabled={rows.length >= 50} onClick={() => setRows((list) => [...list, emptyRow()])}>
          + Add another
        </Button>
        <Button type="submit" busy={create.isPending}>
          Send {rows.length > 1 ? `${rows.length} invites` : 'invite'}
        </Button>
      </div>
      <p className="text-sm text-zinc-500">Tip: paste a list of addresses into a row to fill several at once.</p>
    </form>
  );
}
