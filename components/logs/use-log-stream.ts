'use client';

import { useEffect, useState } from 'react';
import { LogStore } from '@/lib/logs/log-store';
import { streamUrl, type LogSource } from '@/lib/logs/presets';
import type { LogBatchEvent, LogTarget, LogTargetsEvent } from '@/lib/logs/types';
import { redirectToSignIn } from '@/lib/queries/sign-in-redirect';

export type StreamState =
  | { state: 'connecting' }
  | { state: 'live' }
  | { state: 'reconnecting'; attempt: number }
  | { state: 'ended' }
  | { state: 'error'; status: number; message: string };

/** Why the server refused a stream: its JSON error, or null when it would stream (a transient failure). */
async function refusal(url: string): Promise<{ status: number; message: string } | null> {
  const ctrl = new AbortController();
  try {
    const res = await fetch(url, { signal: ctrl.signal, cache: 'no-store' });
    if (res.ok) return null;
    const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
    return { status: res.status, message: body.error?.message ?? `HTTP ${res.status}` };
  } catch {
    return null;
  } finally {
    ctrl.abort();
  }
}

const delay = (attempt: number) => Math.min(10_000, 500 * 2 ** Math.min(attempt, 5));

/**
 * One EventSource per log view. Lines go into a LogStore (ring buffer, pause, resume filter); the
 * hook re-renders on each batch through `version`. A dropped connection is re-opened by the hook
 * itself (not EventSource's own retry, which would replay the tail) from the last line seen, and
 * the lines already shown are dropped. A refusal (4xx) ends with the server's message.
 * Mount with `key` = the source: a new source is a new stream and an empty view.
 */
export function useLogStream(source: LogSource, capacity: number) {
  const [store] = useState(() => new LogStore(capacity));
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<StreamState>({ state: 'connecting' });
  const [targets, setTargets] = useState<LogTarget[]>([]);

  useEffect(() => {
    let es: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let disposed = false;
    let ended = false;
    let attempt = 0;
    const bump = () => setVersion((v) => v + 1);

    const connect = (resume: boolean) => {
      const url = streamUrl(source, resume ? store.beginResume() : null);
      const current = new EventSource(url);
      es = current;
      current.onopen = () => { attempt = 0; setState({ state: 'live' }); };
      current.addEventListener('lines', (e: MessageEvent<string>) => {
        const data = JSON.parse(e.data) as LogBatchEvent;
        store.add(data.entries);
        bump();
      });
      current.addEventListener('targets', (e: MessageEvent<string>) => {
        setTargets((JSON.parse(e.data) as LogTargetsEvent).targets);
      });
      current.addEventListener('end', () => {
        ended = true;
        current.close();
        setState({ state: 'ended' });
      });
      current.onerror = () => {
        current.close();
        if (disposed || ended) return;
        void refusal(url).then((r) => {
          if (disposed) return;
          if (r && r.status >= 400 && r.status < 500 && r.status !== 429) {
            if (r.status === 401) redirectToSignIn();
            setState({ state: 'error', ...r });
            return;
          }
          attempt++;
          setState(r ? { state: 'error', ...r } : { state: 'reconnecting', attempt });
          timer = setTimeout(() => connect(store.length > 0 || store.newestTs() !== null), delay(attempt));
        });
      };
    };
    connect(false);
    return () => {
      disposed = true;
      clearTimeout(timer);
      es?.close();
    };
  }, [source, store]);

  return { store, version, state, targets, refresh: () => setVersion((v) => v + 1) };
}
