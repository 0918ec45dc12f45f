'use client';
// An ordered list of short texts (a module's instructions): edit each line, add, remove, move up or down.
import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { errorId } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';

type Props = {
  id: string;
  label: string;
  itemLabel: (index: number) => string;
  value: string[];
  onChange: (value: string[]) => void;
  onBlur?: () => void;
  errorOf: (index: number) => string | undefined;
  addLabel: string;
  max: number;
};

export function TextListInput(props: Props) {
  const hint = useId();
  const move = (from: number, to: number) => {
    const next = [...props.value];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    props.onChange(next);
  };
  return (
    <div>
      <ol className="space-y-2" aria-describedby={hint}>
        {props.value.map((item, i) => {
          const error = props.errorOf(i);
          const inputId = i === 0 ? props.id : `${props.id}-${i}`;
          return (
            <li key={i} className="flex items-start gap-2">
              <span aria-hidden className="mt-2.5 w-5 shrink-0 text-right text-sm text-zinc-500 tabular-nums">
                {i + 1}.
              </span>
              <div className="min-w-0 flex-1">
                <Input
                  id={inputId}
                  aria-label={props.itemLabel(i)}
                  value={item}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errorId(inputId) : undefined}
                  onChange={(e) => props.onChange(props.value.map((v, j) => (j === i ? e.target.value : v)))}
                  onBlur={props.onBlur}
                />
                <FieldError id={errorId(inputId)} message={error} />
              </div>
              <div className="flex shrink-0 gap-0.5">
                <Button variant="ghost" size="sm" aria-label={`Move ${props.itemLabel(i).toLowerCase()} up`} disabled={i === 0} onClick={() => move(i, i - 1)}>
                  ↑
                </Button>
                <Button variant="ghost" size="sm" aria-label={`Move ${props.itemLabel(i).toLowerCase()} down`} disabled={i === props.value.length - 1} onClick={() => move(i, i + 1)}>
                  ↓
                </Button>
                <Button variant="danger-ghost" size="sm" aria-label={`Remove ${props.itemLabel(i).toLowerCase()}`} onClick={() => props.onChange(props.value.filter((_, j) => j !== i))}>
                  ✕
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <p id={hint} className="sr-only">
        {props.label}: {props.value.length} of at most {props.max}.
      </p>
      <Button variant="secondary" size="sm" className="mt-2" disabled={props.value.length >= props.max} onClick={() => props.onChange([...props.value, ''])}>
        + {props.addLabel}
      </Button>
    </div>
  );
}
