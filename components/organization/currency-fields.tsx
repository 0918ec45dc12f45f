'use client';
// The base-currency select and the accepted-currencies picker, as the organization forms (create and settings) show them.
// Changing the base keeps the old one accepted, and says so: dropping a currency the organization took is the
// person's call, made with one click on its chip, never a side effect.
import { useState } from 'react';
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
  const [kept, setKept] = useState<string | null>(null);
  const changeBase = (next: string) => {
    const previous = form.values.baseCurrency;
    form.setValue('baseCurrency', next as V['baseCurrency']);
    if (!previous || previous === next) return;
    if (!form.values.currencies.includes(previous)) form.setValue('currencies', [previous, ...form.values.currencies] as V['currencies']);
    setKept(previous);
  };
  // The note lasts while the old base is still in the list; removing its chip is the answer to it.
  const note = kept && kept !== form.values.baseCurrency && form.values.currencies.includes(kept) ? `${kept} stays accepted. Remove it below if you no longer take it.` : null;
  const base = (
    <FormField id={form.id('baseCurrency')} label="Base currency" hint={note ?? props.baseHint} error={form.error('baseCurrency')}>
      <BaseCurrencySelect {...form.text('baseCurrency', { hint: true })} onChange={(e) => changeBase(e.target.value)} disabled={props.disabled} />
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
