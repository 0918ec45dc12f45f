'use client';
// A menu of the organization's roles — the built-in four, then the custom ones — where roles the signed-in person may
// not give (the grant rule, asked here as the server asks it) are shown but cannot be chosen.
import type { Permission } from '@/server/auth/permissions';
import type { RoleDto } from '@/server/domain/roles/role.schema';
import { Select } from '@/components/ui/select';
import { useRoles } from '@/components/roles/use-roles';

export function RoleSelect(props: { id?: string; label?: string; value: string; onChange: (roleId: string) => void; grants?: readonly Permission[]; disabled?: boolean; className?: string; describedBy?: string }) {
  const { roles, mayGive } = useRoles();
  const list: RoleDto[] = roles.data ?? [];
  const builtIn = list.filter((r) => r.builtIn);
  const custom = list.filter((r) => !r.builtIn);
  const option = (r: RoleDto) => (
    <option key={r.id} value={r.id} disabled={r.id !== props.value && !mayGive(r, props.grants)}>
      {r.name}
    </option>
  );
  return (
    <Select
      id={props.id}
      aria-label={props.label}
      aria-describedby={props.describedBy}
      className={props.className}
      value={props.value}
      disabled={props.disabled || roles.data === undefined}
      onChange={(e) => props.onChange(e.target.value)}
    >
      {roles.data === undefined && <option value={props.value}>Loading roles…</option>}
      {builtIn.map(option)}
      {custom.length > 0 && <optgroup label="Custom roles">{custom.map(option)}</optgroup>}
    </Select>
  );
}
