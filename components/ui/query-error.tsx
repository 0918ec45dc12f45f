'use client';
// What a panel shows when its data failed to load: the server's message and a way to try again.
import { readServerError } from '@/components/forms/server-error';
import { Alert } from './alert';
import { Button } from './button';

export function QueryError({ error, onRetry, title = 'Could not load this' }: { error: unknown; onRetry?: () => void; title?: string }) {
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
      {readServerError(error).message}
    </Alert>
  );
}
