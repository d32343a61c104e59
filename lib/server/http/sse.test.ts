import { describe, expect, it } from 'vitest';
import { sseResponse, type SseWriter } from './sse';

describe('sseResponse', () => {
  it('runs abandon, not start, when the client left before the stream began', () => {
    const ctrl = new AbortController();
    ctrl.abort();
    let started = false;
    let abandoned = 0;
    sseResponse(
      ctrl,
      () => {
        started = true;
        return () => undefined;
      },
      {
        abandon: () => {
          abandoned++;
        },
      },
    );
    expect(started).toBe(false);
    expect(abandoned).toBe(1);
  });

  it('runs the cleanup once when the client leaves later, and never abandon', async () => {
    const ctrl = new AbortController();
    let cleaned = 0;
    let abandoned = 0;
    const res = sseResponse(
      ctrl,
      (w) => {
        w.send('hello', {});
        return () => {
          cleaned++;
        };
      },
      {
        abandon: () => {
          abandoned++;
        },
      },
    );
    const reader = res.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('retry');
    ctrl.abort();
    ctrl.abort();
    expect(cleaned).toBe(1);
    expect(abandoned).toBe(0);
  });

  it('drops a client that never reads once its unread bytes pass the bound, and cleans up', () => {
    const ctrl = new AbortController();
    let cleaned = 0;
    let w!: SseWriter;
    sseResponse(
      ctrl,
      (writer) => {
        w = writer;
        return () => {
          cleaned++;
        };
      },
      { maxQueuedBytes: 16 * 1024 },
    );
    const frame = new TextEncoder().encode(`event: x\ndata: ${'z'.repeat(1000)}\n\n`);
    let sent = 0;
    while (w.frame(frame)) sent++;
    // retry (13 bytes) + 16 frames of ~1 KiB fit; the next one is past the bound.
    expect(sent * frame.length).toBeLessThanOrEqual(16 * 1024 + frame.length);
    expect(sent).toBeGreaterThanOrEqual(15);
    expect(cleaned).toBe(1);
    expect(w.send('x', {})).toBe(false);
  });
});
