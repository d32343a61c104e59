import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import { advanceCursor, resumeSinceTime, ResumeFilter, type ResumeCursor } from '../../logs/resume';
import { splitTimestamped, tsKey } from '../../logs/timestamps';
import { KubeError } from '../kube/errors';
import { MAX_LOG_LINE_CHARS, lines, openPodLog } from '../kube/transport';
import { logWork } from './registry';

export interface FollowSpec {
  namespace: string;
  pod: string;
  container: string;
  follow: boolean;
  previous: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  sinceTime?: string;
  /** `tsKey` bound: later lines are left out (and the stream ends there). */
  untilKey?: string;
  /** Retry a first refusal other than 403/404 (selector streams: a pod just started). */
  retryFirst?: boolean;
}

export interface FollowHandlers {
  line(ts: string, text: string): void;
  marker(text: string): void;
  state(s: 'streaming' | 'reconnecting' | 'ended'): void;
  /** False once the pod is known to be gone (no reconnect then). */
  stillThere(): boolean;
}

const BACKOFF_MS = [250, 500, 1000, 2000, 4000];
/** A selector pod whose log is not served yet is tried this often (about half a minute) before it is given up. */
const FIRST_RETRIES = 10;
/** How long a 403/404 on a reconnect must hold before the stream gives up (an API server that just restarted). */
const REFUSAL_CONFIRM_MS = 10_000;

/**
 * Follows one container's log for as long as it lasts. A broken connection (API server restart,
 * network) or a stream the kubelet ended while the pod still exists reconnects with backoff and
 * resumes at the last delivered timestamp without duplicates (lib/logs/resume.ts).
 * `opened` settles on the first answer: it rejects with the API server's error (403, 404, 400),
 * which the route turns into its own status before any event is sent.
 */
export class ContainerFollower {
  private cursor: ResumeCursor | null = null;
  readonly opened: Promise<void>;
  private resolveOpened!: () => void;
  private rejectOpened!: (e: unknown) => void;
  private readonly abort = new AbortController();

  constructor(
    private readonly kc: KubeConfig,
    private readonly spec: FollowSpec,
    private readonly h: FollowHandlers,
  ) {
    this.opened = new Promise((res, rej) => {
      this.resolveOpened = res;
      this.rejectOpened = rej;
    });
    this.opened.catch(() => undefined);
  }

  stop(): void {
    this.abort.abort();
  }

  /** Follows until stopped or done; counted in `logWork` meanwhile. */
  async run(): Promise<void> {
    logWork.followers++;
    try {
      await this.loop();
    } finally {
      logWork.followers--;
    }
  }

  private async loop(): Promise<void> {
    let attempt = 0;
    let first = true;
    /** When the API server first refused (403/404) a reconnect; null after a successful open. */
    let refusedSince: number | null = null;
    const signal = this.abort.signal;
    while (!signal.aborted) {
      const filter = new ResumeFilter(this.cursor);
      try {
        const res = await openPodLog(
          this.kc,
          this.spec.namespace,
          this.spec.pod,
          {
            container: this.spec.container,
            follow: this.spec.follow,
            previous: this.spec.previous,
            timestamps: true,
            ...(this.cursor
              ? { sinceTime: resumeSinceTime(this.cursor) }
              : {
                  tailLines: this.spec.tailLines,
                  sinceSeconds: this.spec.sinceSeconds,
                  sinceTime: this.spec.sinceTime,
                }),
          },
          signal,
        );
        if (first) {
          first = false;
          this.resolveOpened();
        } else this.h.marker(`reconnected to ${this.spec.pod}/${this.spec.container}`);
        this.h.state('streaming');
        attempt = 0;
        refusedSince = null;
        if (res.body) {
          // One line is held at most 64 KiB: a container that never prints a newline is cut, not buffered.
          for await (const raw of lines(res.body, { maxChars: MAX_LOG_LINE_CHARS })) {
            const { ts, text } = splitTimestamped(raw);
            if (!filter.accept(ts)) continue;
            if (this.spec.untilKey && ts && (tsKey(ts) ?? '') > this.spec.untilKey) {
              this.abort.abort();
              break;
            }
            this.cursor = advanceCursor(this.cursor, ts);
            this.h.line(ts, text);
          }
        }
        if (!this.spec.follow || signal.aborted) break;
        // The kubelet ended a follow: the container stopped. Resume if the pod is still there.
      } catch (e) {
        if (signal.aborted) break;
        const status = e instanceof KubeError ? e.upstreamStatus : null;
        if (first) {
          this.rejectOpened(e);
          // A selector's new pod may not serve its log yet (container starting): keep trying
          // while it exists. Otherwise the first refusal is the answer.
          if (
            !this.spec.retryFirst ||
            status === 403 ||
            status === 404 ||
            !this.spec.follow ||
            attempt >= FIRST_RETRIES
          ) {
            this.h.state('ended');
            return;
          }
          this.h.state('reconnecting');
          await sleep(BACKOFF_MS[Math.min(attempt++, BACKOFF_MS.length - 1)]!, signal);
          if (!this.h.stillThere()) break;
          continue;
        }
        if (status === 403 || status === 404) {
          // A kube-apiserver that has just restarted denies (and may not find) for a few seconds
          // while its caches fill: only a refusal that holds ends the stream.
          refusedSince ??= Date.now();
          if (Date.now() - refusedSince < REFUSAL_CONFIRM_MS && this.h.stillThere()) {
            this.h.state('reconnecting');
            await sleep(BACKOFF_MS[Math.min(attempt++, BACKOFF_MS.length - 1)]!, signal);
            continue;
          }
          this.h.marker(
            status === 404 ? `${this.spec.pod} no longer exists` : `access to ${this.spec.pod}'s log was withdrawn`,
          );
          break;
        }
        if (!this.spec.follow) {
          this.h.marker(`stream broke: ${e instanceof Error ? e.message : String(e)}`);
          break;
        }
        if (attempt === 0)
          this.h.marker(`connection lost (${e instanceof Error ? e.message : String(e)}); reconnecting`);
      }
      if (!this.h.stillThere()) break;
      this.h.state('reconnecting');
      await sleep(BACKOFF_MS[Math.min(attempt++, BACKOFF_MS.length - 1)]!, signal);
    }
    if (first) this.rejectOpened(new Error('the stream ended before it opened'));
    this.h.state('ended');
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}
