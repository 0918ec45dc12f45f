// Phone numbers as people type them, stored in E.164 (libphonenumber-js: the maintained port of Google's metadata).
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { z } from 'zod';

// Numbers without a leading + are read as North American, the market of the dealers this was built for.
const DEFAULT_COUNTRY = 'US';

export const phoneInput = z
  .string()
  .trim()
  .max(40, 'must be at most 40 characters')
  .transform((value, ctx) => {
    const parsed = parsePhoneNumberFromString(value, DEFAULT_COUNTRY);
    if (!parsed || !parsed.isValid()) {
      ctx.addIssue({ code: 'custom', message: 'must be a valid phone number (with its country code when outside North America, e.g. +44 20 7946 0958)' });
      return z.NEVER;
    }
    return parsed.number as string;
  })
  .meta({ description: 'Phone number; stored and returned in E.164 (+15125550142)', example: '+1 512 555 0142' });

/** The digits of a search term, for matching inside stored E.164 numbers ("512-555" finds +15125550142). */
export const phoneDigits = (value: string) => value.replace(/\D+/g, '');

/**
 * A number as a person or a file wrote it, in E.164, or null when it is not a valid number. Without a leading + it is
 * read in `country` (ISO 3166 alpha-2, an organization's defaultCountry).
 */
export function toE164(value: string, country: string): string | null {
  const parsed = parsePhoneNumberFromString(value, country.toUpperCase() as CountryCode);
  return parsed && parsed.isValid() ? (parsed.number as string) : null;
}

/** Whether libphonenumber knows the country (an ISO 3166 alpha-2 code it has numbering metadata for). */
export const isPhoneCountry = (code: string) => isSupportedCountry(code.toUpperCase());

export const PHONE_HINT = 'must be a valid phone number (with its country code, e.g. +44 20 7946 0958, when it is not in the organization’s default country)';
