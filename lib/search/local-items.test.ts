import { describe, expect, it } from 'vitest';
import { mergeHits, rankLocal, type LocalItem } from './local-items';
import type { SearchHit } from './types';

const items: LocalItem[] = [
  { kind: 'page', key: 'pods', label: 'Pods', detail: 'Page', href: '/pods' },
  { kind: 'page', key: 'deploy', label: 'Deploy', detail: 'Page', href: '/deploy' },
  { kind: 'action', key: 'dark', label: 'Dark theme', detail: 'Action', keywords: ['theme', 'night'] },
];

describe('rankLocal', () => {
  it('offers every item in order with no query', () => {
    expect(rankLocal('', items).map((h) => h.key)).toEqual(['pods', 'deploy', 'dark']);
  });

  it('finds by label and by keyword', () => {
    expect(rankLocal('dep', items).map((h) => h.key)).toEqual(['deploy']);
    expect(rankLocal('night', items).map((h) => h.key)).toEqual(['dark']);
    expect(rankLocal('zzz', items)).toEqual([]);
  });
});

describe('mergeHits', () => {
  const hit = (key: string, score: number): SearchHit => ({
    kind: 'pod',
    key,
    namespace: 'ns',
    label: key,
    detail: '',
    href: `/pods/ns/${key}`,
    score,
  });

  it('orders by score, local first on a tie, and keeps at most the limit', () => {
    const local = [{ ...hit('page', 800), kind: 'page' as const }];
    const remote = [hit('a', 900), hit('b', 800), hit('c', 100)];
    expect(mergeHits(local, remote, 3).map((h) => h.key)).toEqual(['a', 'page', 'b']);
  });
});
