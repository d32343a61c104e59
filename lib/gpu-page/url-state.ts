/**
 * The GPU page's state in the address bar: map filters (`model`, `selector`, `state`) and the
 * "Where can this run?" form (`ask`, `n`, `resource`, `profile`, `class`, `product`, `where`,
 * `tolerate`), so a reload or a shared link shows the same map and the same question. Pure.
 */
import { CELL_STATES, type CellState } from './cell-state';
import { ASK_KINDS, EMPTY_WHERE_FORM, type AskKind, type WhereFormText } from './where-form';

export interface MapFilterText {
  model: string;
  selector: string;
  state: CellState | '';
}

export interface GpuPageState {
  filter: MapFilterText;
  /** Null when no question was asked. */
  where: WhereFormText | null;
}

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function get(p: Params, key: string): string {
  if (p instanceof URLSearchParams) return p.get(key) ?? '';
  const v = p[key];
  return ((Array.isArray(v) ? v[0] : v) ?? '').slice(0, 4096);
}

const isState = (s: string): s is CellState => (CELL_STATES as readonly string[]).includes(s);
const isKind = (s: string): s is AskKind => (ASK_KINDS as readonly string[]).includes(s);

/** The page state from search params; unknown values fall back to the defaults. */
export function readPageState(p: Params): GpuPageState {
  const state = get(p, 'state');
  const ask = get(p, 'ask');
  const filter = { model: get(p, 'model'), selector: get(p, 'selector'), state: isState(state) ? state : '' } as const;
  if (!isKind(ask)) return { filter, where: null };
  const d = EMPTY_WHERE_FORM;
  const or = (key: string, fallback: string) =>
    (p instanceof URLSearchParams ? p.has(key) : p[key] !== undefined) ? get(p, key) : fallback;
  return {
    filter,
    where: {
      kind: ask,
      count: or('n', d.count),
      resource: or('resource', d.resource),
      profile: get(p, 'profile'),
      deviceClass: get(p, 'class'),
      product: get(p, 'product'),
      selector: get(p, 'where'),
      tolerations: get(p, 'tolerate'),
    },
  };
}

/** The query string (without `?`) for the state; empty fields are left out. */
export function pageStateQuery(s: GpuPageState): string {
  const q = new URLSearchParams();
  const put = (k: string, v: string) => {
    if (v) q.set(k, v);
  };
  put('model', s.filter.model);
  put('selector', s.filter.selector);
  put('state', s.filter.state);
  const w = s.where;
  if (w) {
    q.set('ask', w.kind);
    q.set('n', w.count);
    if (w.kind === 'resource') q.set('resource', w.resource);
    if (w.kind === 'mig') put('profile', w.profile);
    if (w.kind === 'devices') put('class', w.deviceClass);
    put('product', w.product);
    put('where', w.selector);
    put('tolerate', w.tolerations);
  }
  return q.toString();
}
