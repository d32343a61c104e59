/**
 * Server-side apply conflicts, read from the API server's 409 answer, and how the deploy treats
 * them. A field last set by a hand-run kubectl command (`kubectl scale`, `kubectl set env`,
 * `kubectl edit`, ...) or by the panel's own operate buttons is drift from the bundle: a deploy
 * restores it, and the preview says so. A field owned by any other manager (another deploy tool,
 * a controller) is a conflict: nothing is overwritten unless the operator chooses "take
 * ownership" for that object. Pure.
 */

import { isOperateManager } from '../field-manager/field-manager';

export interface FieldConflict {
  field: string;
  manager: string;
}

/** Managers whose changes a deploy reverts without asking. */
export function isDriftManager(manager: string): boolean {
  return /^kubectl(-[a-z-]+)?$/.test(manager) || isOperateManager(manager);
}

/** Conflicts from a 409 Status's `details.causes` (reason FieldManagerConflict). */
export function parseConflicts(
  causes: readonly { field?: string; message?: string; reason?: string }[],
): FieldConflict[] {
  const out: FieldConflict[] = [];
  for (const c of causes) {
    const m = /conflict with "([^"]+)"/.exec(c.message ?? '');
    if (m) out.push({ field: c.field ?? '', manager: m[1]! });
  }
  return out;
}

export function classifyConflicts(conflicts: readonly FieldConflict[]): 'none' | 'drift' | 'conflict' {
  if (conflicts.length === 0) return 'none';
  return conflicts.every((c) => isDriftManager(c.manager)) ? 'drift' : 'conflict';
}
