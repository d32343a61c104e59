/**
 * The operator's settings applied to the parsed bundle as structured edits of objects — never
 * string templating. Pure: objects in, new objects out (the input is not modified).
 */
import { isWorkloadKind } from '../kube-resources';
import { DEFAULT_SETTINGS, isRegistryHost, splitLabel, type DeploySettings } from './settings';

export interface KubeObj {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [k: string]: unknown;
  };
  [k: string]: unknown;
}

interface Container {
  name: string;
  image?: string;
}
interface PodSpec {
  containers?: Container[];
  initContainers?: Container[];
  nodeSelector?: Record<string, string>;
}
type WithTemplate = KubeObj & {
  spec: {
    replicas?: number;
    template: { spec: PodSpec };
    volumeClaimTemplates?: { metadata: { name: string }; spec: { resources: { requests: Record<string, string> } } }[];
  };
};
type IngressObj = KubeObj & { spec: { rules?: { host?: string }[]; tls?: { hosts?: string[] }[] } };

const API = { kind: 'Deployment', name: 'imagepod-api' };
const WORKER = { kind: 'DaemonSet', name: 'imagepod-gpu-worker' };
const POSTGRES = { kind: 'StatefulSet', name: 'postgres' };

const is = (o: KubeObj, t: { kind: string; name: string }) => o.kind === t.kind && o.metadata.name === t.name;

/**
 * `registry.example.com/mirror` + `postgres:15` → `registry.example.com/mirror/postgres:15` (the
 * original registry host is replaced); an image already on the mirror is left as it is.
 */
export function mirrorImage(image: string, registry: string): string {
  if (!registry || image.startsWith(`${registry}/`)) return image;
  const first = image.split('/')[0]!;
  const hasHost = image.includes('/') && isRegistryHost(first);
  return `${registry}/${hasHost ? image.slice(first.length + 1) : image}`;
}

function containersOf(spec: PodSpec): Container[] {
  return [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
}

/** Replaces the API host in an Ingress (and `grafana.<host>` for Grafana's), in rules and TLS. */
function rehost(o: IngressObj, from: string, to: string): void {
  const swap = (h: string | undefined) => (h === from ? to : h === `grafana.${from}` ? `grafana.${to}` : h);
  for (const r of o.spec.rules ?? []) r.host = swap(r.host);
  for (const t of o.spec.tls ?? []) t.hosts = t.hosts?.map((h) => swap(h)!);
}

export function applySettings(bundle: readonly KubeObj[], s: DeploySettings): KubeObj[] {
  const [defKey, defValue] = splitLabel(DEFAULT_SETTINGS.gpuNodeLabel);
  const [key, value] = splitLabel(s.gpuNodeLabel);
  return bundle.map((orig) => {
    const o = structuredClone(orig) as KubeObj;
    if (isWorkloadKind(o.kind)) {
      const w = o as WithTemplate;
      const pod = w.spec.template.spec;
      if (is(o, API)) {
        w.spec.replicas = s.apiReplicas;
        for (const c of pod.containers ?? []) if (c.name === 'api') c.image = s.apiImage;
      }
      if (is(o, WORKER)) for (const c of pod.containers ?? []) c.image = s.workerImage;
      if (is(o, POSTGRES))
        for (const t of w.spec.volumeClaimTemplates ?? []) t.spec.resources.requests.storage = s.postgresStorage;
      // Everything that selects GPU nodes by the bundle's label follows the operator's label.
      if (pod.nodeSelector?.[defKey] === defValue) {
        delete pod.nodeSelector[defKey];
        pod.nodeSelector[key] = value;
      }
      for (const c of containersOf(pod)) if (c.image) c.image = mirrorImage(c.image, s.registry);
    }
    if (o.kind === 'Ingress') rehost(o as IngressObj, DEFAULT_SETTINGS.ingressHost, s.ingressHost);
    return o;
  });
}
