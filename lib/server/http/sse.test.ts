import { describe, expect, it } from 'vitest';
import { sseResponse } from './sse';

describe('sseResponse', () => {
  it('runs abandon, not start, when the client left before the stream began', () => {
    const ctrl = new AbortController();
    ctrl.abort();
    let started = false;
    let abandoned = 0;
    sseResponse(
      ctrl.signal,
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
      ctrl.signal,
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
});
