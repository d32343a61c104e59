/**
 * Bounds on what one PromQL expression may make Prometheus do, beyond the window and step the
 * routes check: range selectors no longer than the longest window, and subqueries with at most
 * so many evaluations (a `[30d:1s]` is 2.6 million per series). Pure.
 */
import type { SyntaxNode } from '@lezer/common';
import { PromqlRefusal, childrenOf, durationOf, nodesOf, parsePromql } from './promql-tree';
import { MAX_RANGE_SECONDS } from './time-range';

/** Evaluations of one subquery over the span it covers; Prometheus' own limit per series is 11,000. */
export const MAX_SUBQUERY_POINTS = 11_000;
/** A subquery without a step uses the global evaluation interval, 1 minute unless configured. */
export const DEFAULT_SUBQUERY_STEP = 60;

const fmt = (s: number) => (s >= 86_400 ? `${+(s / 86_400).toFixed(2)} d` : `${s} s`);

/** The seconds before the window's start that `node` is evaluated over: its enclosing subqueries' ranges. */
function reachBefore(expr: string, node: SyntaxNode): number {
  let reach = 0;
  for (let p = node.parent; p; p = p.parent) {
    if (p.name === 'SubqueryExpr') {
      const range = childrenOf(p).filter((c) => c.name === 'DurationExpr')[0];
      if (range) reach += durationOf(expr, range);
    }
  }
  return reach;
}

/**
 * Refuses (400) an expression whose range selectors or subqueries exceed the bounds when
 * evaluated over a window of `windowSeconds` (0 for an instant query).
 */
export function checkPromqlBounds(expr: string, windowSeconds: number): void {
  const tree = parsePromql(expr);
  for (const m of nodesOf(tree, 'MatrixSelector')) {
    const range = childrenOf(m).find((c) => c.name === 'DurationExpr');
    if (!range) continue;
    const s = durationOf(expr, range);
    if (s > MAX_RANGE_SECONDS)
      throw new PromqlRefusal(
        `the range [${expr.slice(range.from, range.to)}] is longer than ${fmt(MAX_RANGE_SECONDS)}: narrow it`,
      );
  }
  for (const sq of nodesOf(tree, 'SubqueryExpr')) {
    const [rangeNode, stepNode] = childrenOf(sq).filter((c) => c.name === 'DurationExpr');
    if (!rangeNode) continue;
    const range = durationOf(expr, rangeNode);
    const step = stepNode ? durationOf(expr, stepNode) : DEFAULT_SUBQUERY_STEP;
    const text = expr.slice(rangeNode.from, stepNode ? stepNode.to : rangeNode.to);
    if (range > MAX_RANGE_SECONDS)
      throw new PromqlRefusal(`the subquery range [${text}] is longer than ${fmt(MAX_RANGE_SECONDS)}: narrow it`);
    if (!(step > 0)) throw new PromqlRefusal(`the subquery step in [${text}] must be positive`);
    const span = windowSeconds + reachBefore(expr, sq) + range;
    const points = Math.ceil(span / step);
    if (points > MAX_SUBQUERY_POINTS)
      throw new PromqlRefusal(
        `the subquery [${text}] needs ${points.toLocaleString('en')} evaluations over this window ` +
          `(at most ${MAX_SUBQUERY_POINTS.toLocaleString('en')}): use a step of at least ${Math.ceil(span / MAX_SUBQUERY_POINTS)} s`,
      );
  }
}
