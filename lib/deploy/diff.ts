/**
 * Comparing what a deploy would leave in the cluster (the server's dry-run answer) with what is
 * there now: both are full, defaulted objects from the same API server, so after dropping what
 * the server maintains (status, managedFields, resourceVersion, uid, generation, timestamps,
 * controller annotations) any remaining difference is a real one. Pure.
 */
import { createTwoFilesPatch } from 'diff';
import { sortedYaml } from '../yaml-text';

const SERVER_ANNOTATIONS = [
  'deployment.kubernetes.io/revision',
  'deprecated.daemonset.template.generation',
  'kubectl.kubernetes.io/last-applied-configuration',
];
const SERVER_METADATA = ['managedFields', 'resourceVersion', 'uid', 'generation', 'creationTimestamp', 'selfLink'];

type Obj = Record<string, unknown> & { metadata?: Record<string, unknown> & { annotations?: Record<string, string> } };

/** The object without server-maintained fields; Secret values replaced by their size. */
export function normalize(input: unknown): Obj {
  const o = structuredClone(input) as Obj;
  delete o.status;
  if (o.metadata) {
    for (const k of SERVER_METADATA) delete o.metadata[k];
    const ann = o.metadata.annotations;
    if (ann) {
      for (const k of SERVER_ANNOTATIONS) delete ann[k];
      if (Object.keys(ann).length === 0) delete o.metadata.annotations;
    }
  }
  if (o.kind === 'Secret') {
    for (const field of ['data', 'stringData'] as const) {
      const d = o[field] as Record<string, string> | undefined;
      if (d)
        o[field] = Object.fromEntries(
          Object.keys(d)
            .sort()
            .map((k) => [k, '(hidden)']),
        );
    }
  }
  return o;
}

export const toYaml = sortedYaml;

export interface ObjectDiff {
  changed: boolean;
  /** A unified diff of the normalised YAML (empty when unchanged). */
  diff: string;
}

export function diffObjects(live: unknown, after: unknown, name = 'object'): ObjectDiff {
  const a = toYaml(normalize(live));
  const b = toYaml(normalize(after));
  if (a === b) return { changed: false, diff: '' };
  return {
    changed: true,
    diff: createTwoFilesPatch(`${name} (live)`, `${name} (after deploy)`, a, b, '', '', { context: 3 }),
  };
}

/** The top-level paths that differ (e.g. `spec.replicas`), for a one-line summary. */
export function changedPaths(live: unknown, after: unknown, prefix = ''): string[] {
  const a = normalize(live) as Record<string, unknown>;
  const b = normalize(after) as Record<string, unknown>;
  return walk(a, b, prefix);
}

function walk(a: unknown, b: unknown, path: string): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  const isObj = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObj(a) || !isObj(b)) return [path || '.'];
  const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
  return [...keys]
    .sort()
    .flatMap((k) =>
      walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k),
    );
}
