'use client';
// Picks the organization's base currency from every ISO 4217 code, shown with its name.
import type { SelectHTMLAttributes } from 'react';
import { Select } from '@/components/ui/select';
import { useCurrencyOptions } from './currency-options';

export function BaseCurrencySelect({ value, ...rest }: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'> & { value: string }) {
  const options = useCurrencyOptions();
  // Until the browser's list is ready (first render), the current value still shows as the only option.
  return (
    <Select value={value} {...rest}>
      {options.length ? (
        options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.code} — {o.name}
          </option>
        ))
      ) : (
        <option value={value}>{value}</option>
      )}
    </Select>
  );
}
