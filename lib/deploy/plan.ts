/**
 * The deploy plan: the bundle's objects grouped by the stage each carries in the label
 * `imagepod.io/stage` ("<n>-<name>"), stages in order, objects in bundle order within a stage.
 * Pure.
 */
import type { KubeObj } from './transform';

export const STAGE_LABEL = 'imagepod.io/stage';

export interface Stage {
  /** e.g. "2-data". */
  id: string;
  title: string;
  objects: KubeObj[];
}

const TITLES: Record<string, string> = {
  namespace: 'Namespace and secrets',
  data: 'PostgreSQL and Redis',
  api: 'ImagePod API',
  monitoring: 'Monitoring',
  gpu: 'GPU workers',
  ingress: 'Ingress and network policies',
};

export function objectKey(o: Pick<KubeObj, 'kind' | 'metadata'>): string {
  return `${o.kind}/${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`;
}

export function planStages(objects: readonly KubeObj[]): Stage[] {
  const stages = new Map<string, Stage>();
  for (const o of objects) {
    const id = o.metadata.labels?.[STAGE_LABEL];
    if (!id || !/^\d+-[a-z-]+$/.test(id)) throw new Error(`${objectKey(o)} has no valid ${STAGE_LABEL} label`);
    let st = stages.get(id);
    if (!st) {
      const name = id.slice(id.indexOf('-') + 1);
      st = { id, title: TITLES[name] ?? name, objects: [] };
      stages.set(id, st);
    }
    st.objects.push(o);
  }
  return [...stages.values()].sort((a, b) => Number.parseInt(a.id, 10) - Number.parseInt(b.id, 10));
}
