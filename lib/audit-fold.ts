/**
 * Folding the audit trail for reading: a run of identical records next to each other (the same
 * user doing the same thing to the same target with the same outcome, from the same client —
 * a retried scale, a flood of failed sign-ins) becomes one row with a count and the span of
 * time it covers. Only neighbours fold, so the trail's order still tells the story. Pure.
 */
import { targetText, type AuditRow } from './audit';

/** One row of the folded trail: the newest record of its run, with how many it stands for. */
export interface FoldedAuditRow extends AuditRow {
  /** Records in the run (1 for a record that repeats nothing). */
  count: number;
  /** The oldest record's time (the row's `time` is the newest's). */
  firstTime: string;
}

/** What makes two records "the same" for folding; time, key and session are left out. */
function identity(r: AuditRow): string {
  return JSON.stringify([
    r.user,
    r.action,
    targetText(r.target),
    r.result,
    r.message,
    r.details ?? null,
    r.client ?? '',
    r.verified,
  ]);
}

/** Folds runs of identical neighbouring records (rows newest first, as `filterAudit` gives them). */
export function foldAudit(rows: readonly AuditRow[]): FoldedAuditRow[] {
  const out: FoldedAuditRow[] = [];
  let last = '';
  for (const r of rows) {
    const id = identity(r);
    const prev = out[out.length - 1];
    if (prev && id === last) {
      prev.count++;
      prev.firstTime = r.time;
      continue;
    }
    out.push({ ...r, count: 1, firstTime: r.time });
    last = id;
  }
  return out;
}
