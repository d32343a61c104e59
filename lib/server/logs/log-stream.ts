import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import type { NamespaceScope } from '../../view-scope';
import { allowsNamespace } from '../../view-scope';
import { matchesSelector, type Selector } from '../../label-selector';
import { sinceParams, type LogQuery } from '../../logs/options';
import { tsKey } from '../../logs/timestamps';
import type { LogEntry, LogTarget } from '../../logs/types';
import type { PodRow } from '../../views';
import { HttpError } from '../errors/http-error';
import type { ClusterCache } from '../kube/cluster-cache';
import { ContainerFollower } from './follower';

/** How long a single-pod stream waits for the API server's first answer before it starts anyway. */
const OPEN_WAIT_MS = 1500;

export interface LogStreamDeps {
  kc: KubeConfig;
  cache: ClusterCache;
  query: LogQuery;
  /** Single-pod mode: the pod's containers (already checked with the user's credentials). */
  containers?: string[];
  /** Selector mode: the parsed selector and the namespaces the user may list pods in. */
  selector?: Selector;
  podScope?: NamespaceScope;
  maxPods: number;
  emit: (e: LogEntry) => void;
  targets: (t: LogTarget[]) => void;
}

/** Pods whose containers have a log to read: placed on a node and started (or finished). */
function loggable(p: PodRow): boolean {
  return !!p.nodeName && (p.phase === 'Running' || p.phase === 'Succeeded' || p.phase === 'Failed');
}

/**
 * One browser's log stream: a ContainerFollower per followed container. In selector mode it is a
 * live set fed by the shared watch cache: a matching pod that appears (or starts) joins, a pod
 * that goes away ends its part with a marker. At most `maxPods` pods are followed.
 */
export class LogStream {
  private readonly followers = new Map<string, { f: ContainerFollower; t: LogTarget }>();
  private readonly pods = new Set<string>();
  private unsubscribe: (() => void) | null = null;
  private limitNoted = false;
  private stopped = false;
  private started = false;

  constructor(private readonly d: LogStreamDeps) {}

  /** Starts; in single-pod mode resolves once every container's log answered (rejects with the API server's error). */
  async start(): Promise<void> {
    const q = this.d.query;
    if (q.pod) {
      for (const c of this.d.containers ?? []) this.follow(q.pod, c);
      const all = [...this.followers.values()].map((x) => x.f.opened);
      // A refusal (403, 404, 400) comes at once and becomes the route's answer. A quiet container
      // sends nothing, headers included, until its first line: then the stream starts anyway.
      let settle: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          Promise.all(all),
          new Promise<void>((r) => {
            settle = setTimeout(r, OPEN_WAIT_MS);
          }),
        ]);
      } catch (e) {
        this.stop();
        throw e;
      } finally {
        clearTimeout(settle);
      }
      this.started = true;
      return;
    }
    const ns = q.namespace;
    if (!this.d.podScope || !allowsNamespace(this.d.podScope, ns))
      throw new HttpError(403, 'FORBIDDEN', `You may not list pods in ${ns}`);
    const wanted = (p: PodRow) =>
      p.namespace === ns && (!q.node || p.nodeName === q.node) && matchesSelector(this.d.selector!, p.labels);
    const matching = this.d.cache.views.pods.list(wanted).items;
    if (matching.length > this.d.maxPods) {
      throw new HttpError(
        400,
        'BAD_REQUEST',
        `selector: it matches ${matching.length} pods; at most ${this.d.maxPods} are followed at once, narrow it`,
        'selector',
      );
    }
    for (const p of matching) if (loggable(p)) this.addPod(p);
    this.sendTargets();
    this.unsubscribe = this.d.cache.subscribe((m) => {
      if (m.type !== 'delta' || m.delta.view !== 'pods') return;
      let changed = false;
      for (const key of m.delta.deletes)
        if (this.pods.has(key)) {
          this.removePod(key, 'went away');
          changed = true;
        }
      for (const row of m.delta.upserts as PodRow[]) {
        if (this.pods.has(row.key) || !wanted(row) || !loggable(row) || row.terminating) continue;
        if (this.pods.size >= this.d.maxPods) {
          if (!this.limitNoted)
            this.marker('', '', `${row.name} matches too, but ${this.d.maxPods} pods are followed already`);
          this.limitNoted = true;
          continue;
        }
        this.addPod(row);
        this.marker(row.name, '', `${row.name} joined`);
        changed = true;
      }
      if (changed) this.sendTargets();
    });
  }

  /** True while some container is still streaming or reconnecting (or, for a selector, may yet join). */
  active(): boolean {
    if (this.d.query.selector && this.d.query.follow && !this.d.query.previous && !this.d.query.until) return true;
    return [...this.followers.values()].some((x) => x.t.state !== 'ended');
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    for (const { f } of this.followers.values()) f.stop();
  }

  private addPod(p: PodRow): void {
    this.pods.add(p.key);
    const wanted = this.d.query.container;
    const containers = wanted ? p.containers.filter((c) => c === wanted) : p.containers;
    for (const c of containers) this.follow(p.name, c);
  }

  private removePod(key: string, why: string): void {
    this.pods.delete(key);
    const name = key.slice(key.indexOf('/') + 1);
    for (const [k, x] of this.followers) {
      if (x.t.pod !== name) continue;
      x.f.stop();
      this.followers.delete(k);
    }
    this.marker(name, '', `${name} ${why}`);
  }

  private follow(pod: string, container: string): void {
    const q = this.d.query;
    const key = `${pod}/${container}`;
    const t: LogTarget = { pod, container, state: 'streaming' };
    const f = new ContainerFollower(
      this.d.kc,
      {
        namespace: q.namespace,
        pod,
        container,
        follow: q.follow && !q.previous && !q.until,
        previous: q.previous,
        tailLines: q.tail,
        ...sinceParams(q.since),
        untilKey: q.until ? (tsKey(new Date(Date.parse(q.until)).toISOString()) ?? undefined) : undefined,
        retryFirst: !!q.selector,
      },
      {
        line: (ts, text) => this.d.emit({ k: 'l', pod, container, ts, text }),
        marker: (text) => this.marker(pod, container, text),
        state: (s) => {
          if (t.state === s) return;
          t.state = s;
          if (!this.stopped) this.sendTargets();
        },
        stillThere: () => !this.stopped && this.d.cache.views.pods.get(`${q.namespace}/${pod}`) !== undefined,
      },
    );
    this.followers.set(key, { f, t });
    f.opened.catch((e: unknown) => {
      // Single-pod mode reports this as the route's answer while starting; later, inline.
      if (q.selector || this.started)
        this.marker(pod, container, `cannot read the log: ${e instanceof Error ? e.message : String(e)}`);
    });
    void f.run();
  }

  private marker(pod: string, container: string, text: string): void {
    if (!this.stopped) this.d.emit({ k: 'm', pod, container, ts: new Date().toISOString(), text });
  }

  /** The followed containers and their state, now. */
  targetsNow(): LogTarget[] {
    return [...this.followers.values()].map((x) => ({ ...x.t }));
  }

  private sendTargets(): void {
    this.d.targets(this.targetsNow());
  }
}
