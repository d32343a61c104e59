/**
 * Prometheus range results shaped for recharts: one row per timestamp, one column per series.
 * Pure and tested; the server shapes once so every browser gets ready-to-draw rows.
 */

/** One series of a `query_range` answer (resultType "matrix"): values are [unix seconds, "string"]. */
export interface PromSeries {
  metric: Record<string, string>;
  values: [number, string][];
}

export interface ChartSeries {
  /** Column name in the rows: `s0`, `s1`… (recharts reads dotted keys as paths, so no labels here). */
  key: string;
  /** Legend text from the query's template. */
  name: string;
  labels: Record<string, string>;
  /** Which of the panel's queries it came from. */
  query: number;
}

export type ChartRow = { t: number } & Record<string, number | null>;

export interface ChartData {
  series: ChartSeries[];
  rows: ChartRow[];
  /** True when series were dropped to stay under the series cap. */
  truncated: boolean;
}

/** `{{node}} GPU {{gpu}}` with the series' labels; without a template, Prometheus' own notation. */
export function legendName(template: string | undefined, labels: Record<string, string>): string {
  if (template) return template.replace(/\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g, (_, k: string) => labels[k] ?? '');
  const { __name__: name = '', ...rest } = labels;
  const inner = Object.entries(rest)
    .map(([k, v]) => `${k}="${v}"`)
    .join(', ');
  return inner ? `${name}{${inner}}` : name || '{}';
}

/** Prometheus' text numbers ("NaN", "+Inf" included) as chart values; non-finite → a gap. */
function num(s: string): number | null {
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}

const collator = new Intl.Collator('en', { numeric: true });

/**
 * Merges the matrices of a panel's queries into rows keyed by time (ms). Series are sorted by
 * legend (GPU 2 before GPU 10) and capped at `maxSeries`; a timestamp a series lacks is null
 * (a gap, never a made-up zero).
 */
export function toChartData(results: { series: PromSeries[]; legend?: string }[], maxSeries = 200): ChartData {
  const all = results.flatMap((r, query) => r.series.map((s) => ({ s, query, name: legendName(r.legend, s.metric) })));
  all.sort((a, b) => a.query - b.query || collator.compare(a.name, b.name));
  const kept = all.slice(0, maxSeries);
  const byTime = new Map<number, ChartRow>();
  const series = kept.map(({ s, query, name }, i) => {
    const key = `s${i}`;
    for (const [t, v] of s.values) {
      const ms = Math.round(t * 1000);
      let row = byTime.get(ms);
      if (!row) byTime.set(ms, (row = { t: ms } as ChartRow));
      row[key] = num(v);
    }
    return { key, name, labels: s.metric, query };
  });
  const rows = [...byTime.values()].sort((a, b) => a.t - b.t);
  for (const row of rows) for (const s of series) if (!(s.key in row)) row[s.key] = null;
  return { series, rows, truncated: all.length > kept.length };
}
