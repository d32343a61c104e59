import 'server-only';
import {
  idleHoursQueries,
  idleHoursResolution,
  ownerQueries,
  shapeIdleHours,
  type IdleHoursRow,
} from '../../metrics/idle-hours';
import type { QueryWindow } from '../../metrics/time-range';
import type { UserPrometheus } from './user-prometheus';

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
export async function idleHours(w: QueryWindow, threshold: number, prom: UserPrometheus): Promise<IdleHoursAnswer> {
  const range = w.end - w.start;
  const resolution = idleHoursResolution(range, w.step);
  const asked = { ...idleHoursQueries({ range, step: resolution, threshold }), ...ownerQueries(range) };
  const keys = ['allocated', 'measured', 'idle', 'pods', 'replicaSets'] as const;
  const answers = await Promise.all(keys.map((k) => prom.instant(asked[k], w.end)));
  const [allocated, measured, idle, pods, replicaSets] = answers.map((a) => a.samples);
  const queries = Object.fromEntries(keys.map((k, i) => [k, answers[i]!.expr]));
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
