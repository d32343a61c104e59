/**
 * The node-labelling form's rows: what each row is (set or remove a label), what is wrong with it
 * (the API server's own rules, lib/label-validation.ts), which rows touch system-managed labels,
 * and the edits the form would send. Pure: the form renders it on every keystroke.
 */
import { labelKeyErrors, labelValueErrors, systemLabelWarning, type LabelEdit } from './label-validation';

export interface LabelRow {
  id: number;
  key: string;
  value: string;
  /** Remove the label instead of setting it (the value is ignored). */
  remove: boolean;
}

export interface RowCheck {
  keyErrors: string[];
  valueErrors: string[];
  /** Set when the key belongs to a system component (see systemLabelWarning). */
  warning: string | null;
}

export interface FormCheck {
  rows: RowCheck[];
  /** The edits of the rows that are filled in, when every row is valid; [] otherwise. */
  edits: LabelEdit[];
  valid: boolean;
  /** Whether any row touches a system-managed label: the form asks for an explicit tick. */
  touchesSystem: boolean;
}

const blank = (r: LabelRow) => r.key === '' && r.value === '' && !r.remove;

/** Checks every row; a blank row is ignored, a key used by two rows is an error on the second. */
export function checkLabelRows(rows: readonly LabelRow[]): FormCheck {
  const seen = new Set<string>();
  const checks = rows.map((r): RowCheck => {
    if (blank(r)) return { keyErrors: [], valueErrors: [], warning: null };
    const keyErrors = labelKeyErrors(r.key);
    if (keyErrors.length === 0 && seen.has(r.key)) keyErrors.push('is edited by another row already');
    seen.add(r.key);
    const valueErrors = r.remove ? [] : labelValueErrors(r.value);
    return { keyErrors, valueErrors, warning: keyErrors.length === 0 ? systemLabelWarning(r.key) : null };
  });
  const filled = rows.filter((r) => !blank(r));
  const valid = filled.length > 0 && checks.every((c) => c.keyErrors.length === 0 && c.valueErrors.length === 0);
  return {
    rows: checks,
    edits: valid
      ? filled.map((r): LabelEdit =>
          r.remove ? { op: 'remove', key: r.key } : { op: 'set', key: r.key, value: r.value },
        )
      : [],
    valid,
    touchesSystem: checks.some((c) => c.warning !== null),
  };
}
