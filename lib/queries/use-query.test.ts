// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider, useQuery as useTanstackQuery } from '@tanstack/react-query';
import { act, createElement, type FunctionComponent } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { useQuery } from './use-query';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Hook = typeof useQuery;
const KEY = ['health'];

/** Shows the answer, or "loading" (what the server, which has no cache, always renders). */
function answerOf(hook: Hook): FunctionComponent {
  return function Answer() {
    const q = hook({ queryKey: KEY, queryFn: () => new Promise<string>(() => {}), staleTime: Infinity });
    return createElement('p', { 'data-status': q.status }, q.data ?? 'loading');
  };
}

function app(client: QueryClient, hook: Hook) {
  return createElement(QueryClientProvider, { client }, createElement(answerOf(hook)));
}

/**
 * Server-renders with an empty cache, then hydrates in a client whose cache already holds the
 * answer — as the page does when the layout's query answered before the page's boundary hydrated.
 */
async function hydrateWithAnswerCached(hook: Hook) {
  const html = renderToString(app(new QueryClient(), hook));
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.append(root);
  const client = new QueryClient();
  client.setQueryData(KEY, 'ready');
  const errors: unknown[] = [];
  await act(async () => {
    hydrateRoot(root, app(client, hook), { onRecoverableError: (e) => errors.push(e) });
  });
  return { html, errors, text: root.textContent };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('useQuery during hydration', () => {
  it('renders what the server rendered, then the cached answer', async () => {
    const { html, errors, text } = await hydrateWithAnswerCached(useQuery);
    expect(html).toContain('loading');
    expect(errors).toEqual([]);
    expect(text).toBe('ready');
  });

  it("TanStack's own hook mismatches in the same case (what this wrapper is for)", async () => {
    const { errors, text } = await hydrateWithAnswerCached(useTanstackQuery as Hook);
    expect(errors.length).toBeGreaterThan(0);
    expect(String(errors[0])).toMatch(/[Hh]ydrat/);
    expect(text).toBe('ready');
  });

  it('a client navigation (no hydration) shows the cached answer in the first render', async () => {
    const client = new QueryClient();
    client.setQueryData(KEY, 'ready');
    const renders: string[] = [];
    const Probe = () => {
      const q = useQuery({ queryKey: KEY, queryFn: () => new Promise<string>(() => {}), staleTime: Infinity });
      renders.push(q.data ?? 'loading');
      return null;
    };
    const { createRoot } = await import('react-dom/client');
    const root = document.createElement('div');
    await act(async () => {
      createRoot(root).render(createElement(QueryClientProvider, { client }, createElement(Probe)));
    });
    expect(renders[0]).toBe('ready');
  });
});
