import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import type { DeployRun } from '../../deploy/run-types';
import { LostRecord, swapRunRecord, type RunRequest } from './run-record';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Progress is written at most this often; the end of a run at once. */
const COALESCE_MS = 400;
/** How long a run that cannot reach the API server waits in `fence` before it gives up. */
const FENCE_GIVE_UP_MS = 10 * 60_000;

/**
 * Keeps one run's record in the cluster current: progress (coalesced), a heartbeat every third of
 * the lease, each write a compare-and-swap on the last one's resourceVersion. A write refused
 * with 409 means another replica took the run over (it found the heartbeat stale and resumed):
 * `lost` says so and the run must stop. Other failures (the API server restarting) are retried.
 */
export class RecordWriter {
  /** Why this replica no longer holds the run (another replica took it), or null. */
  lost: string | null = null;
  private lastOk = Date.now();
  private dirty = false;
  private writing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly heartbeat: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly kc: KubeConfig,
    private rv: string,
    private readonly run: DeployRun,
    private readonly request: RunRequest,
  ) {
    this.heartbeat = setInterval(() => this.flush(), (run.leaseSeconds * 1000) / 3);
    this.heartbeat.unref?.();
  }

  /** The run changed: write it soon. */
  changed(): void {
    this.dirty = true;
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, COALESCE_MS);
  }

  /** Writes the run now (after the write in flight, if any); failures other than a take-over are retried later. */
  flush(): Promise<void> {
    if (this.stopped || this.lost) return Promise.resolve();
    if (this.writing) {
      this.dirty = true;
      return this.writing;
    }
    this.dirty = false;
    const attempt = Date.now();
    this.run.heartbeatAt = new Date(attempt).toISOString();
    this.writing = swapRunRecord(this.kc, this.run, this.request, this.rv)
      .then((rv) => {
        this.rv = rv;
        this.lastOk = attempt;
      })
      .catch((e: unknown) => {
        if (e instanceof LostRecord) this.lost = e.message;
        else this.dirty = true;
      })
      .finally(() => {
        this.writing = null;
        if (this.dirty && !this.lost) this.changed();
      });
    return this.writing;
  }

  /**
   * Before a change to the cluster: returns at once while the last write is younger than half the
   * lease; otherwise writes until one succeeds (the API server is back) or throws LostRecord when
   * another replica has taken the run meanwhile. So a replica cut off from the API server for a
   * whole lease changes nothing more before it learns whether it still holds the run.
   */
  async fence(): Promise<void> {
    const halfLease = (this.run.leaseSeconds * 1000) / 2;
    const start = Date.now();
    while (!this.lost && Date.now() - this.lastOk > halfLease) {
      if (Date.now() - start > FENCE_GIVE_UP_MS) throw new LostRecord('the API server did not answer for 10 minutes');
      await this.flush();
      if (Date.now() - this.lastOk > halfLease) await sleep(500);
    }
    if (this.lost) throw new LostRecord(this.lost);
  }

  /**
   * Writes the finished run, retrying for two leases; 'lost' when another replica holds the record
   * now (it resumed the run and records its end), 'unwritten' when the API server stayed away.
   */
  async finish(): Promise<'written' | 'lost' | 'unwritten'> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const until = Date.now() + this.run.leaseSeconds * 2000;
    let result: 'written' | 'lost' | 'unwritten' = 'unwritten';
    while (Date.now() < until) {
      if (this.writing) await this.writing;
      const before = this.lastOk;
      await this.flush();
      if (this.lost) {
        result = 'lost';
        break;
      }
      if (this.lastOk !== before && !this.dirty) {
        result = 'written';
        break;
      }
      await sleep(500);
    }
    this.stop();
    return result;
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.heartbeat);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
