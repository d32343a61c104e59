'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ApiError } from '@/lib/queries/api-error';
import { fetchJson } from '@/lib/queries/fetch-json';

interface Props {
  next: string;
  localMode: boolean;
  oidc: boolean;
  error: string | null;
}

/**
 * The sign-in card. The token goes to the panel once, over this same origin, and is kept only
 * inside the sealed HttpOnly cookie; the form clears it whatever the answer.
 */
export function LoginForm({ next, localMode, oidc, error: initialError }: Props) {
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(initialError);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await fetchJson('/api/auth/login', {
        method: 'POST',
        body: JSON.stringify({ token: token.trim() }),
        keepOn401: true,
      });
      setToken('');
      window.location.assign(next);
    } catch (err) {
      setToken('');
      setError(err instanceof ApiError ? err.message : 'Sign-in failed');
      setBusy(false);
    }
  };

  return (
    <div className="w-full max-w-md rounded-xl border border-zinc-200 bg-white p-6 shadow-sm">
      <div className="mb-5 flex items-center gap-2">
        <span aria-hidden className="grid size-8 place-items-center rounded bg-indigo-500 text-sm font-bold text-white">
          IP
        </span>
        <div>
          <h1 className="text-base font-semibold text-zinc-900">ImagePod Control Panel</h1>
          <p className="text-xs text-zinc-500">Sign in with your Kubernetes identity. You act with your own rights.</p>
        </div>
      </div>

      {error && (
        <p
          role="alert"
          data-testid="login-error"
          className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {error}
        </p>
      )}

      {oidc && (
        <>
          <a
            href={`/api/auth/oidc/start?next=${encodeURIComponent(next)}`}
            data-testid="oidc-sign-in"
            className="flex h-9 w-full items-center justify-center rounded-md bg-zinc-900 text-sm font-medium text-white hover:bg-zinc-800"
          >
            Sign in with single sign-on
          </a>
          <div className="my-4 flex items-center gap-3 text-[11px] uppercase tracking-wide text-zinc-400">
            <span className="h-px flex-1 bg-zinc-200" />
            or
            <span className="h-px flex-1 bg-zinc-200" />
          </div>
        </>
      )}

      <form onSubmit={submit} className="flex flex-col gap-3">
        <label htmlFor="token" className="text-sm font-medium text-zinc-800">
          Bearer token
        </label>
        <textarea
          id="token"
          name="token"
          data-testid="token-input"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          rows={4}
          required
          autoComplete="off"
          spellCheck={false}
          placeholder="eyJhbGciOiJSUzI1NiIs…"
          className="resize-none rounded-md border border-zinc-300 px-3 py-2 font-mono text-xs text-zinc-800 focus:border-indigo-500 focus:outline-none"
        />
        <p className="text-xs text-zinc-500">
          A ServiceAccount token:{' '}
          <code className="rounded bg-zinc-100 px-1">
            kubectl -n &lt;namespace&gt; create token &lt;serviceaccount&gt;
          </code>
          , or an OIDC ID token your cluster accepts.
        </p>
        <Button
          type="submit"
          variant="primary"
          disabled={busy || !token.trim()}
          data-testid="sign-in"
          className="h-9 justify-center"
        >
          {busy ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>

      {localMode && (
        <p className="mt-4 rounded-md bg-zinc-50 px-3 py-2 text-xs text-zinc-600" data-testid="local-mode-hint">
          Local mode: the terminal running the panel shows a one-time sign-in link that uses your kubeconfig&apos;s
          identity.
        </p>
      )}
    </div>
  );
}
