/**
 * Counts the browser's long-lived connections to the panel through the Chrome DevTools Protocol:
 * EventSource requests made by SharedWorkers (which Playwright does not see: their requests
 * belong to the worker's own target), by auto-attaching to every shared worker at the browser
 * level before it runs. Page requests are counted by Playwright itself (see many-tabs.spec.ts).
 */
import { WebSocket } from 'undici';

interface CdpMessage {
  id?: number;
  method?: string;
  sessionId?: string;
  params?: Record<string, unknown>;
}

export class SharedWorkerStreams {
  private ws: WebSocket | null = null;
  private seq = 0;
  /** Open EventSource requests: requestId → URL. */
  readonly open = new Map<string, string>();
  /** Every EventSource request seen, in order. */
  readonly all: string[] = [];
  /** The shared workers attached, by target id. */
  readonly workers = new Set<string>();
  maxOpen = 0;

  async connect(debuggingPort: number): Promise<void> {
    const version = (await (await fetch(`http://127.0.0.1:${debuggingPort}/json/version`)).json()) as {
      webSocketDebuggerUrl: string;
    };
    const ws = new WebSocket(version.webSocketDebuggerUrl);
    this.ws = ws;
    await new Promise<void>((resolve, reject) => {
      ws.addEventListener('open', () => resolve(), { once: true });
      ws.addEventListener('error', () => reject(new Error("cannot reach the browser's DevTools endpoint")), {
        once: true,
      });
    });
    ws.addEventListener('message', (e) => this.onMessage(JSON.parse(String(e.data)) as CdpMessage));
    // Only shared workers, held until Network is on so their first request is seen.
    this.send('Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: true,
      flatten: true,
      filter: [{ type: 'shared_worker', exclude: false }, { exclude: true }],
    });
  }

  close(): void {
    this.ws?.close();
  }

  private send(method: string, params: Record<string, unknown>, sessionId?: string): void {
    this.ws?.send(JSON.stringify({ id: ++this.seq, method, params, ...(sessionId ? { sessionId } : {}) }));
  }

  private onMessage(m: CdpMessage): void {
    const p = m.params ?? {};
    switch (m.method) {
      case 'Target.attachedToTarget': {
        const sessionId = String(p.sessionId);
        const info = p.targetInfo as { targetId: string };
        this.workers.add(info.targetId);
        this.send('Network.enable', {}, sessionId);
        this.send('Runtime.runIfWaitingForDebugger', {}, sessionId);
        return;
      }
      case 'Network.requestWillBeSent': {
        if (p.type !== 'EventSource') return;
        const url = (p.request as { url: string }).url;
        this.open.set(`${m.sessionId}:${String(p.requestId)}`, url);
        this.all.push(url);
        this.maxOpen = Math.max(this.maxOpen, this.open.size);
        return;
      }
      case 'Network.loadingFinished':
      case 'Network.loadingFailed':
        this.open.delete(`${m.sessionId}:${String(p.requestId)}`);
        return;
      case 'Target.detachedFromTarget':
        for (const key of [...this.open.keys()]) if (key.startsWith(`${String(p.sessionId)}:`)) this.open.delete(key);
        return;
    }
  }
}

/** The value of one sample of the panel's /api/metrics text (0 when absent). */
export function metricValue(text: string, name: string, labels = ''): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line ? Number(line.split(' ').at(-1)) : 0;
}
