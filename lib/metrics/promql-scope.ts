/**
 * Limits PromQL to what a user may read, as prom-label-proxy does: every series selector gets a
 * `namespace` matcher, so Prometheus itself never returns another namespace's series. Pure.
 *
 * Series without a `namespace` label (node exporters, DCGM for GPUs nobody holds, the nodes of
 * kube-state-metrics) describe nodes, so they need the right to list nodes; series with one (pods,
 * containers, workloads, DCGM for a GPU a pod holds) need the right to list pods there.
 */
import type { SyntaxNode } from '@lezer/common';
import { PromqlRefusal, childrenOf, nodesOf, parsePromql } from './promql-tree';

/** What Kubernetes lets a user read, as far as metrics are concerned. */
export interface MetricsScope {
  /** May list nodes: series without a namespace label. */
  nodes: boolean;
  /** The namespaces the user may list pods in, or every one. */
  namespaces: 'all' | readonly string[];
}

/** Namespace names are DNS labels; anything else cannot be a namespace and would need escaping. */
const NAMESPACE_RE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * The matcher every selector gets, or null when the user may read every series (list nodes and
 * list pods in every namespace). Throws a 403 refusal when the user may read none.
 */
export function scopeMatcher(s: MetricsScope): string | null {
  if (s.namespaces === 'all') return s.nodes ? null : 'namespace!=""';
  const names = [...new Set(s.namespaces)].filter((n) => NAMESPACE_RE.test(n)).sort();
  if (!names.length && !s.nodes)
    throw new PromqlRefusal(
      'Kubernetes does not allow you to list pods in any namespace or to list nodes, so no series is yours to read',
      403,
    );
  if (!names.length) return 'namespace=""';
  // Prometheus anchors regexes, so `|a|b` is exactly "", a or b: no label, or one of those.
  return `namespace=~"${s.nodes ? '|' : ''}${names.join('|')}"`;
}

const MATCHER_NODES = new Set(['UnquotedLabelMatcher', 'QuotedLabelMatcher', 'QuotedLabelName']);
/** Functions that read series no selector names (Prometheus 3's `info` joins target_info). */
const IMPLICIT_SELECTORS = new Set(['Info']);

interface Edit {
  from: number;
  to: number;
  text: string;
}

function editFor(expr: string, sel: SyntaxNode, matcher: string): Edit {
  const parts = childrenOf(sel);
  const lm = parts.find((c) => c.name === 'LabelMatchers');
  if (!lm) {
    const name = parts.find((c) => c.name === 'Identifier');
    if (!name)
      throw new PromqlRefusal(`cannot limit the selector "${expr.slice(sel.from, sel.to)}" to your namespaces`);
    return { from: name.to, to: name.to, text: `{${matcher}}` };
  }
  // Rebuilt from the matchers the grammar found (comments inside braces are dropped), the quoted
  // metric name first as Prometheus 3 wants it, then ours: the existing ones still apply (AND).
  const kids = childrenOf(lm).filter((c) => MATCHER_NODES.has(c.name));
  const text = (c: SyntaxNode) => expr.slice(c.from, c.to);
  const names = kids.filter((c) => c.name === 'QuotedLabelName').map(text);
  const others = kids.filter((c) => c.name !== 'QuotedLabelName').map(text);
  return { from: lm.from, to: lm.to, text: `{${[...names, matcher, ...others].join(', ')}}` };
}

/** Whether every selector of `expr` carries `matcher` itself (the check after a rewrite). */
function everySelectorScoped(expr: string, matcher: string): boolean {
  const tree = parsePromql(expr);
  return nodesOf(tree, 'VectorSelector').every((sel) => {
    const lm = childrenOf(sel).find((c) => c.name === 'LabelMatchers');
    return !!lm && childrenOf(lm).some((c) => expr.slice(c.from, c.to) === matcher);
  });
}

/**
 * `expr` with `matcher` added to every vector and matrix selector (inside subqueries and function
 * arguments alike). Refuses (400) what it cannot parse or cannot enforce, and checks its own
 * output again, so a query that reaches Prometheus is limited or not sent at all.
 */
export function scopeQuery(expr: string, matcher: string | null): string {
  const tree = parsePromql(expr);
  if (matcher === null) return expr;
  for (const fn of nodesOf(tree, 'FunctionIdentifier')) {
    const id = fn.firstChild?.name;
    if (id && IMPLICIT_SELECTORS.has(id))
      throw new PromqlRefusal(`${expr.slice(fn.from, fn.to)}() reads series it does not name: not available to you`);
  }
  const edits = nodesOf(tree, 'VectorSelector').map((sel) => editFor(expr, sel, matcher));
  let out = expr;
  for (const e of edits.sort((a, b) => b.from - a.from)) out = out.slice(0, e.from) + e.text + out.slice(e.to);
  if (!everySelectorScoped(out, matcher))
    throw new PromqlRefusal('this query cannot be limited to your namespaces: write each selector as metric{…}');
  return out;
}
