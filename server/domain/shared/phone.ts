// Phone numbers as people type them, stored in E.164 (libphonenumber-js: the maintained port of Google's metadata).
import { parsePhoneNumberFromString } from 'libphonenumber-js';
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
