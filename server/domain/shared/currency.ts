// ISO 4217 currency codes as the runtime's ICU knows them (no list to keep up to date by hand).
import { z } from 'zod';

export const CURRENCY_CODES: readonly string[] = Intl.supportedValuesOf('currency');
const codes = new Set(CURRENCY_CODES);

export const currencyCode = z
  .string()
  .transform((v) => v.trim().toUpperCase())
  .refine((v) => codes.has(v), { message: 'must be an ISO 4217 currency code (e.g. USD, EUR)' })
  .meta({ description: 'ISO 4217 currency code', example: 'USD' });
