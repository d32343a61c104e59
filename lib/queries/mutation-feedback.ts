/**
 * The one feedback pattern of the panel's actions: every mutation says what it does in its
 * `meta.feedback`, and the QueryClient's MutationCache (query-client.ts) turns each result into
 * one toast — success with a link to what changed, failure with Kubernetes' reason in plain words
 * (lib/feedback/plain-error.ts). A component never writes its own success or error line.
 */
import { plainError } from '../feedback/plain-error';
import { ApiError } from './api-error';

/** What a success toast says, and where its link goes. */
export interface Notice {
  title: string;
  description?: string;
  /** A page showing what changed (the workload, the node, the run). */
  href?: string;
}

/** A finished action, as the toaster shows it. */
export type Toast = Notice & { tone: 'success' | 'error' };

/** How one mutation reports: `action` names it in a failure ("Could not scale team-a/web"). */
export interface Feedback<TData = unknown, TVars = unknown> {
  action: (vars: TVars) => string;
  success: (data: TData, vars: TVars) => Notice;
  /** Where a failure's toast links (e.g. the object's page); none by default. */
  href?: (vars: TVars) => string | undefined;
}

/**
 * A mutation with nothing to report in a toast, and why (a dry run the form shows, a deploy whose
 * progress view is its answer). Said explicitly so that no action forgets its feedback silently.
 */
export interface Silent {
  silent: string;
}

export type MutationMeta = { feedback: Feedback | Silent };

/** Types a feedback for `meta` (the cache sees data and variables as unknown). */
export function feedback<TData, TVars>(f: Feedback<TData, TVars>): { feedback: Feedback } {
  return { feedback: f as unknown as Feedback };
}

/** Marks a mutation that reports elsewhere, with the reason. */
export function silent(reason: string): { feedback: Silent } {
  return { feedback: { silent: reason } };
}

/** The toast for a finished mutation, or null when it is silent or has no meta. */
export function toastFor(
  meta: Record<string, unknown> | undefined,
  result: { ok: true; data: unknown; vars: unknown } | { ok: false; error: unknown; vars: unknown },
): Toast | null {
  const f = meta?.feedback as Feedback | Silent | undefined;
  if (!f || 'silent' in f) return null;
  if (result.ok) return { tone: 'success', ...f.success(result.data, result.vars) };
  const e = result.error;
  const description =
    e instanceof ApiError ? plainError(e) : e instanceof Error ? e.message : 'The action failed for an unknown reason.';
  const href = f.href?.(result.vars);
  return {
    tone: 'error',
    title: `Could not ${lowerFirst(f.action(result.vars))}`,
    description,
    ...(href ? { href } : {}),
  };
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: MutationMeta;
  }
}
