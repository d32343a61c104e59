import 'server-only';
import { z } from 'zod';
import {
  RANGE_PRESETS,
  RANGE_PRESET_NAMES,
  alignedWindow,
  chooseStep,
  windowProblem,
  type QueryWindow,
} from '../../metrics/time-range';
import { HttpError } from '../errors/http-error';

/** A time as unix seconds or an ISO date; anything else is a 400 on that field. */
const time = z
  .string()
  .max(40)
  .transform((s, ctx) => {
    const t = /^\d+(\.\d+)?$/.test(s) ? Number(s) : Date.parse(s) / 1000;
    if (!Number.isFinite(t)) {
      ctx.addIssue({ code: 'custom', message: 'expected unix seconds or an ISO date' });
      return z.NEVER;
    }
    return t;
  });

/** The query fields every metrics route shares: a preset `range`, or `start` (+ `end`, default now). */
export const windowFields = {
  range: z.enum(RANGE_PRESET_NAMES).optional(),
  start: time.optional(),
  end: time.optional(),
};

/** A node name as Kubernetes allows it (a DNS subdomain), so it can sit in PromQL unescaped. */
export const nodeName = z
  .string()
  .max(253)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/, 'not a node name');

/**
 * The window to query: a preset ending now, or start/end; the step given (checked against the
 * limits) or chosen for ~300 points. Ranges over 31 days, steps under 1 s and more than 1,100
 * points are refused with 400 on the field at fault.
 */
export function resolveWindow(
  q: { range?: keyof typeof RANGE_PRESETS; start?: number; end?: number },
  step?: number,
  now = Date.now() / 1000,
): QueryWindow {
  if (q.range && q.start !== undefined)
    throw new HttpError(400, 'BAD_REQUEST', 'give either range or start/end, not both', 'range');
  const end = q.end ?? now;
  const start = q.range ? end - RANGE_PRESETS[q.range] : (q.start ?? end - RANGE_PRESETS['1h']);
  const problem = windowProblem(start, end, step);
  if (problem) throw new HttpError(400, 'BAD_REQUEST', `${problem.field}: ${problem.message}`, problem.field);
  return alignedWindow(start, end, step ?? chooseStep(end - start));
}
