/**
 * The diff an undo confirmation shows: the workload's pod template now against the revision it
 * would go back to, as unified-diff hunks of sorted-key YAML. Pure (the `diff` library does the work).
 */
import { parsePatch, structuredPatch, type StructuredPatchHunk } from 'diff';
import type { PodTemplate } from './kube-types';
import { templateYaml } from './rollout-history';

export interface DiffLine {
  kind: 'add' | 'del' | 'ctx';
  text: string;
}

export interface DiffHunk {
  /** `@@ -a,b +c,d @@`, as in a unified diff. */
  header: string;
  lines: DiffLine[];
}

const KIND = { '+': 'add', '-': 'del', ' ': 'ctx' } as const;

/** Hunks that turn `from` into `to`, with `context` unchanged lines around each change; [] when equal. */
export function templateDiff(from: PodTemplate, to: PodTemplate, context = 3): DiffHunk[] {
  return toHunks(
    structuredPatch('current', 'revision', templateYaml(from), templateYaml(to), '', '', { context }).hunks,
  );
}

/** The hunks of a unified diff given as text (e.g. a deploy preview's per-object diff). */
export function hunksOfPatch(patch: string): DiffHunk[] {
  return patch ? toHunks(parsePatch(patch)[0]?.hunks ?? []) : [];
}

function toHunks(hunks: StructuredPatchHunk[]): DiffHunk[] {
  return hunks.map((h) => ({
    header: `@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`,
    lines: h.lines
      .filter((l) => l[0] === '+' || l[0] === '-' || l[0] === ' ')
      .map((l) => ({ kind: KIND[l[0] as keyof typeof KIND], text: l.slice(1) })),
  }));
}
