'use client';
// A contact's fields, for creating one and for editing one: validated by the server's own schema as you go; the
// phone is stored in E.164 (written without + it is read in the organization's country).
import { useZodForm } from '@/components/forms/use-zod-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CardBody, CardFooter } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { controlClass } from '@/components/ui/input';
import { cx } from '@/components/ui/cx';
import { createContactInput, type ContactDto } from '@/server/domain/contacts/contact.schema';

type Values = { firstName: string; lastName: string; phone: string; email: string; address: string; custom1: string; custom2: string; custom3: string; description: string };
const EMPTY: Values = { firstName: '', lastName: '', phone: '', email: '', address: '', custom1: '', custom2: '', custom3: '', description: '' };

const valuesOf = (c?: ContactDto): Values => (c ? { ...EMPTY, ...Object.fromEntries(Object.keys(EMPTY).map((k) => [k, (c[k as keyof ContactDto] as string | null) ?? ''])) } : EMPTY);

export function ContactForm(props: { contact?: ContactDto; submitLabel: string; onSubmit: (input: Record<string, string | null>) => Promise<unknown>; onCancel?: () => void }) {
  const form = useZodForm({
    schema: createContactInput,
    initialValues: valuesOf(props.contact),
    toInput: (v) => Object.fromEntries(Object.entries(v).map(([k, value]) => [k, k === 'firstName' || k === 'phone' ? value : value.trim() || null])),
    onSubmit: async (input) => {
      await props.onSubmit(input as Record<string, string | null>);
      if (!props.contact) form.reset(EMPTY);
    },
  });
  const field = (name: keyof Values, label: string, opts: { optional?: boolean; hint?: string; type?: string; placeholder?: string; autoComplete?: string; className?: string } = {}) => (
    <FormField id={form.id(name)} label={label} optional={opts.optional} hint={opts.hint} error={form.error(name)} className={opts.className}>
      <Input {...form.text(name, { hint: !!opts.hint })} type={opts.type ?? 'text'} placeholder={opts.placeholder} autoComplete={opts.autoComplete ?? 'off'} />
    </FormField>
  );
  return (
    <form noValidate onSubmit={form.handleSubmit}>
      <CardBody className="grid gap-5 sm:grid-cols-2">
        {form.formError && <Alert tone="error" className="sm:col-span-2">{form.formError}</Alert>}
        {field('firstName', 'First name', { autoComplete: 'given-name' })}
        {field('lastName', 'Last name', { optional: true, autoComplete: 'family-name' })}
        {field('phone', 'Phone', { type: 'tel', hint: 'Any formatting; without + it is read in your organization’s country.', placeholder: '+1 512 555 0142' })}
        {field('email', 'Email', { optional: true, type: 'email' })}
        {field('address', 'Address', { optional: true, className: 'sm:col-span-2' })}
        {field('custom1', 'Custom 1', { optional: true, hint: 'Merge field {{custom1}}' })}
        {field('custom2', 'Custom 2', { optional: true, hint: 'Merge field {{custom2}}' })}
        {field('custom3', 'Custom 3', { optional: true, hint: 'Merge field {{custom3}}' })}
        <FormField id={form.id('description')} label="Description" optional error={form.error('description')} className="sm:col-span-2">
          <textarea {...form.text('description')} rows={3} className={cx(controlClass, 'py-2')} />
        </FormField>
      </CardBody>
      <CardFooter>
        {props.onCancel && (
          <Button variant="secondary" onClick={props.onCancel}>
            Cancel
          </Button>
        )}
        <Button type="submit" busy={form.submitting}>
          {props.submitLabel}
        </Button>
      </CardFooter>
    </form>
  );
}
