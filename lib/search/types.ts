/** What the command palette finds, as the server sends it and the browser shows it. Pure and shared. */

/** The kinds of thing the palette jumps to: cluster objects from the server, pages and actions from the browser. */
export type SearchKind = 'node' | 'pod' | 'workload' | 'page' | 'action';

/** One thing found: what it is, how it is named, where it leads, how well it matched. */
export interface SearchHit {
  kind: SearchKind;
  /** Unique among hits of its kind (the view key for cluster objects). */
  key: string;
  /** The namespace of a pod or workload; null for nodes, pages and actions. */
  namespace: string | null;
  /** The name as shown (and matched). */
  label: string;
  /** Context: a pod's namespace and status, a workload's kind, a node's state. */
  detail: string;
  /** The page it opens. */
  href: string;
  score: number;
}

/** GET /api/search: the best hits first, how many matched in all, and whether some were left out. */
export interface SearchAnswer {
  query: string;
  items: SearchHit[];
  total: number;
  truncated: boolean;
}

/** The longest query accepted (a name is at most 253 characters; a namespace/name a little more). */
export const MAX_QUERY_LENGTH = 256;
/** Most hits one answer carries; the palette shows the best few. */
export const MAX_RESULTS = 50;
/** Hits one answer carries unless asked for fewer or more (up to MAX_RESULTS). */
export const DEFAULT_RESULTS = 20;
