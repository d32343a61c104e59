/**
 * The options of a log stream as query parameters, validated the same way by the route and the
 * page (zod). Exactly one of `pod` or `selector`. Pure.
 */
import { z } from 'zod';
import { parseSelector } from '../label-selector';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
/** Largest `tail` accepted (the ring buffer's own default is 50,000 lines). */
export const MAX_TAIL = 100_000;
const DURATION = /^(\d{1,7})(s|m|h|d)$/;
const UNIT_S = { s: 1, m: 60, h: 3600, d: 86400 } as const;

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** `5m`, `2h`, `1d` → seconds, or null when it is not a duration. */
export function durationSeconds(text: string): number | null {
  const m = DURATION.exec(text);
  return m ? Number(m[1]) * UNIT_S[m[2] as keyof typeof UNIT_S] : null;
}

const time = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T/.test(s), 'not an RFC 3339 time');

export const logQuerySchema = z
  .strictObject({
    namespace: z.string().max(63).regex(DNS_LABEL, 'not a valid namespace name'),
    pod: z.string().max(253).regex(DNS_SUBDOMAIN, 'not a valid pod name').optional(),
    selector: z.string().max(1024).optional(),
    container: z.string().max(63).regex(DNS_LABEL, 'not a valid container name').optional(),
    /** Selector streams: only the pods on this node (the metrics page links with a node). */
    node: z.string().max(253).regex(DNS_SUBDOMAIN, 'not a valid node name').optional(),
    follow: bool.default(true),
    tail: z
      .string()
      .regex(/^-?\d{1,9}$/, 'must be a whole number')
      .transform(Number)
      .pipe(z.number().min(0, 'must be 0 or more').max(MAX_TAIL, `must be at most ${MAX_TAIL}`))
      .optional(),
    /** A duration (`15m`) back from now, or an RFC 3339 time. */
    since: z
      .string()
      .max(40)
      .refine(
        (s) => durationSeconds(s) !== null || time.safeParse(s).success,
        'use a duration such as 15m or an RFC 3339 time',
      )
      .refine((s) => durationSeconds(s) !== null || Date.parse(s) <= Date.now() + 60_000, 'is in the future')
      .optional(),
    /** Lines stamped after this time are left out (a past window: from the metrics page). */
    until: time.optional(),
    previous: bool.default(false),
  })
  .superRefine((q, ctx) => {
    if ((q.pod !== undefined) === (q.selector !== undefined))
      ctx.addIssue({
        code: 'custom',
        path: [q.pod !== undefined ? 'selector' : 'pod'],
        message: 'give either a pod or a label selector',
      });
    if (q.node !== undefined && q.pod !== undefined)
      ctx.addIssue({ code: 'custom', path: ['node'], message: 'applies to a selector, not to one pod' });
    if (q.selector !== undefined) {
      const parsed = parseSelector(q.selector);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', path: ['selector'], message: parsed.error });
      else if (parsed.selector.length === 0)
        ctx.addIssue({
          code: 'custom',
          path: ['selector'],
          message: 'an empty selector would match every pod; name at least one label',
        });
    }
    if (q.since && q.until && durationSeconds(q.since) === null && Date.parse(q.until) < Date.parse(q.since)) {
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'is before since' });
    }
  });

export type LogQuery = z.output<typeof logQuerySchema>;

/** Query parameters of a download: one pod's container, whole. */
export const logDownloadSchema = z.strictObject({
  namespace: z.string().max(63).regex(DNS_LABEL, 'not a valid namespace name'),
  pod: z.string().max(253).regex(DNS_SUBDOMAIN, 'not a valid pod name'),
  container: z.string().max(63).regex(DNS_LABEL, 'not a valid container name').optional(),
  previous: bool.default(false),
  timestamps: bool.default(false),
});

/** The upstream query for `since`: sinceSeconds for a duration, sinceTime for a time. */
export function sinceParams(since: string | undefined): { sinceSeconds?: number; sinceTime?: string } {
  if (!since) return {};
  const s = durationSeconds(since);
  if (s !== null) return { sinceSeconds: Math.max(1, s) };
  return { sinceTime: new Date(Date.parse(since)).toISOString().replace(/\.\d{3}Z$/, 'Z') };
}
