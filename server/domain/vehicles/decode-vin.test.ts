// The offline decoder against VINs whose vehicles are known: check digit, manufacturer, country, make, model, year.
import { describe, expect, it } from 'vitest';
import { decodeVin, requireValidVin } from './decode-vin';

describe('decodeVin', () => {
  it.each([
    ['1HGCM82633A004352', { make: 'Honda', model: 'Accord', modelYear: 2003, country: 'United States (USA)', manufacturer: 'AMERICAN HONDA MOTOR CO., INC.', carType: 'Coupe' }],
    ['KM8K2CAB4PU001140', { make: 'Hyundai', model: 'Kona', modelYear: 2023, country: 'South Korea', carType: 'SUV' }],
    ['2T1BURHEXJC043821', { make: 'Toyota', model: 'Corolla', modelYear: 2018, country: 'Canada', carType: 'Sedan' }],
    ['1FTFW1ET9DFC10312', { make: 'Ford', model: 'F-150', modelYear: 2013, country: 'United States (USA)', carType: 'Pickup', vehicleType: 'Truck' }],
    ['3VWFE21C04M000001', { make: 'Volkswagen', model: 'Beetle', modelYear: 2004, country: 'Mexico' }],
    ['1M8GDM9AXKP042788', { make: 'Motor Coach Industries', modelYear: 1989, carType: 'Bus' }],
  ])('decodes %s', async (vin, expected) => {
    const d = await decodeVin(vin);
    expect(d).toMatchObject({ vin, valid: true, problems: [], wmi: vin.slice(0, 3), checkDigit: { valid: true }, ...expected });
  });

  it('reads VINs as people type them: lower case, spaces and dashes', async () => {
    expect((await decodeVin(' 1hgcm8-2633a 004352 ')).vin).toBe('1HGCM82633A004352');
  });

  it('names the expected check digit when one character is mistyped', async () => {
    // One digit of the serial number mistyped (4 → 5): the check digit no longer matches.
    const d = await decodeVin('1HGCM82633A005352');
    expect(d.valid).toBe(false);
    expect(d.checkDigit).toEqual({ valid: false, expected: '8', actual: '3' });
    expect(d.problems).toEqual([expect.objectContaining({ code: 'check_digit', blocking: true, message: expect.stringContaining('should be 8') })]);
    // The vehicle is still decoded, so the customer can see what the typo decodes to.
    expect(d.make).toBe('Honda');
  });

  it('refuses the letters I, O and Q', async () => {
    const d = await decodeVin('1HGCM82633AO04352');
    expect(d.valid).toBe(false);
    expect(d.problems[0]).toMatchObject({ code: 'characters', blocking: true });
    expect(d.make).toBeNull();
  });

  it('accepts a well-formed VIN of a manufacturer missing from the register, saying so', async () => {
    const d = await decodeVin('9ZZZZZZZ2AZ123456');
    expect(d.valid).toBe(true);
    expect(d.problems).toEqual([expect.objectContaining({ code: 'unknown_manufacturer', blocking: false })]);
    expect(d.make).toBeNull();
  });

  it('requireValidVin answers 422 with the reasons, and the decode otherwise', async () => {
    await expect(requireValidVin('1HGCM82633A005352')).rejects.toMatchObject({ code: 'validation_failed', errors: [{ path: 'vin', message: expect.stringContaining('check digit') }] });
    await expect(requireValidVin('short', 'lead.vin')).rejects.toMatchObject({ code: 'validation_failed', errors: [{ path: 'lead.vin', message: 'must be 17 letters and digits' }] });
    expect((await requireValidVin('1HGCM82633A004352')).model).toBe('Accord');
  });
});
