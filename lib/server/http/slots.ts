import 'server-only';
import { HttpError } from '../errors/http-error';

/** What a slot table says when it is full: per session, and for the whole process. */
export interface SlotMessages {
  session: (open: number, cap: number) => string;
  total: (open: number) => string;
}

interface Table {
  bySession: Map<string, number>;
  total: number;
}

// On globalThis: Next compiles routes separately and reloads modules in development.
const g = globalThis as typeof globalThis & { __imagepodSlots?: Map<string, Table> };
const tables: Map<string, Table> = (g.__imagepodSlots ??= new Map());

/**
 * A counted resource with a cap per session and one per process (log streams, live streams).
 * `acquire` takes a slot or throws 429 with Retry-After and a message saying which cap was hit;
 * it returns the release (idempotent), which whoever took the slot must call on every path.
 */
export function slotTable(name: string, caps: () => { perSession: number; total: number }, msg: SlotMessages) {
  let t = tables.get(name);
  if (!t) tables.set(name, (t = { bySession: new Map(), total: 0 }));
  const table = t;
  return {
    acquire(sid: string): () => void {
      const { perSession, total } = caps();
      const mine = table.bySession.get(sid) ?? 0;
      if (mine >= perSession)
        throw new HttpError(429, 'TOO_MANY_REQUESTS', msg.session(mine, perSession), undefined, { 'Retry-After': '5' });
      if (table.total >= total)
        throw new HttpError(429, 'TOO_MANY_REQUESTS', msg.total(table.total), undefined, { 'Retry-After': '5' });
      table.bySession.set(sid, mine + 1);
      table.total++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        table.total--;
        const n = (table.bySession.get(sid) ?? 1) - 1;
        if (n <= 0) table.bySession.delete(sid);
        else table.bySession.set(sid, n);
      };
    },
    /** Slots held now, and by how many sessions. */
    open(): { total: number; sessions: number } {
      return { total: table.total, sessions: table.bySession.size };
    },
  };
}

/** A positive integer from the environment, or the default. */
export function envInt(name: string, dflt: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : dflt;
}
