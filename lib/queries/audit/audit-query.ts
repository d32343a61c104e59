import { useQuery } from '../use-query';
import type { AuditFilter, AuditRow } from '../../audit';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { auditKeys } from './keys';

export interface AuditAnswer {
  items: AuditRow[];
  total: number;
  namespace: string;
  /** How long the records live (the API server's `--event-ttl`, as the panel is told it). */
  retentionMs: number;
}

/** The audit route's URL for a filter (or the export route's, with `format`). */
export function auditUrl(f: AuditFilter, path = '/api/audit', extra: Record<string, string> = {}): string {
  const q = new URLSearchParams(extra);
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/**
 * The audit trail for a filter. The live stream invalidates it when an audit Event arrives
 * (stream-handlers.ts), so it stays current without polling.
 */
export function useAuditQuery(f: AuditFilter) {
  return useQuery<AuditAnswer, ApiError>({
    queryKey: auditKeys.list(f),
    queryFn: ({ signal }) => fetchJson<AuditAnswer>(auditUrl(f), { signal }),
    staleTime: 60_000,
    placeholderData: (prev) => prev,
  });
}
