// Where a new person is in getting started: their account is made, their organization is next.
import { cx } from '@/components/ui/cx';

const STEPS = ['Create your account', 'Set up your organization'] as const;

export function OnboardingSteps({ current }: { current: number }) {
  return (
    <ol aria-label="Getting started" className="mb-6 flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
      {STEPS.map((step, i) => {
        const done = i < current;
        const now = i === current;
        return (
          <li key={step} aria-current={now ? 'step' : undefined} className="flex items-center gap-2">
            <span
              aria-hidden
              className={cx(
                'flex size-6 items-center justify-center rounded-full text-xs font-semibold',
                done ? 'bg-emerald-600 text-white' : now ? 'bg-accent-600 text-white' : 'bg-zinc-200 text-zinc-700',
              )}
            >
              {done ? '✓' : i + 1}
            </span>
            <span className={cx(now ? 'font-semibold text-zinc-900' : 'text-zinc-600')}>
              {step}
              {done && <span className="sr-only"> (done)</span>}
            </span>
            {i < STEPS.length - 1 && <span aria-hidden className="h-px w-6 bg-zinc-300" />}
          </li>
        );
      })}
    </ol>
  );
}
