'use client';
// How long a pitch took, typed as m:ss or seconds: plain-text words without a recording need it for pace and length.
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';

/** Seconds from "1:30", "90" or "90.5"; null when empty; undefined when it cannot be read. */
export function parsePitchLength(text: string): number | null | undefined {
  const t = text.trim();
  if (!t) return null;
  const clock = /^(\d{1,3}):([0-5]\d)$/.exec(t);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]) || undefined;
  if (/^\d{1,5}(\.\d{1,2})?$/.test(t)) return Number(t) || undefined;
  return undefined;
}

export function PitchLengthField({ id, value, onChange, error }: { id: string; value: string; onChange: (value: string) => void; error?: string | null }) {
  return (
    <FormField id={id} label="How long it took" optional hint="As m:ss or seconds, e.g. 1:30. Without a recording, pace and length are scored only with it." error={error}>
      <Input id={id} value={value} onChange={(e) => onChange(e.target.value)} inputMode="decimal" placeholder="1:30" className="max-w-32" {...(error ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : { 'aria-describedby': `${id}-hint` })} />
    </FormField>
  );
}

export const PITCH_LENGTH_PROBLEM = 'Write the length as m:ss or seconds, e.g. 1:30 or 90.';
