/**
 * What a click on a chart's legend does, the way Grafana does it: a click shows only that series
 * (a click on the only one shown shows them all again); shift-, ctrl- or cmd-click hides or shows
 * that one series and leaves the others. Pure: the chart keeps the set of hidden keys.
 */

/** How the entry was clicked. */
export interface LegendClick {
  key: string;
  /** Shift, Ctrl or Cmd held. */
  toggle: boolean;
}

/** The hidden series after a click on the legend of the series `keys`. */
export function legendClick(hidden: ReadonlySet<string>, keys: readonly string[], click: LegendClick): Set<string> {
  if (click.toggle) {
    const next = new Set(hidden);
    if (!next.delete(click.key)) next.add(click.key);
    return next;
  }
  const isolated = !hidden.has(click.key) && keys.every((k) => k === click.key || hidden.has(k));
  return isolated ? new Set() : new Set(keys.filter((k) => k !== click.key));
}

/** Hidden keys of series that are still there (series come and go with refreshes and filters). */
export function keepKnown(hidden: ReadonlySet<string>, keys: readonly string[]): Set<string> {
  return new Set(keys.filter((k) => hidden.has(k)));
}
