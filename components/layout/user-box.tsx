'use client';

import { useState } from 'react';
import { fetchJson } from '@/lib/queries/fetch-json';
import { NavIcon } from './nav-icon';

const MODE: Record<string, string> = { token: 'bearer token', oidc: 'single sign-on', local: 'local kubeconfig' };

/** Who is signed in (as Kubernetes names them) and the sign-out button. */
export function UserBox({ user, mode }: { user: string; mode: string }) {
  const [busy, setBusy] = useState(false);
  const signOut = async () => {
    setBusy(true);
    try {
      await fetchJson('/api/auth/logout', { method: 'POST', body: '{}', keepOn401: true });
    } finally {
      // A full page load: nothing of this session's data stays in the tab's memory.
      window.location.replace('/login');
    }
  };
  return (
    <div className="mt-auto border-t border-white/10 p-3 max-lg:px-1.5" data-testid="user-box">
      <div className="flex items-start gap-2 max-lg:justify-center" title={user}>
        <NavIcon name="user" className="mt-0.5 shrink-0 text-zinc-500" />
        <div className="min-w-0 max-lg:sr-only">
          <div className="truncate text-xs font-medium text-white" title={user} data-testid="user-name">
            {user}
          </div>
          <div className="text-[11px] text-zinc-500">via {MODE[mode] ?? mode}</div>
        </div>
      </div>
      <button
        type="button"
        onClick={signOut}
        disabled={busy}
        data-testid="sign-out"
        title="Sign out"
        className="mt-2 flex w-full items-center gap-2 rounded-md px-2 py-1 text-xs text-zinc-400 hover:bg-white/5 hover:text-white disabled:opacity-50 max-lg:justify-center max-lg:px-0"
      >
        <NavIcon name="logout" />
        <span className="max-lg:sr-only">{busy ? 'Signing out…' : 'Sign out'}</span>
      </button>
    </div>
  );
}
