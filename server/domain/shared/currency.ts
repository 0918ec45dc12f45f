// ISO 4217 currency codes as the runtime's ICU knows them (no list to keep up to date by hand).
import { z } from 'zod';
import './zod-messages';

export const CURRENCY_CODES: readonly string[] = Intl.supportedValuesOf('currency');
const codes = new Set(CURRENCY_CODES);

export const currencyCode = z
  .string()
  .transform((v) => v.trim().toUpperCase())
  .refine((v) => codes.has(v), { message: 'Choose a currency from the list (an ISO 4217 code such as USD or EUR)' })
  .meta({ description: 'ISO 4217 currency code', example: 'USD' });
