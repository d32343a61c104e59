import { describe, expect, it } from 'vitest';
import { helloChannel, parseHubMessage, parseSubEvent, parseTabMessage } from './hub-protocol';

describe('hub protocol parsers', () => {
  it('accepts each tab message and nothing else', () => {
    expect(parseTabMessage({ type: 'hello', session: 's' })).toEqual({ type: 'hello', session: 's' });
    expect(parseTabMessage({ type: 'own', id: 'x' })).toEqual({ type: 'own', id: 'x' });
    expect(parseTabMessage({ type: 'goodbye', extra: 1 })).toEqual({ type: 'goodbye' });
    for (const bad of [null, 'hello', [], { type: 'hello' }, { type: 'own', id: 3 }, { type: 'delete-everything' }]) {
      expect(parseTabMessage(bad)).toBeNull();
    }
  });
  it('accepts each hub message and nothing else', () => {
    const conn = { status: 'open', since: 1, attempts: 0 };
    expect(parseHubMessage({ type: 'status', conn, shared: true })).toEqual({ type: 'status', conn, shared: true });
    expect(parseHubMessage({ type: 'view', event: 'delta', data: '{}' })).toEqual({
      type: 'view',
      event: 'delta',
      data: '{}',
    });
    expect(parseHubMessage({ type: 'channel', channel: 'c', session: 's', generation: 2 })).toMatchObject({
      generation: 2,
    });
    for (const bad of [
      { type: 'status', conn: { status: 'weird', since: 1, attempts: 0 }, shared: true },
      { type: 'view', event: 'sub', data: '{}' },
      { type: 'view', event: 'delta', data: {} },
      { type: 'channel', channel: 'c' },
    ]) {
      expect(parseHubMessage(bad)).toBeNull();
    }
  });
  it('reads sub events and the channel a hello names', () => {
    expect(parseSubEvent({ id: 'a', event: 'lines', data: [1] })).toEqual({ id: 'a', event: 'lines', data: [1] });
    expect(parseSubEvent({ id: 'a' })).toBeNull();
    expect(helloChannel({ epoch: 'e', channel: 'c', session: 's' })).toEqual({ channel: 'c', session: 's' });
    expect(helloChannel({ epoch: 'e' })).toBeNull();
  });
});
