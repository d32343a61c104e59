import 'server-only';
import { randomUUID } from 'node:crypto';
import type { KubeConfig } from '@kubernetes/client-node';
import { asSeen, holdsLock, isStale, reachedOf, resumed, resumeFrom } from '../../deploy/run-lease';
import { objectKey, planStages, type Stage } from '../../deploy/plan';
import type { DeploySettings } from '../../deploy/settings';
import type { DeployChoices } from '../../deploy/preview-types';
import { applySettings, type KubeObj } from '../../deploy/transform';
import { formatTime } from '../../time/format-time';
import { failureResult, recordAudit } from '../audit/record';
import { KubeError } from '../kube/errors';
import { recordDeploy } from '../telemetry/panel-metrics';
import { applyForDeploy, serverSideApply, type ObjectChoices } from './apply';
import { loadBundle } from './bundle';
import { gate, latestEvents } from './gates';
import type { DeployRun, RunObject, RunStage } from '../../deploy/run-types';
import { fillSecret } from './secrets';
import { settingsConfigMap } from './settings-store';
import { undeployStage, type UndeployOptions } from './undeploy';
import {
  hasRun,
  leaseSeconds,
  lockHeld,
  LostRecord,
  readRunRecord,
  REPLICA,
  swapRunRecord,
  type RunRequest,
} from './run-record';
import { RecordWriter } from './record-writer';

/** How long a stage may wait for readiness (read per deploy, so it can be changed without a restart). */
const stageTimeoutMs = () => Number(process.env.IMAGEPOD_DEPLOY_STAGE_TIMEOUT_S ?? 300) * 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Actor {
  user: { username: string; groups: string[] };
  session: { sid: string };
  /** The user's credentials: every change of a deploy is made with them. */
  kube: KubeConfig;
}

const NAMESPACE_TARGET = { kind: 'Namespace', name: 'imagepod' } as const;

/**
 * Runs deploys and undeploys on the server, independent of any browser: closing the tab does not
 * stop a deploy. The run lives in the cluster (run-record.ts): one at a time across every replica,
 * the same progress on each, and a run whose replica died is shown interrupted and can be resumed
 * from another. This replica's own run is also pushed to local subscribers on every change.
 */
export class DeployRunner {
  private run: DeployRun | null = null;
  private writer: RecordWriter | null = null;
  /** This replica's run was resumed by another replica (it found the heartbeat stale): the record is the truth. */
  private takenOver = false;
  /** The write of this replica's last run's end, while it is under way. */
  private finishing: Promise<unknown> | null = null;
  /** Objects whose failure was a 403: a run that failed on one is audited as `denied`. */
  private readonly deniedObjects = new WeakSet<RunObject>();
  private readonly listeners = new Set<(run: DeployRun) => void>();

  /** This replica's current (or last) run. Other replicas' runs are read from the cluster (`seen`). */
  current(): DeployRun | null {
    return this.run;
  }

  /**
   * The run every replica shows: the cluster's record (with the reader's credentials), where this
   * replica's own running run stands in for it (it is fresher than its last write).
   */
  async seen(kc: KubeConfig, signal?: AbortSignal): Promise<DeployRun | null> {
    const rec = await readRunRecord(kc, signal);
    const local = this.run;
    if (local && !this.takenOver && (!hasRun(rec) || rec.run.id === local.id)) return local;
    return hasRun(rec) ? asSeen(rec.run) : null;
  }

  subscribe(fn: (run: DeployRun) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(): void {
    if (!this.run) return;
    this.writer?.changed();
    for (const fn of this.listeners) fn(this.run);
  }

  private newRun(kind: DeployRun['kind'], actor: Actor, stages: Stage[]): DeployRun {
    const now = new Date().toISOString();
    return {
      id: randomUUID(),
      kind,
      user: actor.user.username,
      startedAt: now,
      finishedAt: null,
      state: 'running',
      error: null,
      replica: REPLICA,
      heartbeatAt: now,
      leaseSeconds: leaseSeconds(),
      resumes: [],
      stages: stages.map((s) => ({
        id: s.id,
        title: s.title,
        state: 'pending',
        startedAt: null,
        finishedAt: null,
        objects: s.objects.map((o) => ({
          key: objectKey(o),
          kind: o.kind,
          name: o.metadata.name,
          namespace: o.metadata.namespace ?? null,
          state: 'pending',
          change: null,
          message: null,
        })),
      })),
    };
  }

  /**
   * Takes the cluster-wide lock for `make(record read)`: 409 naming the holder while a run holds
   * it; otherwise the record is replaced by compare-and-swap, so of two replicas starting at the
   * same instant exactly one wins. A run found stale (its replica died) is audited as interrupted.
   */
  private async claim(
    actor: Actor,
    request: RunRequest,
    firstNamespace: KubeObj | undefined,
    make: (previous: DeployRun | null) => DeployRun,
  ): Promise<DeployRun> {
    if (this.run?.state === 'running') throw lockHeld(this.run);
    // This replica's last run is over but its end may still be on its way to the record.
    await this.finishing;
    const rec = await readRunRecord(actor.kube);
    if (hasRun(rec) && holdsLock(rec.run)) throw lockHeld(rec.run);
    const previous = hasRun(rec) ? rec.run : null;
    const run = make(previous);
    let rv: string;
    try {
      rv = await swapRunRecord(actor.kube, run, request, rec?.resourceVersion ?? null).catch(async (e: unknown) => {
        // The first deploy: the record's namespace is the bundle's, which stage 1 creates.
        if (!(e instanceof KubeError && e.code === 'NOT_FOUND' && rec === null && firstNamespace)) throw e;
        await serverSideApply(actor.kube, firstNamespace);
        return swapRunRecord(actor.kube, run, request, null);
      });
    } catch (e) {
      if (!(e instanceof LostRecord)) throw e;
      const now = await readRunRecord(actor.kube).catch(() => null);
      throw hasRun(now)
        ? lockHeld(now.run)
        : new KubeError('CONFLICT', 'Another deploy started at the same moment', 409);
    }
    if (previous && isStale(previous)) await this.auditInterrupted(actor, previous);
    this.writer?.stop();
    this.writer = new RecordWriter(actor.kube, rv, run, request);
    this.takenOver = false;
    this.run = run;
    this.emit();
    return run;
  }

  private async auditInterrupted(actor: Actor, previous: DeployRun): Promise<void> {
    await recordAudit({
      action: previous.kind === 'deploy' ? 'deploy-interrupted' : 'undeploy-interrupted',
      user: previous.user,
      groups: [],
      sessionId: actor.session.sid,
      target: NAMESPACE_TARGET,
      result: 'failure',
      message: `${previous.kind} by ${previous.user} interrupted on replica ${previous.replica}: no heartbeat since ${formatTime(previous.heartbeatAt, 'UTC')}; reached ${reachedOf(previous).text} (run ${previous.id}; noticed by ${actor.user.username})`,
      details: { run: previous.id },
    });
  }

  async deploy(actor: Actor, settings: DeploySettings, choices: DeployChoices): Promise<DeployRun> {
    const request: RunRequest = {
      kind: 'deploy',
      settings,
      takeOwnership: [...choices.takeOwnership],
      keepLiveReplicas: [...choices.keepLiveReplicas],
    };
    const stages = deployStages(settings);
    const run = await this.claim(actor, request, namespaceOf(stages), () => this.newRun('deploy', actor, stages));
    void this.execute(run, actor, 'started', () => this.deployBody(run, stages, actor, request, 0));
    return run;
  }

  async undeploy(actor: Actor, opts: UndeployOptions): Promise<DeployRun> {
    const request: RunRequest = { kind: 'undeploy', ...opts };
    const stages = undeployStages(opts.settings);
    const run = await this.claim(actor, request, undefined, () => this.newRun('undeploy', actor, stages));
    void this.execute(run, actor, 'started', () => this.undeployBody(run, stages, actor, opts, 0));
    return run;
  }

  /**
   * Takes over an interrupted run (`id`, as the page shows it) with the user's own credentials and
   * runs its plan again from the first stage not done. 409 when that run is not interrupted (it
   * finished, is still running, or another run replaced it).
   */
  async resume(actor: Actor, id: string): Promise<DeployRun> {
    const rec = await readRunRecord(actor.kube);
    if (!hasRun(rec) || rec.run.id !== id)
      throw new KubeError('CONFLICT', `Run ${id} is not the last run any more; nothing to resume`, 409);
    if (!isStale(rec.run))
      throw rec.run.state === 'running'
        ? lockHeld(rec.run)
        : new KubeError('CONFLICT', `Run ${id} ${rec.run.state}; only an interrupted run can be resumed`, 409);
    const { request } = rec;
    const run = await this.claim(actor, request, undefined, (previous) => {
      if (previous?.id !== id) throw new KubeError('CONFLICT', `Run ${id} was replaced meanwhile`, 409);
      return resumed(previous, { user: actor.user.username, replica: REPLICA });
    });
    const from = resumeFrom(run);
    if (request.kind === 'deploy') {
      const stages = deployStages(request.settings);
      void this.execute(run, actor, 'resumed', () => this.deployBody(run, stages, actor, request, from));
    } else {
      const opts = {
        settings: request.settings,
        removeVolumes: request.removeVolumes,
        removeSecrets: request.removeSecrets,
      };
      void this.execute(run, actor, 'resumed', () =>
        this.undeployBody(run, undeployStages(opts.settings), actor, opts, from),
      );
    }
    return run;
  }

  private async deployBody(
    run: DeployRun,
    stages: Stage[],
    actor: Actor,
    choices: DeployChoices,
    from: number,
  ): Promise<boolean> {
    const take = new Set(choices.takeOwnership);
    const keep = new Set(choices.keepLiveReplicas);
    const choose = (key: string): ObjectChoices => ({ takeOwnership: take.has(key), keepLiveReplicas: keep.has(key) });
    for (const [i, stage] of stages.entries()) {
      if (i < from) continue;
      if (!(await this.deployStage(run.stages[i]!, stage, actor.kube, choose))) return false;
    }
    return true;
  }

  private async undeployBody(
    run: DeployRun,
    stages: Stage[],
    actor: Actor,
    opts: UndeployOptions,
    from: number,
  ): Promise<boolean> {
    for (const [i, stage] of stages.entries()) {
      if (i < from) continue;
      await this.fence();
      const rs = run.stages[i]!;
      this.stageStart(rs);
      const ok = await undeployStage(
        rs,
        stage,
        actor.kube,
        opts,
        () => this.emit(),
        (ro, e) => this.noteFailure(ro, e),
      );
      this.stageEnd(rs, ok);
      if (!ok) return false;
    }
    return true;
  }

  /** Waits until this replica's hold on the record is fresh; throws LostRecord when another replica took the run. */
  private async fence(): Promise<void> {
    await this.writer?.fence();
  }

  private async execute(
    run: DeployRun,
    actor: Actor,
    how: 'started' | 'resumed',
    body: () => Promise<boolean>,
  ): Promise<void> {
    // Recorded before anything is applied: a run cut off half-way (the process killed) still leaves
    // who started what in the trail, not only runs that reached their end.
    const objects0 = run.stages.flatMap((s) => s.objects).length;
    await recordAudit({
      action: `${run.kind}-${how}`,
      user: actor.user.username,
      groups: actor.user.groups,
      sessionId: actor.session.sid,
      target: NAMESPACE_TARGET,
      result: 'success',
      message:
        how === 'started'
          ? `${run.kind} started: ${run.stages.length} stages, ${objects0} objects (run ${run.id})`
          : `${run.kind} by ${run.user} resumed from stage ${run.stages[resumeFrom(run)]?.title ?? '(end)'} on replica ${REPLICA} (run ${run.id})`,
      details: { run: run.id },
    });
    let ok = false;
    let thrown: { e: unknown } | null = null;
    try {
      ok = await body();
    } catch (e) {
      thrown = { e };
      run.error = e instanceof Error ? e.message : String(e);
    }
    if (thrown?.e instanceof LostRecord || this.writer?.lost) {
      // Another replica resumed this run: it carries on and records the end; this one only stops.
      this.takenOver = true;
      run.state = 'failed';
      run.error = `taken over by another replica: ${this.writer?.lost ?? run.error}`;
      this.writer?.stop();
      this.emit();
      return;
    }
    const failed = run.stages.flatMap((s) => s.objects).find((o) => o.state === 'failed');
    // Denied when the failure the run reports was a 403 (the status, as audited() decides).
    const denied = thrown
      ? failureResult(thrown.e) === 'denied'
      : failed !== undefined && this.deniedObjects.has(failed);
    run.state = ok ? 'succeeded' : 'failed';
    run.error ??= ok ? null : failed ? `${failed.key}: ${failed.message}` : 'failed';
    run.finishedAt = new Date().toISOString();
    recordDeploy(run.kind, ok, (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000);
    this.emit();
    this.finishing = this.writer?.finish() ?? null;
    const recorded = await this.finishing;
    this.finishing = null;
    if (recorded === 'lost') return;
    const objects = run.stages.flatMap((s) => s.objects);
    const count = (c: RunObject['change']) => objects.filter((o) => o.change === c).length;
    await recordAudit({
      action: run.kind,
      user: actor.user.username,
      groups: actor.user.groups,
      sessionId: actor.session.sid,
      target: NAMESPACE_TARGET,
      result: ok ? 'success' : denied ? 'denied' : 'failure',
      message: ok
        ? run.kind === 'deploy'
          ? `deployed: ${count('created')} created, ${count('changed')} changed, ${count('unchanged')} unchanged`
          : `undeployed: ${objects.filter((o) => o.state === 'deleted').length} deleted, ${objects.filter((o) => o.state === 'kept').length} kept`
        : `${run.kind} failed: ${run.error}`,
      details: { run: run.id },
    });
  }

  private noteFailure(ro: RunObject, e: unknown): void {
    if (failureResult(e) === 'denied') this.deniedObjects.add(ro);
  }

  private stageStart(rs: RunStage): void {
    rs.state = 'running';
    rs.startedAt = new Date().toISOString();
    this.emit();
  }

  private stageEnd(rs: RunStage, ok: boolean): void {
    rs.state = ok ? 'done' : 'failed';
    rs.finishedAt = new Date().toISOString();
    this.emit();
  }

  /** One stage: apply (namespaces first, the rest in parallel), fill secrets, then wait for readiness. */
  private async deployStage(
    rs: RunStage,
    stage: Stage,
    kc: KubeConfig,
    choose: (key: string) => ObjectChoices,
  ): Promise<boolean> {
    this.stageStart(rs);
    const entries = stage.objects.map((o, i) => ({
      o,
      ro: rs.objects[i]!,
      applied: { generation: 0, uid: '' },
      note: null as string | null,
    }));
    const applyOne = async (e: (typeof entries)[number]) => {
      e.ro.state = 'applying';
      this.emit();
      try {
        const { result, change, note } = await this.whileUnreachable(e.ro, () =>
          applyForDeploy(kc, e.o, choose(e.ro.key)),
        );
        const meta = result.metadata as { generation?: number; uid?: string };
        e.applied = { generation: Number(meta.generation ?? 0), uid: meta.uid ?? '' };
        e.ro.change = change;
        if (e.o.kind === 'Secret') {
          const generated = await this.whileUnreachable(e.ro, () => fillSecret(kc, e.o));
          if (generated.length) e.ro.message = `generated ${generated.join(', ')}`;
        }
        e.ro.state = 'waiting';
        e.note = [note, e.ro.message].filter(Boolean).join('; ') || null;
        e.ro.message = e.note;
      } catch (err) {
        if (err instanceof LostRecord) throw err;
        this.noteFailure(e.ro, err);
        e.ro.state = 'failed';
        e.ro.message = err instanceof Error ? err.message : String(err);
      }
      this.emit();
    };
    for (const e of entries.filter((x) => x.o.kind === 'Namespace')) await applyOne(e);
    await Promise.all(entries.filter((x) => x.o.kind !== 'Namespace' && x.ro.state === 'pending').map(applyOne));
    if (entries.some((e) => e.ro.state === 'failed')) {
      this.stageEnd(rs, false);
      return false;
    }
    const timeout = stageTimeoutMs();
    const deadline = Date.now() + timeout;
    await Promise.all(
      entries.map(async (e) => {
        for (;;) {
          const g = gate(e.o, e.applied);
          if (g.ready) {
            e.ro.state = 'ready';
            e.ro.message = [e.note, g.message === 'applied' ? null : g.message].filter(Boolean).join('; ') || null;
            break;
          }
          if (Date.now() > deadline) {
            e.ro.state = 'failed';
            const events = latestEvents(e.o);
            e.ro.message = `not ready after ${timeout / 1000} s: ${g.message}${events.length ? ` — latest events: ${events.join(' | ')}` : ''}`;
            break;
          }
          const waiting = [e.note, g.message].filter(Boolean).join('; ');
          if (e.ro.message !== waiting) {
            e.ro.message = waiting;
            this.emit();
          }
          if (this.writer?.lost) throw new LostRecord(this.writer.lost);
          await sleep(250);
        }
        this.emit();
      }),
    );
    const ok = entries.every((e) => e.ro.state === 'ready');
    this.stageEnd(rs, ok);
    return ok;
  }

  /**
   * One change to the cluster, after the fence, tried again while the API server cannot be reached
   * (it restarts; an upgrade of the control plane) for up to a stage's timeout. Server-side apply
   * and the secret fill are idempotent, so a retry after an answer that was lost is safe. Any other
   * failure (a refusal, an invalid object) is the object's failure at once.
   */
  private async whileUnreachable<T>(ro: RunObject, change: () => Promise<T>): Promise<T> {
    const until = Date.now() + stageTimeoutMs();
    for (let attempt = 1; ; attempt++) {
      await this.fence();
      try {
        return await change();
      } catch (e) {
        const unreachable =
          e instanceof KubeError &&
          (e.upstreamStatus === null ||
            e.code === 'UNAVAILABLE' ||
            e.code === 'TIMED_OUT' ||
            e.code === 'TOO_MANY_REQUESTS');
        if (!unreachable || Date.now() > until) throw e;
        ro.message = `the API server did not answer (${e.message}); trying again (attempt ${attempt + 1})`;
        this.emit();
        await sleep(Math.min(5000, 500 * attempt));
      }
    }
  }
}

/** A deploy's stages: the settings ConfigMap with the namespace, then the bundle in order. */
function deployStages(settings: DeploySettings): Stage[] {
  return planStages([settingsConfigMap(settings), ...applySettings(loadBundle(), settings)]);
}

/** An undeploy's: the deploy's in reverse, each stage's objects reversed. */
function undeployStages(settings: DeploySettings): Stage[] {
  return planStages(applySettings(loadBundle(), settings))
    .reverse()
    .map((s) => ({ ...s, objects: [...s.objects].reverse() }));
}

function namespaceOf(stages: Stage[]): KubeObj | undefined {
  return stages.flatMap((s) => s.objects).find((o) => o.kind === 'Namespace');
}

const g = globalThis as typeof globalThis & { __imagepodDeployRunner?: DeployRunner };

export function getDeployRunner(): DeployRunner {
  return (g.__imagepodDeployRunner ??= new DeployRunner());
}
