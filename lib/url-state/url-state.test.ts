import { describe, expect, it } from 'vitest';
import {
  AUDIT_PAGE_FIELDS,
  LOG_DISPLAY_FIELDS,
  METRICS_PAGE_FIELDS,
  NODE_PAGE_FIELDS,
  POD_PAGE_FIELDS,
  WORKLOAD_PAGE_FIELDS,
} from './page-fields';
import { MAX_PARAM, readUrlState, urlStateQuery } from './url-state';

const sp = (s: string) => new URLSearchParams(s);

describe('readUrlState', () => {
  it('reads every field of a page from the query, as a server component or the browser has it', () => {
    const q = 'namespace=imagepod&selector=app%3Dweb&q=gpu&sort=age:desc';
    const want = { namespace: 'imagepod', selector: 'app=web', search: 'gpu', sort: { key: 'age', dir: 'desc' } };
    expect(readUrlState(POD_PAGE_FIELDS, sp(q))).toEqual(want);
    expect(
      readUrlState(POD_PAGE_FIELDS, { namespace: ['imagepod', 'x'], selector: 'app=web', q: 'gpu', sort: 'age:desc' }),
    ).toEqual(want);
  });

  it('falls back to the default for each missing or hostile value, field by field', () => {
    expect(readUrlState(POD_PAGE_FIELDS, sp('sort=password:desc&q=ok'))).toEqual({
      namespace: '',
      selector: '',
      search: 'ok',
      sort: { key: 'namespace', dir: 'asc' },
    });
    for (const bad of ['name:sideways', 'name', ':asc', 'name:asc:x', '__proto__:asc', 'NAME:ASC'])
      expect(readUrlState(POD_PAGE_FIELDS, sp(`sort=${bad}`)).sort, bad).toEqual({ key: 'namespace', dir: 'asc' });
    expect(readUrlState(POD_PAGE_FIELDS, sp(`namespace=${'a'.repeat(64)}`)).namespace).toBe('');
    expect(readUrlState(WORKLOAD_PAGE_FIELDS, sp('kind=Secret')).kind).toBe('');
    expect(readUrlState(WORKLOAD_PAGE_FIELDS, sp('kind=StatefulSet')).kind).toBe('StatefulSet');
    expect(readUrlState(AUDIT_PAGE_FIELDS, sp('action=rm&result=denied&range=1y'))).toEqual({
      user: '',
      action: '',
      result: 'denied',
      range: '',
    });
    expect(readUrlState(LOG_DISPLAY_FIELDS, sp('ts=yes&wrap=1'))).toMatchObject({ timestamps: false, wrap: true });
  });

  it('takes whole numbers in range only', () => {
    const read = (q: string) => readUrlState(METRICS_PAGE_FIELDS, sp(q));
    expect(read('start=1700000000&end=1700003600&refresh=0')).toMatchObject({
      start: 1_700_000_000,
      end: 1_700_003_600,
      refresh: '0',
    });
    for (const bad of ['-1', '1e9', '0x10', '1.5', '9'.repeat(13), ' 5', ''])
      expect(read(`start=${encodeURIComponent(bad)}`).start, bad).toBe(0);
    expect(read('range=30d&refresh=1').range).toBe('1h');
    expect(read('range=30d&refresh=1').refresh).toBe('30000');
  });

  it('cuts a value longer than any filter needs before parsing it', () => {
    const long = 'x'.repeat(MAX_PARAM * 4);
    expect(readUrlState(NODE_PAGE_FIELDS, sp(`selector=${long}`)).selector).toHaveLength(MAX_PARAM);
    expect(readUrlState(NODE_PAGE_FIELDS, sp(`q=${long}`)).search).toBe('');
  });
});

describe('urlStateQuery', () => {
  it('writes only what differs from the defaults, and keeps keys the page does not own', () => {
    const s = readUrlState(NODE_PAGE_FIELDS, sp(''));
    expect(urlStateQuery(NODE_PAGE_FIELDS, s)).toBe('');
    const q = urlStateQuery(
      NODE_PAGE_FIELDS,
      { ...s, search: 'gpu node', sort: { key: 'cpu', dir: 'desc' } },
      sp('x=1&q=old'),
    );
    expect(q).toBe('x=1&q=gpu+node&sort=cpu%3Adesc');
    expect(urlStateQuery(NODE_PAGE_FIELDS, s, sp('x=1&q=old&sort=cpu:asc'))).toBe('x=1');
  });

  it('round-trips every page state through the URL', () => {
    const cases = [
      [POD_PAGE_FIELDS, 'namespace=a&selector=tier+in+%28gpu%29&q=%3D1%2B2&sort=restarts%3Adesc'],
      [WORKLOAD_PAGE_FIELDS, 'kind=DaemonSet&namespace=kube-system&q=imagepod'],
      [METRICS_PAGE_FIELDS, 'start=1700000000&end=1700003600&refresh=10000'],
      [AUDIT_PAGE_FIELDS, 'user=alice&action=scale&result=failure&range=15m'],
      [LOG_DISPLAY_FIELDS, 'find=error&grep=%5Ewarn&ts=1&wrap=1'],
    ] as const;
    for (const [fields, q] of cases) {
      const state = readUrlState(fields as typeof POD_PAGE_FIELDS, sp(q));
      expect(urlStateQuery(fields as typeof POD_PAGE_FIELDS, state), q).toBe(q);
    }
  });
});
