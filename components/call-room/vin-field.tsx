'use client';
// The VIN box of the customer's page: checked as it is typed, with the decoded vehicle (or what is wrong) shown at once.
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTRPC } from '@/components/providers/trpc';
import { Spinner } from '@/components/ui/spinner';
import { normalizeVin } from '@/server/domain/vehicles/vin.schema';
import type { VinDecode } from '@/server/domain/vehicles/vin.schema';

export function describeVehicle(d: VinDecode) {
  return [d.modelYear, d.make, d.model].filter(Boolean).join(' ') || 'A vehicle we could not identify';
}

/** The decode of what is typed, once it is 17 characters; `ready` when it may be sent. */
export function useVinCheck(vin: string) {
  const trpc = useTRPC();
  const normalized = normalizeVin(vin);
  const complete = /^[A-Z0-9]{17}$/.test(normalized);
  const decode = useQuery(trpc.callRoom.decodeVin.queryOptions({ vin: normalized }, { enabled: complete, staleTime: Infinity }));
  return { normalized, complete, decode, ready: complete && decode.data?.valid === true };
}

export function VinField({ value, onChange, check, submitted }: { value: string; onChange: (v: string) => void; check: ReturnType<typeof useVinCheck>; submitted: boolean }) {
  const id = useId();
  const { normalized, complete, decode } = check;
  const tooLong = normalized.length > 17;
  const badChars = /[^A-Z0-9]/.test(normalized);
  const problem = badChars
    ? 'A VIN has only letters and digits'
    : tooLong
      ? `A VIN has 17 characters; this has ${normalized.length}`
      : decode.data && !decode.data.valid
        ? `This VIN ${decode.data.problems.filter((p) => p.blocking).map((p) => p.message).join('; ')}`
        : submitted && !complete
          ? `Enter all 17 characters (${normalized.length} so far)`
          : null;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
        Vehicle identification number (VIN) <span className="font-normal text-zinc-500">· 17 characters</span>
      </label>
      <input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
        inputMode="text"
        maxLength={24}
        // Short enough to show whole on the narrowest phone; the label says how long a VIN is.
        placeholder="e.g. 1HGCM82633A004352"
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-status`}
        className="block h-12 w-full rounded-xl border-0 bg-white px-4 font-mono text-base tracking-wider text-zinc-900 uppercase shadow-sm ring-1 ring-zinc-300 ring-inset placeholder:font-sans placeholder:tracking-normal placeholder:text-zinc-400 placeholder:normal-case focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:outline-none aria-invalid:ring-red-400"
      />
      <div id={`${id}-status`} aria-live="polite" className="min-h-5 text-sm">
        {problem ? (
          <p className="text-red-700">{problem}</p>
        ) : complete && decode.isFetching ? (
          <p className="flex items-center gap-2 text-zinc-500">
            <Spinner /> Checking the VIN…
          </p>
        ) : decode.data?.valid ? (
          <p className="font-medium text-emerald-700">
            ✓ {describeVehicle(decode.data)}
            {decode.data.country ? <span className="font-normal text-zinc-500"> · built in {decode.data.country}</span> : null}
          </p>
        ) : (
          <p className="text-zinc-500">On the windshield at the driver’s side, or on the door frame.</p>
        )}
      </div>
    </div>
  );
}
