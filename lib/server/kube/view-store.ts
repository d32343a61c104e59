import 'server-only';
import type { Row, ViewDelta, ViewList, ViewName } from '../../views';

/**
 * One view (rows of one kind) with a revision that moves by one per changed row, and the
 * changes not yet flushed to subscribers. Unchanged projections (a node heartbeat that changes
 * nothing the panel shows) do not move the revision, so they cost the browsers nothing.
 */
export class ViewStore<T extends Row> {
  private readonly rows = new Map<string, { row: T; json: string }>();
  private revision = 0;
  private flushed = 0;
  private readonly pendingUpserts = new Map<string, T>();
  private readonly pendingDeletes = new Set<string>();
  /** The serialised rows at one revision: a big view is answered from this, not re-encoded. */
  private itemsJsonCache: { revision: number; json: string } | null = null;

  constructor(
    readonly name: ViewName,
    private readonly epoch: string,
  ) {}

  upsert(row: T): void {
    const json = JSON.stringify(row);
    if (this.rows.get(row.key)?.json === json) return;
    this.rows.set(row.key, { row, json });
    this.revision++;
    this.pendingDeletes.delete(row.key);
    this.pendingUpserts.set(row.key, row);
  }

  delete(key: string): void {
    if (!this.rows.delete(key)) return;
    this.revision++;
    this.pendingUpserts.delete(key);
    this.pendingDeletes.add(key);
  }

  get(key: string): T | undefined {
    return this.rows.get(key)?.row;
  }

  getRevision(): number {
    return this.revision;
  }

  /** Every row, in no particular order, without copying the view (a search scans it once). */
  *allRows(): IterableIterator<T> {
    for (const { row } of this.rows.values()) yield row;
  }

  list(filter?: (r: T) => boolean): ViewList<T> {
    const items: T[] = [];
    for (const { row } of this.rows.values()) if (!filter || filter(row)) items.push(row);
    return { items, revision: this.revision, epoch: this.epoch };
  }

  /**
   * The rows as a JSON array, built from the per-row JSON kept for change detection and reused
   * until the revision moves: at 10,000 pods this turns a ~20 ms encode per request into none.
   */
  itemsJson(): string {
    if (this.itemsJsonCache?.revision !== this.revision) {
      const parts: string[] = [];
      for (const { json } of this.rows.values()) parts.push(json);
      this.itemsJsonCache = { revision: this.revision, json: `[${parts.join(',')}]` };
    }
    return this.itemsJsonCache.json;
  }

  getEpoch(): string {
    return this.epoch;
  }

  /** The collapsed changes since the last flush, or null when there are none. */
  takeDelta(): ViewDelta<T> | null {
    if (this.flushed === this.revision) return null;
    const d: ViewDelta<T> = {
      view: this.name,
      epoch: this.epoch,
      from: this.flushed,
      to: this.revision,
      upserts: [...this.pendingUpserts.values()],
      deletes: [...this.pendingDeletes],
    };
    this.flushed = this.revision;
    this.pendingUpserts.clear();
    this.pendingDeletes.clear();
    return d;
  }
}
