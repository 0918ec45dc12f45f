'use client';
// ISO 4217 codes with English names from the browser's Intl data. During server rendering and hydration the list
// is empty: Node's and the browser's ICU can differ, and a mismatch would break hydration.
import { useSyncExternalStore } from 'react';
import { CURRENCY_CODES } from '@/server/domain/shared/currency';

export type CurrencyOption = { code: string; name: string };

let cached: CurrencyOption[] | null = null;

export function currencyName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'currency' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function clientOptions(): CurrencyOption[] {
  cached ??= CURRENCY_CODES.map((code) => ({ code, name: currencyName(code) }));
  return cached;
}

const EMPTY: CurrencyOption[] = [];
const subscribe = () => () => {};

export function useCurrencyOptions(): CurrencyOption[] {
  return useSyncExternalStore(subscribe, clientOptions, () => EMPTY);
}

/** Options whose code starts with the query come first, then those whose name contains it. */
export function filterCurrencies(options: CurrencyOption[], query: string): CurrencyOption[] {
  const q = query.trim().toLowerCase();
  if (!q) return options;
  const byCode = options.filter((o) => o.code.toLowerCase().startsWith(q));
  const byName = options.filter((o) => !o.code.toLowerCase().startsWith(q) && o.name.toLowerCase().includes(q));
  return [...byCode, ...byName];
}
