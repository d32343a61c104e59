// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSettled } from './use-settled';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Probe({ value }: { value: string }) {
  const settled = useSettled(value, 80);
  return createElement('p', null, `${value}|${settled}`);
}

afterEach(() => vi.useRealTimers());

describe('useSettled', () => {
  it('follows the value once it has rested, skipping the keystrokes in between', async () => {
    vi.useFakeTimers();
    const el = document.createElement('div');
    const root = createRoot(el);
    const show = (value: string) => act(async () => root.render(createElement(Probe, { value })));
    await show('a');
    expect(el.textContent).toBe('a|a');
    await show('ab');
    await act(async () => vi.advanceTimersByTime(40));
    await show('abc');
    await act(async () => vi.advanceTimersByTime(40));
    expect(el.textContent).toBe('abc|a');
    await act(async () => vi.advanceTimersByTime(80));
    expect(el.textContent).toBe('abc|abc');
    root.unmount();
  });
});
