import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import { apiVersionOf } from '../../kube-resources';
import { yamlResource, type YamlKind } from '../../object-yaml/kinds';
import { fieldManagers } from '../../object-yaml/managed-fields';
import { forDisplay } from '../../object-yaml/redact';
import type { ObjectYaml } from '../../object-yaml/types';
import { sortedYaml } from '../../yaml-text';
import { HttpError } from '../errors/http-error';
import { kubeRequest, resourcePath } from '../kube/transport';

/** The largest YAML text the panel sends (the object plus its field managers), in UTF-8 bytes. */
export const MAX_YAML_BYTES = 1024 * 1024;

/** Which object: a namespaced kind with its namespace, a cluster-scoped kind without. */
export interface ObjectRef {
  kind: YamlKind;
  namespace?: string;
  name: string;
}

interface WireObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { resourceVersion?: string; managedFields?: []; [k: string]: unknown };
  [k: string]: unknown;
}

/**
 * Reads one object with the given credentials (the user's: Kubernetes RBAC decides, a 403 or 404
 * comes back as a KubeError) and renders it for display: sorted YAML without managedFields, a
 * Secret's values hidden, the field managers as readable paths. Too large an answer is a 413.
 */
export async function readObjectYaml(kc: KubeConfig, ref: ObjectRef, signal: AbortSignal): Promise<ObjectYaml> {
  const t = yamlResource(ref.kind);
  const o = await kubeRequest<WireObject>(kc, resourcePath(t, { namespace: ref.namespace, name: ref.name }), {
    signal,
  });
  // The kind asked for decides what is hidden: a Secret is redacted even if its answer lacked `kind`.
  const { object, managedFields, redacted } = forDisplay({ ...o, kind: ref.kind });
  const yaml = sortedYaml(object);
  const managers = fieldManagers(managedFields);
  const bytes = Buffer.byteLength(yaml) + Buffer.byteLength(JSON.stringify(managers));
  if (bytes > MAX_YAML_BYTES)
    throw new HttpError(
      413,
      'PAYLOAD_TOO_LARGE',
      `${ref.kind} ${ref.name} is ${Math.ceil(bytes / 1024)} KiB as YAML, more than the panel shows (${MAX_YAML_BYTES / 1024} KiB); use kubectl get -o yaml`,
    );
  return {
    kind: ref.kind,
    apiVersion: o.apiVersion ?? apiVersionOf(t),
    namespace: t.namespaced ? (ref.namespace ?? null) : null,
    name: ref.name,
    resourceVersion: o.metadata?.resourceVersion ?? null,
    yaml,
    managers,
    redacted,
  };
}
