import 'server-only';
import { HttpError } from '../errors/http-error';

/** How many Prometheus calls may run and wait, per session and in the whole process. */
export interface SlotLimits {
  perSession: number;
  global: number;
  /** Calls of one session that may wait for a slot; one more is a 429. */
  queuePerSession: number;
  /** Calls that may wait in the whole process. */
  queueGlobal: number;
  /** Longest wait for a slot before a 429. */
  waitMs: number;
}

interface Waiter {
  key: string;
  start: () => void;
  fail: (e: Error) => void;
}

const tooMany = (message: string) =>
  new HttpError(429, 'TOO_MANY_REQUESTS', message, undefined, { 'Retry-After': '2' });

/**
 * A bounded number of Prometheus calls at once, each answer held in memory while it is read:
 * `perSession` running per session and `global` in all, the rest waiting first come first served
 * in a bounded queue. A session that fills its share waits without delaying the others, because
 * a slot freed goes to the first waiter whose session is under its share.
 */
export class QuerySlots {
  private running = 0;
  private readonly bySession = new Map<string, { running: number; waiting: number }>();
  private readonly queue: Waiter[] = [];

  constructor(private readonly limits: () => SlotLimits) {}

  private entry(key: string) {
    let e = this.bySession.get(key);
    if (!e) this.bySession.set(key, (e = { running: 0, waiting: 0 }));
    return e;
  }

  private canRun(key: string, l: SlotLimits): boolean {
    return this.running < l.global && (this.bySession.get(key)?.running ?? 0) < l.perSession;
  }

  private begin(key: string): () => void {
    this.running++;
    this.entry(key).running++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.running--;
      const e = this.entry(key);
      e.running--;
      if (!e.running && !e.waiting) this.bySession.delete(key);
      this.next();
    };
  }

  private next(): void {
    const l = this.limits();
    for (let i = 0; i < this.queue.length && this.running < l.global;) {
      const w = this.queue[i]!;
      if (this.canRun(w.key, l)) {
        this.queue.splice(i, 1);
        w.start();
      } else i++;
    }
  }

  /** Waits for a slot for session `key`; the function returned gives it back (call it once done). */
  acquire(key: string, signal: AbortSignal): Promise<() => void> {
    const l = this.limits();
    // After every release no waiter could run, so one that can run now jumps no queue.
    if (this.canRun(key, l)) return Promise.resolve(this.begin(key));
    if ((this.bySession.get(key)?.waiting ?? 0) >= l.queuePerSession)
      return Promise.reject(
        tooMany(
          `Too many metric queries at once from this session (${l.perSession} run, ${l.queuePerSession} wait): retry shortly`,
        ),
      );
    if (this.queue.length >= l.queueGlobal)
      return Promise.reject(tooMany('The panel is answering too many metric queries: retry shortly'));
    return new Promise((resolve, reject) => {
      this.entry(key).waiting++;
      const settle = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        const i = this.queue.indexOf(w);
        if (i >= 0) this.queue.splice(i, 1);
        const s = this.entry(key);
        s.waiting--;
        if (!s.running && !s.waiting) this.bySession.delete(key);
      };
      const w: Waiter = {
        key,
        start: () => {
          settle();
          resolve(this.begin(key));
        },
        fail: (err) => {
          settle();
          reject(err);
        },
      };
      const onAbort = () => w.fail(new HttpError(499, 'BAD_REQUEST', 'The client closed the request'));
      const timer = setTimeout(
        () => w.fail(tooMany(`No Prometheus slot came free within ${l.waitMs / 1000} s: retry shortly`)),
        l.waitMs,
      );
      signal.addEventListener('abort', onAbort, { once: true });
      this.queue.push(w);
      if (signal.aborted) onAbort();
    });
  }

  /** Calls running and waiting (for the panel's own metrics and tests). */
  stats(): { running: number; waiting: number; sessions: number } {
    return { running: this.running, waiting: this.queue.length, sessions: this.bySession.size };
  }
}
