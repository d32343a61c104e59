/**
 * Hostile input for the adversarial suite: strings, JSON fragments and whole bodies (fast-check
 * arbitraries). Bodies are built as JSON text, not with JSON.stringify, so they can carry what
 * an object cannot: duplicate keys, `__proto__` as a key, numbers beyond a double, deep nesting.
 */
import fc from 'fast-check';

/** Strings that have broken parsers, paths, shells, templates, regexes and PromQL before. */
export const NASTY = [
  '',
  ' ',
  '.',
  '..',
  '../..',
  '../../etc/passwd',
  '..%2F..%2Fapi',
  '%2e%2e%2f',
  '%00',
  '%',
  '/',
  '//',
  'a/b',
  'a%2Fb',
  '..\\..\\',
  'default',
  'kube-system',
  'imagepod',
  '*',
  '.*',
  '(a+)+$',
  '((a*)*)*b',
  '[',
  '{',
  '}',
  '\u0000',
  'a\u0000b',
  '\r\nX-Evil: 1',
  '\n\ndata: forged\n\n',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR '1'='1",
  '"; DROP TABLE x; --',
  '; rm -rf /',
  '$(id)',
  '`id`',
  '${jndi:ldap://127.0.0.1/a}',
  '{{7*7}}',
  '%s%s%s%n',
  '🔥',
  'ǅ',
  '\u202egnp.exe',
  'ｄｅｆａｕｌｔ',
  'İ',
  'ß',
  '\uFEFF',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '-1',
  '0',
  '1e309',
  'NaN',
  'Infinity',
  '-0',
  '0x1f',
  '9'.repeat(400),
  'a'.repeat(64),
  'a'.repeat(254),
  'A-Upper-Case',
  '-leading-dash',
  'trailing-dash-',
  'dots..double',
  '__proto__',
  'constructor',
  'toString',
];

/** Label selectors: valid, broken, and hostile. */
export const SELECTORS = [
  'app=web',
  'app in (web,db),tier!=front',
  '!tier',
  'app notin (web)',
  'app in (',
  'a=b c',
  '!',
  ',',
  'a==b',
  'a=b,a=c',
  'ke y=v',
  'a in ()',
  'a in (b,,c)',
  'x/y/z=1',
  `${'k'.repeat(300)}=v`,
  'x'.repeat(5000),
  'app=web,'.repeat(300),
];

/** PromQL: valid, expensive, broken and injection-shaped. */
export const PROMQL = [
  'up',
  'sum(rate(container_cpu_usage_seconds_total[5m])) by (namespace)',
  '{__name__=~".+"}',
  'count({__name__=~".*"})',
  'up[1y]',
  'up[31d:1s]',
  'rate(up[5m:1ms])',
  'max_over_time(rate(up[1m])[7d:1s])',
  'label_replace(up, "a", "$1", "job", "(.*)")',
  'absent(nope)',
  'up{namespace="kube-system"} or on() vector(1)',
  '1/0',
  'sort_desc(',
  ')',
  '"',
  'up{job="x" or 1=1}',
  'time()',
  'count_values("x", up)',
  'topk(1e9, up)',
  'quantile_over_time(0.5, up[1h:1s])',
  'sum by (__name__) ({__name__=~"(a+)+$"})',
  'x'.repeat(4001),
];

function wellFormed(s: string): boolean {
  try {
    encodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
}

/** One hostile string: a known offender, random code points, long graphemes, or two offenders glued. */
export const hostile: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 5, arbitrary: fc.constantFrom(...NASTY) },
    { weight: 1, arbitrary: fc.constantFrom(...SELECTORS, ...PROMQL) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...NASTY), fc.constantFrom(...NASTY)).map(([a, b]) => a + b) },
    { weight: 1, arbitrary: fc.nat({ max: 9000 }).map((n) => 'x'.repeat(n)) },
  )
  // What reaches a route has been through a URL or JSON.parse: never a lone surrogate.
  .filter(wellFormed);

/** Either one of the plausible values or a hostile string. */
export const orHostile = (...plausible: string[]): fc.Arbitrary<string> =>
  fc.oneof({ weight: 7, arbitrary: fc.constantFrom(...plausible) }, { weight: 1, arbitrary: hostile });

/** A JSON value as text. */
export const json = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<string> => a.map((v) => JSON.stringify(v));

/** A JSON value nested `depth` times (arrays or objects), as text. */
const nested = fc
  .tuple(fc.integer({ min: 1, max: 30_000 }), fc.boolean())
  .map(([d, arr]) => (arr ? '['.repeat(d) + ']'.repeat(d) : '{"a":'.repeat(d) + '1' + '}'.repeat(d)));

/** A hostile JSON value as text: wrong types, numbers a double cannot hold, deep nesting. */
export const hostileValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: json(hostile) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '1e400',
      '-1e400',
      '123456789012345678901234567890',
      '-0',
      '1e-400',
      '1.5',
      '-1',
      '0',
      '9007199254740993',
      'null',
      'true',
      'false',
      '[]',
      '{}',
      '""',
      '[null]',
      '{"__proto__":{"polluted":true}}',
      '{"constructor":{"prototype":{"polluted":true}}}',
    ),
  },
  { weight: 1, arbitrary: json(fc.jsonValue({ maxDepth: 3 })) },
  { weight: 1, arbitrary: json(fc.array(hostile, { maxLength: 5 })) },
  { weight: 1, arbitrary: nested },
);

/** A field of a shaped body: its plausible values (as JSON text) or, often, a hostile one. */
export const field = (plausible: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.oneof({ weight: 7, arbitrary: plausible }, { weight: 1, arbitrary: hostileValue });

export type Fields = Record<string, fc.Arbitrary<string>>;

/** `[key, json text]` pairs written in order: a key may repeat (the last one wins in JSON.parse). */
export function objectText(entries: [string, string][]): string {
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
}

const extraKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'url', 'target', 'namespace', 'force', 'dryRun'),
  hostile,
);

/**
 * An object of the route's fields (any subset, each plausible or hostile), sometimes with extra
 * keys and duplicates of its own keys before them. `last` entries always come last, so they win
 * over any duplicate: a route that must never receive a valid body keeps its poison there.
 */
export function shapedBody(fields: Fields, last: Fields = {}): fc.Arbitrary<string> {
  const keys = Object.keys(fields);
  const some = keys.map((k) =>
    fc.option(
      fields[k]!.map((v): [string, string] => [k, v]),
      { nil: undefined, freq: 6 },
    ),
  );
  const dupKeys = [...keys, ...Object.keys(last)];
  const extras = fc.oneof(
    { weight: 4, arbitrary: fc.constant<[string, string][]>([]) },
    {
      weight: 1,
      arbitrary: fc.array(
        fc.tuple(dupKeys.length ? fc.oneof(fc.constantFrom(...dupKeys), extraKey) : extraKey, hostileValue),
        { minLength: 1, maxLength: 3 },
      ),
    },
  );
  const tail = Object.entries(last).map(([k, a]) => a.map((v): [string, string] => [k, v]));
  return fc
    .tuple(extras, fc.tuple(...some), fc.tuple(...tail))
    .map(([x, s, t]) => objectText([...x, ...s.filter((e): e is [string, string] => e !== undefined), ...t]));
}

/** A body and its content type: mostly the shaped body, sometimes broken JSON, huge, or another type. */
export function hostileBody(shaped: fc.Arbitrary<string>): fc.Arbitrary<{ text: string; type: string }> {
  const broken = fc.oneof(
    fc.constantFrom('', 'not json', '{', '[]', 'null', '1e400', '"str"', '{"a":1}{"b":2}', '\uFEFF{}', '{"a":1,}'),
    nested,
    fc.constantFrom(70_000, 200_000).map((n) => JSON.stringify({ big: 'x'.repeat(n) })),
  );
  const type = fc.oneof(
    { weight: 8, arbitrary: fc.constant('application/json') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json; charset=utf-16',
        'APPLICATION/JSON',
        '',
      ),
    },
  );
  return fc.record({ text: fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: broken }), type });
}

/**
 * A query string of the route's keys (any subset, each plausible or hostile), sometimes with a key
 * twice, or keys it does not take.
 */
export function hostileQuery(keys: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<string> {
  const names = Object.keys(keys);
  const some = names.map((k) =>
    fc.option(
      keys[k]!.map((v): [string, string] => [k, v]),
      { nil: undefined, freq: 6 },
    ),
  );
  const extras = fc.oneof(
    { weight: 5, arbitrary: fc.constant<[string, string][]>([]) },
    {
      weight: 1,
      arbitrary: fc.array(fc.tuple(names.length ? fc.oneof(fc.constantFrom(...names), extraKey) : extraKey, hostile), {
        minLength: 1,
        maxLength: 2,
      }),
    },
  );
  return fc.tuple(fc.tuple(...some), extras).map(([s, x]) => {
    const q = new URLSearchParams();
    for (const e of s) if (e) q.append(e[0], e[1]);
    for (const [k, v] of x) q.append(k, v);
    return q.toString();
  });
}

/** A query of one of several key sets (e.g. a pod or a selector, a range or start/end). */
export function queryVariants(...sets: Record<string, fc.Arbitrary<string>>[]): fc.Arbitrary<string> {
  return fc.oneof(...sets.map(hostileQuery));
}
