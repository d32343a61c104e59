import { useQuery } from '../use-query';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';

/** One question for Kubernetes RBAC, as /api/auth/can-i takes it. */
export interface AccessCheck {
  verb: 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete';
  group?: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

export interface AccessAnswer {
  allowed: boolean;
  reason: string | null;
}

export function accessKey(c: AccessCheck): string {
  return [c.verb, c.group ?? '', c.resource, c.subresource ?? '', c.namespace ?? '', c.name ?? ''].join('|');
}

const CHUNK = 50;

async function review(checks: AccessCheck[], signal?: AbortSignal): Promise<Map<string, AccessAnswer>> {
  const out = new Map<string, AccessAnswer>();
  for (let i = 0; i < checks.length; i += CHUNK) {
    const part = checks.slice(i, i + CHUNK);
    const res = await fetchJson<{ results: (AccessCheck & AccessAnswer)[] }>('/api/auth/can-i', {
      method: 'POST',
      body: JSON.stringify({ checks: part }),
      signal,
    });
    res.results.forEach((r, j) => out.set(accessKey(part[j]!), { allowed: r.allowed, reason: r.reason }));
  }
  return out;
}

/**
 * What the signed-in user may do, asked of Kubernetes (SelfSubjectAccessReviews with their own
 * credentials) so the UI can hide or disable actions and say why. Only a hint: the API server
 * decides every real request. `get(check)` is undefined while loading.
 */
export function useAccess(checks: AccessCheck[]) {
  const unique = [...new Map(checks.map((c) => [accessKey(c), c])).values()].sort((a, b) =>
    accessKey(a).localeCompare(accessKey(b)),
  );
  const query = useQuery<Map<string, AccessAnswer>, ApiError>({
    queryKey: ['access', unique.map(accessKey)],
    queryFn: ({ signal }) => review(unique, signal),
    enabled: unique.length > 0,
    staleTime: 30_000,
  });
  return { ...query, get: (c: AccessCheck) => query.data?.get(accessKey(c)) };
}
