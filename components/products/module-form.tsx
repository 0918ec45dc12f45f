'use client';
// A training module's fields — name, target time, ordered instructions, keywords — validated inline with the same
// zod schema the server uses. Creates a module or edits one.
import { TagInput } from '@/components/forms/tag-input';
import { TextListInput } from '@/components/forms/text-list-input';
import { useZodForm } from '@/components/forms/use-zod-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { describeSeconds } from '@/components/coaching/format';
import { createModuleInput, MODULE_LIMITS, type ModuleDto } from '@/server/domain/products/product.schema';
import type { z } from 'zod';

export type ModuleFields = z.output<typeof createModuleInput>;

const blank = { name: '', targetTime: '90', instructions: [] as string[], keywords: [] as string[] };

export function ModuleForm(props: { module?: ModuleDto; submitLabel: string; onSubmit: (input: ModuleFields) => Promise<unknown>; onCancel?: () => void; onDone?: () => void }) {
  const initialValues = props.module
    ? { name: props.module.name, targetTime: String(props.module.targetTime), instructions: props.module.instructions, keywords: props.module.keywords }
    : blank;
  const form = useZodForm({
    schema: createModuleInput,
    initialValues,
    // A number field that is not a number stays a string, so the schema says what is wrong with it.
    toInput: (v) => ({
      name: v.name,
      targetTime: v.targetTime.trim() === '' || Number.isNaN(Number(v.targetTime)) ? v.targetTime : Number(v.targetTime),
      instructions: v.instructions,
      keywords: v.keywords,
    }),
    onSubmit: async (input) => {
      await props.onSubmit(input);
      if (!props.module) form.reset(blank);
      props.onDone?.();
    },
  });
  const seconds = Number(form.values.targetTime);
  return (
    <form noValidate onSubmit={form.handleSubmit} className="space-y-5">
      {form.formError && <Alert tone="error">{form.formError}</Alert>}
      <div className="grid gap-5 sm:grid-cols-3">
        <FormField id={form.id('name')} label="Module name" error={form.error('name')} className="sm:col-span-2">
          <Input {...form.text('name')} placeholder="e.g. Discovery call" autoComplete="off" />
        </FormField>
        <FormField
          id={form.id('targetTime')}
          label="Target time (seconds)"
          hint={Number.isFinite(seconds) && seconds > 0 ? `That is ${describeSeconds(seconds)}.` : `${MODULE_LIMITS.minTargetTime}–${MODULE_LIMITS.maxTargetTime} seconds.`}
          error={form.error('targetTime')}
        >
          <Input {...form.text('targetTime', { hint: true })} type="number" inputMode="numeric" min={MODULE_LIMITS.minTargetTime} max={MODULE_LIMITS.maxTargetTime} step={1} />
        </FormField>
      </div>
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium text-zinc-800">Instructions</legend>
        <p className="mb-3 text-sm text-zinc-500">What the rep should do, step by step, in order.</p>
        <TextListInput
          id={form.id('instructions')}
          label="Instructions"
          itemLabel={(i) => `Step ${i + 1}`}
          value={form.values.instructions}
          onChange={(v) => form.setValue('instructions', v)}
          onBlur={() => form.blur('instructions')}
          errorOf={(i) => form.errors[`instructions.${i}`]}
          addLabel="Add a step"
          max={MODULE_LIMITS.instructions}
        />
        {form.errors.instructions && <p className="mt-1.5 text-sm text-red-600">{form.errors.instructions}</p>}
      </fieldset>
      <FormField id={form.id('keywords')} label="Keywords" optional hint="Words and phrases the pitch should contain. Press Enter or comma after each." error={form.error('keywords')}>
        <TagInput id={form.id('keywords')} value={form.values.keywords} onChange={(v) => form.setValue('keywords', v)} onBlur={() => form.blur('keywords')} placeholder="e.g. free trial" {...form.aria('keywords', { hint: true })} />
      </FormField>
      <div className="flex justify-end gap-3">
        {props.onCancel && (
          <Button variant="secondary" onClick={props.onCancel}>
            Cancel
          </Button>
        )}
        <Button type="submit" busy={form.submitting}>
          {props.submitLabel}
        </Button>
      </div>
    </form>
  );
}
