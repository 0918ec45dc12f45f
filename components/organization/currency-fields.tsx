'use client';
// The base-currency select and the accepted-currencies picker, as the organization forms (create and settings) show them.
import type { z } from 'zod';
import type { useZodForm } from '@/components/forms/use-zod-form';
import { BaseCurrencySelect } from '@/components/organization/base-currency-select';
import { CurrencyPicker } from '@/components/organization/currency-picker';
import { FormField } from '@/components/ui/form-field';

type CurrencyValues = { baseCurrency: string; currencies: string[] };
type Form<V extends CurrencyValues> = ReturnType<typeof useZodForm<V, z.ZodType>>;

export function CurrencyFields<V extends CurrencyValues>(props: {
  form: Form<V>;
  baseHint: string;
  listLabel: string;
  listHint: string;
  listOptional?: boolean;
  disabled?: boolean;
  /** Keeps the select at half width beside nothing, as the settings card lays out its fields. */
  halfWidthBase?: boolean;
}) {
  const { form } = props;
  const base = (
    <FormField id={form.id('baseCurrency')} label="Base currency" hint={props.baseHint} error={form.error('baseCurrency')}>
      <BaseCurrencySelect {...form.text('baseCurrency', { hint: true })} disabled={props.disabled} />
    </FormField>
  );
  return (
    <>
      {props.halfWidthBase ? <div className="grid gap-6 sm:grid-cols-2">{base}</div> : base}
      <FormField id={form.id('currencies')} label={props.listLabel} optional={props.listOptional} hint={props.listHint} error={form.error('currencies')}>
        <CurrencyPicker
          id={form.id('currencies')}
          {...form.aria('currencies', { hint: true })}
          base={form.values.baseCurrency}
          value={form.values.currencies}
          onChange={(codes) => form.setValue('currencies', codes as V['currencies'])}
          onBlur={() => form.blur('currencies')}
          disabled={props.disabled}
        />
      </FormField>
    </>
  );
}
