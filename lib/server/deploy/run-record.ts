import 'server-only';
import { panelFieldManager } from '../../field-manager/field-manager';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { KubeConfig } from '@kubernetes/client-node';
import { z } from 'zod';
import type { DeployRun } from '../../deploy/run-types';
import { deploySettingsSchema, type DeploySettings } from '../../deploy/settings';
import type { KubeObj } from '../../deploy/transform';
import { formatTime } from '../../time/format-time';
import { RESOURCES } from '../../kube-resources';
import { KubeError } from '../kube/errors';
import { kubeRequest, resourcePath } from '../kube/transport';
import { STACK_NAMESPACE } from './settings-store';

/**
 * The deploy run and lock, held in the cluster: one ConfigMap, imagepod-deploy-run, in the
 * bundle's namespace, written with the deploying user's credentials. Every replica reads it (with
 * its viewer's credentials), so whichever one a browser reaches shows the same run, and it outlives
 * the replica that wrote it. The lock is a compare-and-swap on its resourceVersion: a replica
 * starts a run only by replacing the resourceVersion it read, and only when the record it read
 * holds no lock (see lib/deploy/run-lease.ts); every later write names the resourceVersion of the
 * one before, so a replica that was taken over fails its next write and stops.
 */

export const RUN_NAME = 'imagepod-deploy-run';

/** What a run was asked to do: enough for another replica to resume it. */
export type RunRequest =
  | { kind: 'deploy'; settings: DeploySettings; takeOwnership: string[]; keepLiveReplicas: string[] }
  | { kind: 'undeploy'; settings: DeploySettings; removeVolumes: boolean; removeSecrets: boolean };

/** The lease a run holds (IMAGEPOD_DEPLOY_LEASE_S, default 15 s); renewed every third of it. */
export const leaseSeconds = () => Math.max(2, Number(process.env.IMAGEPOD_DEPLOY_LEASE_S ?? 15) || 15);

/** This process among the panel's replicas: its pod's name (or the host's) and an id per start. */
export const REPLICA = `${process.env.POD_NAME ?? hostname()}#${randomBytes(3).toString('hex')}`;

const objectSchema = z.object({
  key: z.string(),
  kind: z.string(),
  name: z.string(),
  namespace: z.string().nullable(),
  state: z.enum(['pending', 'applying', 'waiting', 'ready', 'failed', 'deleting', 'deleted', 'kept']),
  change: z.enum(['created', 'changed', 'unchanged']).nullable(),
  message: z.string().nullable(),
});
const runSchema = z.object({
  id: z.string(),
  kind: z.enum(['deploy', 'undeploy']),
  user: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  state: z.enum(['running', 'succeeded', 'failed']),
  error: z.string().nullable(),
  replica: z.string(),
  heartbeatAt: z.string(),
  leaseSeconds: z.number().positive(),
  resumes: z.array(z.object({ at: z.string(), user: z.string(), replica: z.string() })),
  stages: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      state: z.enum(['pending', 'running', 'done', 'failed']),
      startedAt: z.string().nullable(),
      finishedAt: z.string().nullable(),
      objects: z.array(objectSchema),
    }),
  ),
});
const requestSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('deploy'),
    settings: deploySettingsSchema,
    takeOwnership: z.array(z.string()),
    // A record written before "keep live replicas" existed kept none.
    keepLiveReplicas: z.array(z.string()).default([]),
  }),
  z.object({
    kind: z.literal('undeploy'),
    settings: deploySettingsSchema,
    removeVolumes: z.boolean(),
    removeSecrets: z.boolean(),
  }),
]);

/** A record read back: the run, what it was asked, and the resourceVersion to replace. */
export interface RunRecord {
  run: DeployRun;
  request: RunRequest;
  resourceVersion: string;
}

/** The lock is held by someone else: 409 naming them. */
export function lockHeld(run: DeployRun): KubeError {
  return new KubeError(
    'CONFLICT',
    `A ${run.kind} by ${run.user} is running on replica ${run.replica} (run ${run.id}, started ${formatTime(run.startedAt, 'UTC')}); wait for it to finish`,
    409,
  );
}

interface ConfigMap {
  metadata: { name: string; namespace: string; resourceVersion?: string; labels?: Record<string, string> };
  data?: Record<string, string>;
}

const path = (name?: string) => resourcePath(RESOURCES.configmaps, { namespace: STACK_NAMESPACE, name });

function toConfigMap(run: DeployRun, request: RunRequest, resourceVersion?: string): ConfigMap & KubeObj {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: RUN_NAME,
      namespace: STACK_NAMESPACE,
      ...(resourceVersion ? { resourceVersion } : {}),
      labels: { 'app.kubernetes.io/part-of': 'imagepod', 'app.kubernetes.io/managed-by': 'imagepod-dashboard' },
    },
    data: { 'run.json': JSON.stringify(run), 'request.json': JSON.stringify(request) },
  };
}

/** A record that is not a run (edited by hand): it holds no lock, and the next run replaces it. */
export interface UnreadableRecord {
  run: null;
  request: null;
  resourceVersion: string;
}

/** The record, or null when there is none (or its namespace does not exist yet). */
export async function readRunRecord(
  kc: KubeConfig,
  signal?: AbortSignal,
): Promise<RunRecord | UnreadableRecord | null> {
  let cm: ConfigMap;
  try {
    cm = await kubeRequest<ConfigMap>(kc, path(RUN_NAME), { signal, timeoutMs: 10_000 });
  } catch (e) {
    if (e instanceof KubeError && e.code === 'NOT_FOUND') return null;
    throw e;
  }
  const rv = cm.metadata.resourceVersion ?? '';
  try {
    const run = runSchema.parse(JSON.parse(cm.data?.['run.json'] ?? 'null')) as DeployRun;
    const request = requestSchema.parse(JSON.parse(cm.data?.['request.json'] ?? 'null')) as RunRequest;
    return { run, request, resourceVersion: rv };
  } catch {
    return { run: null, request: null, resourceVersion: rv };
  }
}

/** Whether a record read is a usable run (see readRunRecord: an unreadable one has `run` null). */
export function hasRun(r: RunRecord | UnreadableRecord | null): r is RunRecord {
  return r !== null && r.run !== null;
}

/**
 * Writes the record in place of `expect` (the resourceVersion read; null: there was none).
 * Answers the new resourceVersion; throws `lost` (409) when someone wrote in between.
 */
export async function swapRunRecord(
  kc: KubeConfig,
  run: DeployRun,
  request: RunRequest,
  expect: string | null,
  signal?: AbortSignal,
): Promise<string> {
  const body = toConfigMap(run, request, expect ?? undefined);
  try {
    const cm = await kubeRequest<ConfigMap>(kc, expect === null ? path() : path(RUN_NAME), {
      method: expect === null ? 'POST' : 'PUT',
      body,
      fieldManager: panelFieldManager('runner'),
      signal,
      timeoutMs: 10_000,
    });
    return cm.metadata.resourceVersion ?? '';
  } catch (e) {
    // AlreadyExists (create) and Conflict (stale resourceVersion) are both 409: another replica won.
    if (e instanceof KubeError && e.upstreamStatus === 409) throw new LostRecord(e.message);
    throw e;
  }
}

/** Another replica wrote the record since this one read it. */
export class LostRecord extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LostRecord';
  }
}
