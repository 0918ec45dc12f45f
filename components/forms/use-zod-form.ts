'use client';
// Form state validated by the same zod schema as the server: on blur per field, on submit for all, merged with
// the server's field errors (paths such as `currencies.1` show under `currencies`). Unsaved input is guarded: leaving
// the page through a link or closing the tab asks first (see unsaved-changes.tsx).
import { useCallback, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { z } from 'zod';
import { describedBy } from '@/components/ui/form-field';
import { readServerError, sentence } from './server-error';
import { useUnsavedChanges } from './unsaved-changes';

export type FieldErrors = Record<string, string>;

type Options<TValues extends Record<string, unknown>, TSchema extends z.ZodType> = {
  schema: TSchema;
  initialValues: TValues;
  /** Shapes form values into the schema's input, e.g. an empty optional field becomes undefined or null. */
  toInput?: (values: TValues) => unknown;
  /** Rules the schema cannot state because they span form-only fields, such as "passwords match". */
  check?: (values: TValues) => FieldErrors;
  onSubmit: (input: z.output<TSchema>, values: TValues) => Promise<unknown> | unknown;
  /** Whether leaving with unsaved input asks first (default true); off for forms whose input is not work, like sign-in. */
  guard?: boolean;
};

const sameValues = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const under = (path: string, field: string) => path === field || path.startsWith(`${field}.`);
const topField = (path: string) => path.split('.')[0]!;

export function useZodForm<TValues extends Record<string, unknown>, TSchema extends z.ZodType>(opts: Options<TValues, TSchema>) {
  const formId = useId();
  const [values, setValues] = useState<TValues>(opts.initialValues);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const latest = useRef(opts);
  latest.current = opts;

  const validate = useCallback((v: TValues) => {
    const { schema, toInput, check } = latest.current;
    const found: FieldErrors = {};
    const parsed = schema.safeParse(toInput ? toInput(v) : v);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join('.') || '(root)';
        found[path] ??= sentence(issue.message);
      }
    }
    for (const [path, message] of Object.entries(check?.(v) ?? {})) found[path] ??= message;
    return { found, data: parsed.success ? (parsed.data as z.output<TSchema>) : undefined };
  }, []);

  /** Replaces the shown errors of one field with what validation says about it now. */
  const refreshField = useCallback(
    (field: string, v: TValues) => {
      const { found } = validate(v);
      setErrors((shown) => {
        const next = Object.fromEntries(Object.entries(shown).filter(([p]) => !under(p, field)));
        for (const [p, m] of Object.entries(found)) if (under(p, field)) next[p] = m;
        return next;
      });
    },
    [validate],
  );

  const valuesRef = useRef(values);
  // What the form holds on the server side: its initial values, then whatever was last saved or reset to.
  const baseline = useRef(opts.initialValues);
  const submittingRef = useRef(false);
  // While a submit is under way nothing is at risk: it may itself navigate away (sign-up, create organization).
  const isDirty = useCallback(() => !submittingRef.current && !sameValues(valuesRef.current, baseline.current), []);
  useUnsavedChanges(isDirty, opts.guard ?? true);
  const errorsRef = useRef(errors);
  errorsRef.current = errors;
  // Leaving a field the user never changed says nothing yet; after the first submit every blur validates.
  const edited = useRef(new Set<string>());
  const submitted = useRef(false);

  const setValue = <K extends keyof TValues & string>(name: K, value: TValues[K]) => {
    const next = { ...valuesRef.current, [name]: value };
    valuesRef.current = next;
    edited.current.add(name);
    setValues(next);
    // Once a field shows an error it is re-checked as the user types, so the message goes away when fixed.
    if (Object.keys(errorsRef.current).some((p) => under(p, name))) refreshField(name, next);
  };

  const id = (name: keyof TValues & string) => `${formId}-${name}`;
  const error = (name: string): string | undefined => errors[name] ?? Object.entries(errors).find(([p]) => under(p, name))?.[1];
  const blur = (name: keyof TValues & string) => {
    if (edited.current.has(name) || submitted.current) refreshField(name, valuesRef.current);
  };

  /** aria-invalid and aria-describedby for a control, pointing at its hint and error. */
  const aria = (name: keyof TValues & string, opts: { hint?: boolean } = {}) => describedBy(id(name), { hint: opts.hint, error: error(name) });

  /** Props for a text-like input bound to a string field, aria included. */
  const text = (name: keyof TValues & string, opts: { hint?: boolean } = {}) => ({
    ...aria(name, opts),
    id: id(name),
    name,
    value: (values[name] as string | null | undefined) ?? '',
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => setValue(name, e.target.value as TValues[typeof name]),
    onBlur: () => blur(name),
  });

  const applyServerError = (err: unknown) => {
    const server = readServerError(err);
    const fields = Object.keys(latest.current.initialValues);
    const mine = server.fieldErrors.filter((f) => fields.includes(topField(f.path)));
    const others = server.fieldErrors.filter((f) => !fields.includes(topField(f.path)));
    setErrors(Object.fromEntries(mine.map((f) => [f.path, sentence(f.message)])));
    // Issues about fields this form does not show are read out as sentences; their paths mean nothing to a person.
    setFormError(mine.length && !others.length ? null : others.length ? others.map((f) => sentence(f.message)).join(' ') : server.message);
    if (mine[0]) focusField(topField(mine[0].path));
    return server;
  };

  const focusField = (name: string) => document.getElementById(`${formId}-${name}`)?.focus();

  const handleSubmit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (submitting) return;
    submitted.current = true;
    setFormError(null);
    const { found, data } = validate(valuesRef.current);
    setErrors(found);
    const firstField = Object.keys(found)[0];
    if (firstField || data === undefined) {
      if (firstField && document.getElementById(`${formId}-${topField(firstField)}`)) focusField(topField(firstField));
      else if (found['(root)']) setFormError(found['(root)']);
      return;
    }
    setSubmitting(true);
    submittingRef.current = true;
    try {
      await latest.current.onSubmit(data, valuesRef.current);
      // Saved: what the form holds now is what the server has (onSubmit may also have reset it to the saved values).
      baseline.current = valuesRef.current;
    } catch (err) {
      applyServerError(err);
    } finally {
      submittingRef.current = false;
      setSubmitting(false);
    }
  };

  const reset = (next: TValues = latest.current.initialValues) => {
    valuesRef.current = next;
    baseline.current = next;
    edited.current.clear();
    submitted.current = false;
    setValues(next);
    setErrors({});
    setFormError(null);
  };

  /** The form holds input that is not saved yet. */
  const dirty = !sameValues(values, baseline.current);

  return { values, setValue, errors, error, formError, setFormError, submitting, dirty, id, aria, text, blur, handleSubmit, applyServerError, reset };
}
