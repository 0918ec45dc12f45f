'use client';
// What a panel shows when its data failed to load: the server's message and a way to try again — or, when the
// server refused it (403, 404), what that means and the way back, since trying again gives the same answer.
import { readServerError } from '@/components/forms/server-error';
import { AccessRefused, type Refusal } from './access-refused';
import { Alert } from './alert';
import { Button } from './button';

export function QueryError({ error, onRetry, title = 'Could not load this', refusal }: { error: unknown; onRetry?: () => void; title?: string; refusal?: Refusal }) {
  const problem = readServerError(error);
  if (problem.code === 'FORBIDDEN') return <AccessRefused kind="forbidden" refusal={refusal} detail={refusal?.forbidden ? undefined : problem.message} />;
  if (problem.code === 'NOT_FOUND') return <AccessRefused kind="not_found" refusal={refusal} />;
  return (
    <Alert
      tone="error"
      title={title}
      action={
        onRetry && (
          <Button variant="secondary" size="sm" onClick={onRetry}>
            Try again
          </Button>
        )
      }
    >
      {problem.message}
    </Alert>
  );
}
