import 'server-only';
import { randomUUID } from 'node:crypto';
import type { KubeConfig } from '@kubernetes/client-node';
import { classifyConflicts } from '../../deploy/conflicts';
import { objectKey, planStages, type Stage } from '../../deploy/plan';
import type { DeploySettings } from '../../deploy/settings';
import { applySettings, type KubeObj } from '../../deploy/transform';
import { failureResult, recordAudit } from '../audit/record';
import { HttpError } from '../errors/http-error';
import { KubeError } from '../kube/errors';
import { recordDeploy } from '../telemetry/panel-metrics';
import { conflictsOf, getLive, serverSideApply } from './apply';
import { loadBundle } from './bundle';
import { gate, latestEvents } from './gates';
import type { DeployRun, RunObject, RunStage } from '../../deploy/run-types';
import { fillSecret } from './secrets';
import { settingsConfigMap } from './settings-store';
import { undeployStage, type UndeployOptions } from './undeploy';

/** How long a stage may wait for readiness (read per deploy, so it can be changed without a restart). */
const stageTimeoutMs = () => Number(process.env.IMAGEPOD_DEPLOY_STAGE_TIMEOUT_S ?? 300) * 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Actor {
  user: { username: string; groups: string[] };
  session: { sid: string };
  /** The user's credentials: every change of a deploy is made with them. */
  kube: KubeConfig;
}

/**
 * Runs deploys and undeploys on the server, one at a time, independent of any browser: closing
 * the tab does not stop a deploy, and whoever opens the Deploy page sees where it is. Progress is
 * the run object itself, pushed to subscribers on every change.
 */
export class DeployRunner {
  private run: DeployRun | null = null;
  /** Objects whose failure was a 403: a run that failed on one is audited as `denied`. */
  private readonly deniedObjects = new WeakSet<RunObject>();
  private readonly listeners = new Set<(run: DeployRun) => void>();

  current(): DeployRun | null {
    return this.run;
  }

  subscribe(fn: (run: DeployRun) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(): void {
    if (this.run) for (const fn of this.listeners) fn(this.run);
  }

  private begin(kind: DeployRun['kind'], actor: Actor, stages: Stage[]): DeployRun {
    if (this.run?.state === 'running') {
      throw new HttpError(
        409,
        'CONFLICT',
        `A ${this.run.kind} by ${this.run.user} is running (id ${this.run.id}); wait for it to finish`,
      );
    }
    const run: DeployRun = {
      id: randomUUID(),
      kind,
      user: actor.user.username,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      state: 'running',
      error: null,
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
    this.run = run;
    this.emit();
    return run;
  }

  deploy(actor: Actor, settings: DeploySettings, takeOwnership: ReadonlySet<string>): DeployRun {
    const stages = planStages([settingsConfigMap(settings), ...applySettings(loadBundle(), settings)]);
    const run = this.begin('deploy', actor, stages);
    void this.execute(run, actor, async () => {
      for (const [i, stage] of stages.entries()) {
        if (!(await this.deployStage(run.stages[i]!, stage, actor.kube, takeOwnership))) return false;
      }
      return true;
    });
    return run;
  }

  undeploy(actor: Actor, opts: UndeployOptions): DeployRun {
    const stages = planStages(applySettings(loadBundle(), opts.settings))
      .reverse()
      .map((s) => ({ ...s, objects: [...s.objects].reverse() }));
    const run = this.begin('undeploy', actor, stages);
    void this.execute(run, actor, async () => {
      for (const [i, stage] of stages.entries()) {
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
    });
    return run;
  }

  private async execute(run: DeployRun, actor: Actor, body: () => Promise<boolean>): Promise<void> {
    // Recorded before anything is applied: a run cut off half-way (the process killed) still leaves
    // who started what in the trail, not only runs that reached their end.
    const objects0 = run.stages.flatMap((s) => s.objects).length;
    await recordAudit({
      action: run.kind === 'deploy' ? 'deploy-started' : 'undeploy-started',
      user: actor.user.username,
      groups: actor.user.groups,
      sessionId: actor.session.sid,
      target: { kind: 'Namespace', name: 'imagepod' },
      result: 'success',
      message: `${run.kind} started: ${run.stages.length} stages, ${objects0} objects (run ${run.id})`,
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
    const objects = run.stages.flatMap((s) => s.objects);
    const count = (c: RunObject['change']) => objects.filter((o) => o.change === c).length;
    await recordAudit({
      action: run.kind,
      user: actor.user.username,
      groups: actor.user.groups,
      sessionId: actor.session.sid,
      target: { kind: 'Namespace', name: 'imagepod' },
      result: ok ? 'success' : denied ? 'denied' : 'failure',
      message: ok
        ? run.kind === 'deploy'
          ? `deployed: ${count('created')} created, ${count('changed')} changed, ${count('unchanged')} unchanged`
          : `undeployed: ${objects.filter((o) => o.state === 'deleted').length} deleted, ${objects.filter((o) => o.state === 'kept').length} kept`
        : `${run.kind} failed: ${run.error}`,
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
    takeOwnership: ReadonlySet<string>,
  ): Promise<boolean> {
    this.stageStart(rs);
    const entries = stage.objects.map((o, i) => ({
      o,
      ro: rs.objects[i]!,
      generation: 0,
      note: null as string | null,
    }));
    const applyOne = async (e: (typeof entries)[number]) => {
      e.ro.state = 'applying';
      this.emit();
      try {
        const { result, change, note } = await this.applyObject(kc, e.o, takeOwnership.has(e.ro.key));
        e.generation = Number((result.metadata as { generation?: number }).generation ?? 0);
        e.ro.change = change;
        if (e.o.kind === 'Secret') {
          const generated = await fillSecret(kc, e.o);
          if (generated.length) e.ro.message = `generated ${generated.join(', ')}`;
        }
        e.ro.state = 'waiting';
        e.note = [note, e.ro.message].filter(Boolean).join('; ') || null;
        e.ro.message = e.note;
      } catch (err) {
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
          const g = gate(e.o, e.generation);
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
          await sleep(250);
        }
        this.emit();
      }),
    );
    const ok = entries.every((e) => e.ro.state === 'ready');
    this.stageEnd(rs, ok);
    return ok;
  }

  /** Server-side apply without force; drift and chosen take-overs are re-applied with force. */
  private async applyObject(kc: KubeConfig, o: KubeObj, takeOwnership: boolean) {
    const before = await getLive(kc, o);
    let result: KubeObj;
    let note: string | null = null;
    try {
      result = await serverSideApply(kc, o);
    } catch (e) {
      const conflicts = conflictsOf(e);
      const cls = classifyConflicts(conflicts);
      if (cls === 'none') throw e;
      const managers = [...new Set(conflicts.map((c) => c.manager))].join(', ');
      if (cls === 'conflict' && !takeOwnership) {
        throw new KubeError(
          'CONFLICT',
          `fields owned by ${managers}: ${conflicts.map((c) => c.field).join(', ')} — preview and choose "take ownership" to overwrite them`,
          409,
        );
      }
      result = await serverSideApply(kc, o, { force: true });
      note = cls === 'drift' ? `restored fields changed by ${managers}` : `took ownership from ${managers}`;
    }
    const rv = (x: KubeObj | null) => (x?.metadata as { resourceVersion?: string } | undefined)?.resourceVersion;
    const change = !before
      ? ('created' as const)
      : rv(before) === rv(result)
        ? ('unchanged' as const)
        : ('changed' as const);
    return { result, change, note };
  }
}

const g = globalThis as typeof globalThis & { __imagepodDeployRunner?: DeployRunner };

export function getDeployRunner(): DeployRunner {
  return (g.__imagepodDeployRunner ??= new DeployRunner());
}
