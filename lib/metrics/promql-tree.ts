/**
 * PromQL as a syntax tree, from Prometheus' own Lezer grammar (the one its web UI uses), so the
 * panel can rewrite selectors and check durations without hand-written parsing. Pure.
 */
import type { SyntaxNode, Tree } from '@lezer/common';
import { parser } from '@prometheus-io/lezer-promql';

/** Why the panel refuses a query before Prometheus sees it: a 400 on `query` (403 for rights). */
export class PromqlRefusal extends Error {
  constructor(
    message: string,
    readonly status: 400 | 403 = 400,
    /** The grammar could not parse it (Prometheus' own parser has the final word then). */
    readonly syntax = false,
  ) {
    super(message);
    this.name = 'PromqlRefusal';
  }
}

/** The parse tree of `expr`; a syntax error (which the grammar recovers from) is a refusal. */
export function parsePromql(expr: string): Tree {
  const tree = parser.parse(expr);
  let bad: number | null = null;
  tree.iterate({
    enter(n) {
      if (bad === null && n.type.isError) bad = n.from;
      return bad === null;
    },
  });
  if (bad !== null) {
    const at: number = bad;
    const near = expr.slice(Math.max(0, at - 10), at + 10);
    throw new PromqlRefusal(`PromQL syntax error at character ${at + 1} (near "${near}")`, 400, true);
  }
  return tree;
}

/** Every node of `type` in the tree, in document order. */
export function nodesOf(tree: Tree, type: string): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  tree.iterate({
    enter(n) {
      if (n.name === type) out.push(n.node);
    },
  });
  return out;
}

/** The direct children of a node. */
export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

const UNIT_SECONDS: Record<string, number> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
  d: 86_400,
  w: 604_800,
  y: 31_536_000,
};

/**
 * Seconds of a PromQL duration literal (`1h30m`, `500ms`, or a plain number of seconds), or null
 * when it is not one the panel can read (then the caller refuses the query rather than guess).
 */
export function durationSeconds(text: string): number | null {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  if (!/^(\d+(ms|s|m|h|d|w|y))+$/.test(t)) return null;
  let total = 0;
  for (const m of t.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)) total += Number(m[1]) * UNIT_SECONDS[m[2]!]!;
  return total;
}

/** The seconds of a `DurationExpr` node; arithmetic on durations is refused. */
export function durationOf(expr: string, node: SyntaxNode): number {
  const text = expr.slice(node.from, node.to);
  const s = durationSeconds(text);
  if (s === null) throw new PromqlRefusal(`the duration "${text}" is not supported here: write it as e.g. 5m or 1h30m`);
  return s;
}
