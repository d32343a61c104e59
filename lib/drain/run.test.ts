import { describe, expect, it } from 'vitest';
import type { EvictionResult } from './outcome';
import { runDrain, type RunPod } from './run';

const pods: RunPod[] = Array.from({ length: 7 }, (_, i) => ({ namespace: 'ns', name: `p${i}`, uid: `u${i}` }));
const ok = (p: RunPod): EvictionResult => ({ ...p, state: 'evicted', message: 'ok' });

describe('runDrain', () => {
  it('sends the first pod alone, then at most `parallel` at once, and reports every step', async () => {
    let inFlight = 0;
    let most = 0;
    const order: string[] = [];
    const steps: [string, string][] = [];
    const send = async (p: RunPod) => {
      order.push(`start ${p.name}`);
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      order.push(`end ${p.name}`);
      return ok(p);
    };
    const r = await runDrain(
      pods,
      send,
      (uid, s) => steps.push([uid, s === 'evicting' ? s : s.state]),
      new AbortController().signal,
      3,
    );
    expect(r).toBeNull();
    expect(order.slice(0, 2)).toEqual(['start p0', 'end p0']);
    expect(most).toBe(3);
    expect(steps.filter(([, s]) => s === 'evicted')).toHaveLength(7);
    expect(steps[0]).toEqual(['u0', 'evicting']);
  });

  it('stops sending once aborted: the pods not sent get no step', async () => {
    const ac = new AbortController();
    const sent: string[] = [];
    const send = async (p: RunPod) => {
      sent.push(p.name);
      if (p.name === 'p2') ac.abort();
      return ok(p);
    };
    await runDrain(pods, send, () => undefined, ac.signal, 1);
    expect(sent).toEqual(['p0', 'p1', 'p2']);
  });

  it('ends on a failed request with its error; the first failing stops the rest', async () => {
    const err = new Error('forbidden');
    const steps: string[] = [];
    const r = await runDrain(
      pods,
      async () => {
        throw err;
      },
      (uid, s) => steps.push(`${uid}:${s === 'evicting' ? s : s.state}`),
      new AbortController().signal,
    );
    expect(r).toEqual({ error: err });
    expect(steps).toEqual(['u0:evicting', 'u0:failed']);
  });
});
