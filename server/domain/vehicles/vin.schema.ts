// Shapes of VINs: the input as people type it (spaces, dashes, lower case) and the decoded vehicle.
import { z } from 'zod';

/** Upper case without spaces or dashes: how VINs are printed on windshields and typed by customers. */
export const normalizeVin = (value: string) => value.replace(/[\s-]+/g, '').toUpperCase();

export const vinInput = z
  .string()
  .max(64, 'must be a 17-character VIN')
  .transform(normalizeVin)
  .refine((v) => /^[A-Z0-9]{17}$/.test(v), { message: 'must be 17 letters and digits' })
  .meta({ description: 'Vehicle identification number (17 characters; spaces, dashes and case are ignored)', example: '1HGCM82633A004352' });

export const vinProblemDto = z.object({
  code: z.enum(['characters', 'check_digit', 'model_year', 'unknown_manufacturer', 'no_pattern']),
  message: z.string(),
  blocking: z.boolean().meta({ description: 'true when the VIN cannot be accepted for a call or lead' }),
});

export const vinDecodeDto = z
  .object({
    vin: z.string(),
    valid: z.boolean().meta({ description: 'Well formed, check digit right (49 CFR 565) and a model year in position 10' }),
    problems: z.array(vinProblemDto),
    checkDigit: z.object({ valid: z.boolean(), expected: z.string(), actual: z.string() }).nullable(),
    wmi: z.string().meta({ description: 'World manufacturer identifier: the first three characters (six for small makers)' }),
    manufacturer: z.string().nullable(),
    make: z.string().nullable(),
    model: z.string().nullable(),
    modelYear: z.number().int().nullable(),
    country: z.string().nullable(),
    vehicleType: z.string().nullable().meta({ description: 'NHTSA vehicle type, e.g. Passenger Car, Truck' }),
    bodyStyle: z.string().nullable().meta({ description: 'Sedan, SUV, Pickup, …' }),
    carType: z.string().nullable().meta({ description: 'What lists filter on as carType: the body style, else the vehicle type' }),
    trim: z.string().nullable(),
    series: z.string().nullable(),
    fuelType: z.string().nullable(),
    doors: z.string().nullable(),
  })
  .meta({ id: 'VinDecode' });

export type VinDecode = z.infer<typeof vinDecodeDto>;
export type VinProblem = z.infer<typeof vinProblemDto>;
