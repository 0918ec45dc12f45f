'use client';
// "Continue as …": confirming redeems the link (one use, POST /api/v1/access-tokens/{token}/redeem) and keeps its
// token as the browser's guest session, then opens the chat. Nothing is spent until the button is pressed.
import { useState } from 'react';
import { AuthCard } from '@/components/auth/auth-card';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ExpiredLink } from './expired-link';
import type { AccessLinkPreviewDto } from '@/server/domain/access-links/access-link.schema';

type Problem = { status: number; detail: string };

async function post(url: string, body?: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-pitchcraft-csrf': '1' }, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
}

async function problemOf(res: Response): Promise<Problem> {
  const json = (await res.json().catch(() => null)) as { detail?: string } | null;
  return { status: res.status, detail: json?.detail ?? 'Something went wrong: try again in a moment' };
}

export function AccessConfirm({ token, preview }: { token: string; preview: AccessLinkPreviewDto }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function confirm() {
    setBusy(true);
    setProblem(null);
    try {
      const redeemed = await post(`/api/v1/access-tokens/${encodeURIComponent(token)}/redeem`);
      if (!redeemed.ok) return setProblem(await problemOf(redeemed));
      const { access } = (await redeemed.json()) as { access: string };
      const session = await post('/api/guest-session', { access });
      if (!session.ok) return setProblem(await problemOf(session));
      window.location.assign('/chat');
    } catch {
      setProblem({ status: 0, detail: 'You seem to be offline: check your connection and try again' });
    } finally {
      setBusy(false);
    }
  }

  if (problem?.status === 410) {
    return <ExpiredLink />;
  }
  return (
    <AuthCard
      title={`Continue as ${preview.name}`}
      subtitle={
        <>
          <strong className="font-medium text-zinc-700">{preview.organizationName}</strong> sent you this link to chat with them.
        </>
      }
    >
      {problem && (
        <Alert tone="error" className="mb-5">
          {problem.detail}
        </Alert>
      )}
      <Button className="w-full" busy={busy} onClick={() => void confirm()}>
        Continue as {preview.name}
      </Button>
      <p className="mt-4 text-center text-xs text-zinc-500">
        Not {preview.name}? Close this page. The link works {preview.usesLeft === 1 ? 'once more' : `${preview.usesLeft} more times`}, until{' '}
        {new Date(preview.expiresAt).toLocaleDateString('en-US', { dateStyle: 'medium', timeZone: 'UTC' })}.
      </p>
    </AuthCard>
  );
}
