import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PANELS } from './panels';
import { idleHoursQueries, ownerQueries } from './idle-hours';
import { scopeMatcher, scopeQuery } from './promql-scope';
import { PromqlRefusal, nodesOf, parsePromql } from './promql-tree';

const M = 'namespace=~"team-a"';

describe('scopeMatcher', () => {
  it('follows the rights: none for everything, namespace!="" without nodes, a list otherwise', () => {
    expect(scopeMatcher({ nodes: true, namespaces: 'all' })).toBeNull();
    expect(scopeMatcher({ nodes: false, namespaces: 'all' })).toBe('namespace!=""');
    expect(scopeMatcher({ nodes: false, namespaces: ['team-b', 'team-a'] })).toBe('namespace=~"team-a|team-b"');
    expect(scopeMatcher({ nodes: true, namespaces: ['team-a'] })).toBe('namespace=~"|team-a"');
    expect(scopeMatcher({ nodes: true, namespaces: [] })).toBe('namespace=""');
  });
  it('refuses with 403 a user who may read nothing; drops names that are not namespaces', () => {
    expect(() => scopeMatcher({ nodes: false, namespaces: [] })).toThrow(PromqlRefusal);
    expect(() => scopeMatcher({ nodes: false, namespaces: ['a"|.*'] })).toThrow(/no series is yours/);
  });
});

describe('scopeQuery', () => {
  it('adds the matcher to every selector: bare, braced, empty, in ranges, subqueries and functions', () => {
    expect(scopeQuery('up', M)).toBe(`up{${M}}`);
    expect(scopeQuery('up{job="x"}', M)).toBe(`up{${M}, job="x"}`);
    expect(scopeQuery('up{}', M)).toBe(`up{${M}}`);
    expect(scopeQuery('x{a="1",}', M)).toBe(`x{${M}, a="1"}`);
    expect(scopeQuery('{__name__=~"kube_.+"}', M)).toBe(`{${M}, __name__=~"kube_.+"}`);
    expect(scopeQuery('sum(rate(foo[5m])) / on (pod) bar offset 1h', M)).toBe(
      `sum(rate(foo{${M}}[5m])) / on (pod) bar{${M}} offset 1h`,
    );
    expect(scopeQuery('max_over_time((a + b{c="}"})[1h:1m])', M)).toBe(
      `max_over_time((a{${M}} + b{${M}, c="}"})[1h:1m])`,
    );
  });
  it('keeps a namespace the user wrote (both must match, so another namespace yields nothing)', () => {
    expect(scopeQuery('up{namespace="team-b"}', M)).toBe(`up{${M}, namespace="team-b"}`);
  });
  it('leaves strings, comments and a user with every right alone', () => {
    expect(scopeQuery('label_replace(up, "a", "{x}", "b", "(.*)")', M)).toBe(
      `label_replace(up{${M}}, "a", "{x}", "b", "(.*)")`,
    );
    expect(scopeQuery('up # other{ns}', null)).toBe('up # other{ns}');
    expect(scopeQuery('vector(1) + time()', M)).toBe('vector(1) + time()');
  });
  it('refuses what it cannot parse or enforce', () => {
    for (const bad of ['up{', 'sum(rate(x[5m]', '}{', 'up{a=~}', 'info(up)', '"a"{b="c"} and on']) {
      expect(() => scopeQuery(bad, M), bad).toThrow(PromqlRefusal);
    }
  });
  it('every preset and idle-hours query, scoped, still parses and has no selector left open', () => {
    const exprs = [
      ...PANELS.flatMap((p) => [...p.queries({ step: 15 }), ...p.queries({ step: 15, node: 'gpu-node-1' })]),
    ].map((q) => q.expr);
    exprs.push(...Object.values(idleHoursQueries({ range: 3600, step: 60, threshold: 10 })));
    exprs.push(...Object.values(ownerQueries(3600)));
    for (const e of exprs) {
      const out = scopeQuery(e, M);
      const tree = parsePromql(out);
      expect(nodesOf(tree, 'VectorSelector').length, e).toBe(nodesOf(parsePromql(e), 'VectorSelector').length);
      expect(out.split(M).length - 1, e).toBe(nodesOf(tree, 'VectorSelector').length);
    }
  });
  it('any input either is refused or comes out with every selector scoped (fast-check)', () => {
    const atoms = ['up', 'x{a="b"}', '{__name__="y"}', 'rate(z[5m])', '(w)[1h:1m]', '1', '"s{a}"', '# c\n'];
    const glue = [' + ', ' or ', ' and on (a) ', ' unless ', '(', ')', '{', '}', ',', ' offset 5m', '[5m]', ' @ 1'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...atoms, ...glue), { maxLength: 12 }), fc.string(), (parts, junk) => {
        const expr = parts.join('') + junk;
        let out: string;
        try {
          out = scopeQuery(expr, M);
        } catch (e) {
          expect(e).toBeInstanceOf(PromqlRefusal);
          return;
        }
        for (const sel of nodesOf(parsePromql(out), 'VectorSelector'))
          expect(out.slice(sel.from, sel.to), out).toContain(M);
      }),
      { numRuns: 1000 },
    );
  });
});
