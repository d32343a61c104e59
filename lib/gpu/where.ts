/**
 * "Where can this run?": for every node, whether a GPU request fits now, or every reason it does
 * not — not ready, cordoned, a taint not tolerated, the node selector or affinity, the GPU model,
 * no such units, not enough free. Selectors and affinity are judged by lib/placement.ts and
 * lib/label-selector.ts, taints by the scheduler's toleration rule; units by the GPU model.
 * The scheduler decides for real: this answers from the same numbers it reads.
 */
import { matchesSelector, parseSelector } from '../label-selector';
import type { Taint, Toleration } from '../kube-types';
import { daemonPodPlacement, toleratesTaint } from '../placement';
import { formatTaint } from '../taints';
import { maxDisjoint } from './dra-gpus';
import type { GpuUnit, NodeGpuModel, UnitSummary } from './model-types';
import type { GpuAsk, WhereRequest } from './where-request';

export type WhyNot = 'not-ready' | 'cordoned' | 'taint' | 'selector' | 'model' | 'no-units' | 'not-enough';

export interface NodeFit {
  node: string;
  fits: boolean;
  /** Free units of the best way this node offers the ask. */
  free: number;
  /** How to ask for it on this node: a resource name, or `<driver> devices`. */
  via: string | null;
  reasons: { code: WhyNot; message: string }[];
}

export type WhereAnswer = { ok: true; nodes: NodeFit[] } | { ok: false; error: string };

const norm = (s: string) => s.toLowerCase().replace(/[\s_]+/g, '-');
const productMatches = (want: string | undefined, have: string | null | undefined) =>
  !want || (have != null && norm(have).includes(norm(want)));

const NOT_READY: Taint[] = [
  { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
];
const UNSCHEDULABLE: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };
const tolerated = (ts: readonly Toleration[], taint: Taint) => ts.some((t) => toleratesTaint(t, taint));

interface Offer {
  free: number;
  via: string;
  product: string | null;
}

/** The summaries that serve the ask on this node, each an offer; only of `product` when given. */
function summaryOffers(m: NodeGpuModel, ask: GpuAsk, product: string | undefined): Offer[] {
  const pick = (f: (s: UnitSummary) => boolean) =>
    m.summaries
      .filter((s) => f(s) && productMatches(product, s.product))
      .map((s) => ({
        free: s.free,
        via: s.source === 'dra' ? `${s.resource} devices` : s.resource,
        product: s.product,
      }));
  if (ask.kind === 'resource') return pick((s) => s.source === 'device-plugin' && s.resource === ask.resource);
  if (ask.kind === 'shares') return pick((s) => s.kind === 'share' && !s.profile);
  if (ask.kind === 'mig') return pick((s) => s.kind === 'mig' && s.profile === ask.profile);
  return [];
}

/** DRA devices of a class, per GPU: a whole device, or as many disjoint MIG devices as fit. */
function deviceOffers(
  m: NodeGpuModel,
  ask: Extract<GpuAsk, { kind: 'devices' }>,
  product: string | undefined,
): Offer[] {
  const dc = ask.deviceClass;
  const matches = (u: GpuUnit) =>
    u.source === 'dra' &&
    u.resource === dc.driver &&
    (!dc.type || (dc.type === 'gpu' ? u.kind === 'whole' : u.kind === 'mig')) &&
    (!dc.profile || u.profile === dc.profile) &&
    Object.entries(ask.attributes ?? {}).every(([k, v]) => u.attributes?.[k] === v);
  const byProduct = new Map<string | null, number>();
  for (const g of m.gpus) {
    if (g.source !== 'dra' || !productMatches(product, g.product)) continue;
    const mine = g.units.filter(matches);
    if (mine.length === 0) continue;
    const wholes = mine.filter((u) => u.kind === 'whole' && u.state === 'free').length;
    const migs = maxDisjoint(
      mine.filter((u) => u.kind === 'mig' && u.state === 'free').map((u) => u.placement ?? { start: 0, size: 1 }),
    );
    byProduct.set(g.product, (byProduct.get(g.product) ?? 0) + Math.max(wholes, migs));
  }
  return [...byProduct].map(([p, free]) => ({ free, via: `${dc.name} (${dc.driver})`, product: p }));
}

function unitsReason(m: NodeGpuModel, req: WhereRequest): { fit: Offer | null; reasons: NodeFit['reasons'] } {
  const ask = req.ask;
  const offers = (product: string | undefined) =>
    ask.kind === 'devices' ? deviceOffers(m, ask, product) : summaryOffers(m, ask, product);
  const what =
    ask.kind === 'resource'
      ? ask.resource
      : ask.kind === 'mig'
        ? `MIG ${ask.profile} slices`
        : ask.kind === 'shares'
          ? 'GPU shares'
          : `${ask.deviceClass.name} devices`;
  if (offers(undefined).length === 0)
    return { fit: null, reasons: [{ code: 'no-units', message: `the node has no ${what}` }] };
  const right = req.product ? offers(req.product) : offers(undefined);
  if (right.length === 0) {
    const models = [...new Set(m.gpus.map((g) => g.product ?? 'unknown'))].join(', ');
    return { fit: null, reasons: [{ code: 'model', message: `wanted model ${req.product}, the node has ${models}` }] };
  }
  const best = right.reduce((a, b) => (b.free > a.free ? b : a));
  if (best.free >= ask.count) return { fit: best, reasons: [] };
  return {
    fit: best,
    reasons: [{ code: 'not-enough', message: `${best.free} of ${what} free (${best.via}), ${ask.count} wanted` }],
  };
}

/** Every node's answer to the request, in the order of `nodes`; an invalid selector is an error. */
export function whereCanThisRun(nodes: readonly NodeGpuModel[], req: WhereRequest): WhereAnswer {
  const parsed = parseSelector(req.selector ?? '');
  if (!parsed.ok) return { ok: false, error: `selector: ${parsed.error}` };
  const tolerations = (req.tolerations ?? []) as Toleration[];
  const out: NodeFit[] = [];
  for (const m of nodes) {
    const reasons: NodeFit['reasons'] = [];
    if (m.ready !== true && !NOT_READY.every((t) => tolerated(tolerations, t)))
      reasons.push({
        code: 'not-ready',
        message: m.ready === false ? 'the node is not ready' : "the node's readiness is unknown",
      });
    if (m.unschedulable && !tolerated(tolerations, UNSCHEDULABLE))
      reasons.push({ code: 'cordoned', message: 'the node is cordoned (unschedulable)' });
    for (const taint of m.taints) {
      if (taint.effect === 'PreferNoSchedule' || tolerated(tolerations, taint)) continue;
      // Said above as "not ready" / "cordoned" when that is why the node carries the taint.
      if (reasons.some((r) => r.code === 'not-ready') && NOT_READY.some((t) => t.key === taint.key)) continue;
      if (reasons.some((r) => r.code === 'cordoned') && taint.key === UNSCHEDULABLE.key) continue;
      reasons.push({ code: 'taint', message: `taint ${formatTaint(taint)} not tolerated` });
    }
    if (!matchesSelector(parsed.selector, m.labels))
      reasons.push({ code: 'selector', message: `labels do not match ${req.selector}` });
    // The placement preview's rules for nodeSelector and required affinity (taints judged above).
    const p = daemonPodPlacement(
      { metadata: { name: m.node, labels: m.labels } },
      { containers: [], nodeSelector: req.nodeSelector, affinity: req.affinity },
    );
    for (const r of p.reasons) reasons.push({ code: 'selector', message: r });
    const units = unitsReason(m, req);
    reasons.push(...units.reasons);
    out.push({
      node: m.node,
      fits: reasons.length === 0,
      free: units.fit?.free ?? 0,
      via: units.fit?.via ?? null,
      reasons,
    });
  }
  return { ok: true, nodes: out };
}
