import 'server-only';
import {
  idleHoursQueries,
  idleHoursResolution,
  ownerQueries,
  shapeIdleHours,
  type IdleHoursRow,
} from '../../metrics/idle-hours';
import type { QueryWindow } from '../../metrics/time-range';
import { queryInstant } from './prometheus';

/** What the idle GPU-hours route answers: the rows, the window and exactly what was asked. */
export interface IdleHoursAnswer extends QueryWindow {
  threshold: number;
  /** Seconds between the subqueries' evaluations (see idleHoursResolution). */
  resolution: number;
  namespaces: IdleHoursRow[];
  workloads: IdleHoursRow[];
  truncated: boolean;
  queries: Record<string, string>;
}

/**
 * Idle GPU-hours over the window: five instant queries at its end, in parallel, each held to the
 * Prometheus client's time and size limits; folded by namespace and by workload.
 */
export async function idleHours(w: QueryWindow, threshold: number, signal: AbortSignal): Promise<IdleHoursAnswer> {
  const range = w.end - w.start;
  const resolution = idleHoursResolution(range, w.step);
  const queries = { ...idleHoursQueries({ range, step: resolution, threshold }), ...ownerQueries(range) };
  const [allocated, measured, idle, pods, replicaSets] = await Promise.all(
    [queries.allocated, queries.measured, queries.idle, queries.pods, queries.replicaSets].map((q) =>
      queryInstant(q, w.end, signal),
    ),
  );
  return {
    ...w,
    threshold,
    resolution,
    ...shapeIdleHours({
      allocated: allocated!,
      measured: measured!,
      idle: idle!,
      pods: pods!,
      replicaSets: replicaSets!,
    }),
    queries,
  };
}
