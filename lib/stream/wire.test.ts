import { describe, expect, it } from 'vitest';
import { subscribeBodySchema, unsubscribeQuerySchema } from './wire';

const channel = 'abcdefghijklmnop-_12';

describe('subscribe body', () => {
  it('takes a log query as the strings /api/logs takes, through its schema', () => {
    const b = subscribeBodySchema.parse({
      channel,
      id: 'l1',
      topic: 'logs',
      query: { namespace: 'ns', pod: 'p', tail: '5', follow: 'false' },
    });
    expect(b).toMatchObject({ topic: 'logs', query: { namespace: 'ns', pod: 'p', tail: 5, follow: false } });
    expect(subscribeBodySchema.parse({ channel, id: 'd', topic: 'deploy' })).toEqual({
      channel,
      id: 'd',
      topic: 'deploy',
    });
  });
  it('refuses unknown topics and fields, bad ids and oversized queries', () => {
    for (const bad of [
      { channel, id: 'x', topic: 'exec' },
      { channel, id: 'x', topic: 'deploy', query: {} },
      { channel: 'short', id: 'x', topic: 'deploy' },
      { channel, id: 'a/b', topic: 'deploy' },
      { channel, id: 'x', topic: 'logs', query: { namespace: 'ns', pod: 'p', shell: 'sh' } },
      {
        channel,
        id: 'x',
        topic: 'logs',
        query: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, 'v'])),
      },
    ])
      expect(subscribeBodySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
  it('checks the unsubscribe query', () => {
    expect(unsubscribeQuerySchema.safeParse({ channel, id: 'x' }).success).toBe(true);
    expect(unsubscribeQuerySchema.safeParse({ channel, id: 'x', more: '1' }).success).toBe(false);
  });
});
