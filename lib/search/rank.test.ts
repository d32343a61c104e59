import { describe, expect, it } from 'vitest';
import { SCORE, matchScore, normaliseQuery, termsScore } from './rank';

const rank = (q: string, names: string[]) =>
  names
    .map((n) => ({ n, s: matchScore(q, n) }))
    .filter((x) => x.s !== null)
    .sort((a, b) => b.s! - a.s!)
    .map((x) => x.n);

describe('matchScore', () => {
  it('ranks whole name, prefix, word start, substring, then letters in order', () => {
    const names = ['xwebx', 'my-web', 'web-7f9c', 'web', 'w-e-b', 'nothing'];
    expect(rank('web', names)).toEqual(['web', 'web-7f9c', 'my-web', 'xwebx', 'w-e-b']);
  });

  it('keeps each class above every match of the classes below it', () => {
    expect(matchScore('web', 'web-' + 'x'.repeat(300))!).toBeGreaterThan(SCORE.prefix);
    expect(matchScore('web', 'a-' + 'x'.repeat(300) + '-web')!).toBeGreaterThan(SCORE.word);
    expect(matchScore('web', 'x'.repeat(300) + 'web')!).toBeGreaterThan(SCORE.substring);
    expect(matchScore('ipw', 'imagepod-web-' + 'x'.repeat(300))!).toBeLessThan(SCORE.substring);
  });

  it('prefers shorter names and earlier matches within a class', () => {
    expect(rank('api', ['imagepod-api-worker', 'api-gateway-long', 'api-gw'])).toEqual([
      'api-gw',
      'api-gateway-long',
      'imagepod-api-worker',
    ]);
  });

  it('prefers letters at word starts in a fuzzy match', () => {
    expect(matchScore('ipw', 'imagepod-web')!).toBeGreaterThan(matchScore('ipw', 'xixpxw')!);
  });

  it('is case-insensitive on the name and answers null for no match or an empty query', () => {
    expect(matchScore('gpu', 'GPU-Node-1')).toBeGreaterThan(SCORE.prefix);
    expect(matchScore('zz', 'web')).toBeNull();
    expect(matchScore('', 'web')).toBeNull();
    expect(matchScore('webb', 'web')).toBeNull();
  });
});

describe('termsScore', () => {
  it('matches namespace/name as a path', () => {
    expect(termsScore('imagepod/web', 'web-1', 'imagepod')).not.toBeNull();
    expect(termsScore('other/web', 'web-1', 'imagepod')).toBeNull();
  });

  it('needs every word to match the name or the namespace', () => {
    expect(termsScore('web imagepod', 'web-1', 'imagepod')).not.toBeNull();
    expect(termsScore('web zzz', 'web-1', 'imagepod')).toBeNull();
    // A word found only in the namespace counts less than in the name.
    expect(termsScore('web imagepod', 'web-imagepod', 'x')!).toBeGreaterThan(
      termsScore('web imagepod', 'web-1', 'imagepod')!,
    );
  });
});

describe('normaliseQuery', () => {
  it('trims, lower-cases and collapses spaces', () => {
    expect(normaliseQuery('  Web   API ')).toBe('web api');
  });
});
