// The filters of API.md §4 shared by calls and leads (name, phone, status, car type/make/model, VIN, dealer, date
// range in a zone), parsed once; call-filter-sql.ts turns them into each table's where-clause.
import { z } from 'zod';
import { dateRangeInput, type DateRange } from '../shared/date-range';
import { commaList } from '../shared/list-filters';
import { phoneDigits } from '../shared/phone';
import { singleLineText } from '../shared/single-line-text';
import { normalizeVin } from '../vehicles/vin.schema';
import { callStatusEnum, type CallStatus } from './call.schema';

const carValue = singleLineText({ max: 100 });

export const callFiltersInput = z
  .object({
    name: singleLineText({ max: 100 }).optional().meta({ description: "Part of the customer's first or last name (any case); several words must all match" }),
    phone: z
      .string()
      .max(40)
      .optional()
      .refine((v) => !v || phoneDigits(v).length >= 3, { message: 'must contain at least 3 digits' })
      .meta({ description: 'Digits found anywhere in the phone number' }),
    status: commaList(callStatusEnum, 5).optional().meta({ description: 'Any of requested, active, completed, missed, expired (comma list)' }),
    carType: commaList(carValue).optional().meta({ description: 'Any of these body styles or vehicle types, e.g. SUV,Pickup (any case)' }),
    carMake: commaList(carValue).optional().meta({ description: 'Any of these makes, e.g. Toyota,Honda (any case)' }),
    carModel: commaList(carValue).optional().meta({ description: 'Any of these models, e.g. Corolla (any case)' }),
    vin: z
      .string()
      .max(40)
      .transform(normalizeVin)
      .refine((v) => /^[A-Z0-9]{1,17}$/.test(v), { message: 'must be up to 17 letters and digits' })
      .optional()
      .meta({ description: 'A whole VIN, or its beginning' }),
    dealerId: commaList(z.uuid('must be a user id')).optional().meta({ description: 'Any of these dealers (user ids, comma list)' }),
    from: z.string().optional(),
    to: z.string().optional(),
    tz: z.string().optional(),
    timezoneoffset: z.union([z.string(), z.number()]).optional(),
  })
  .strict();

export type CallFiltersInput = z.input<typeof callFiltersInput>;

export type CallFilters = {
  nameWords: string[];
  phoneDigits?: string;
  status?: CallStatus[];
  carType?: string[];
  carMake?: string[];
  carModel?: string[];
  vin?: string;
  dealerIds?: string[];
  range: DateRange;
};

const upper = (list: string[] | undefined) => (list?.length ? [...new Set(list.map((v) => v.toUpperCase()))] : undefined);

export function parseCallFilters(raw: CallFiltersInput | undefined): CallFilters {
  const f = callFiltersInput.parse(raw ?? {});
  // The date range has its own validation (and messages) for from/to/tz/timezoneoffset.
  const range = dateRangeInput.parse({ from: f.from, to: f.to, tz: f.tz, timezoneoffset: f.timezoneoffset });
  return {
    nameWords: (f.name ?? '').split(/\s+/).filter(Boolean).slice(0, 5),
    phoneDigits: f.phone ? phoneDigits(f.phone) : undefined,
    status: f.status?.length ? f.status : undefined,
    carType: upper(f.carType),
    carMake: upper(f.carMake),
    carModel: upper(f.carModel),
    vin: f.vin || undefined,
    dealerIds: f.dealerId?.length ? f.dealerId : undefined,
    range,
  };
}
