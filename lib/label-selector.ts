/**
 * Label selectors in the text form `kubectl -l` and the API accept (`a=b,c!=d,e in (x,y),!f`),
 * parsed with the same rules as apimachinery's `labels.Parse`, and matched against labels.
 * Shared: the server filters `?labelSelector=`, the pods page filters as the user types.
 */
import type { LabelSelector } from './kube-types';

export type Requirement =
  | { key: string; op: 'exists' | 'notexists' }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'gt' | 'lt'; value: number };

export type Selector = Requirement[];

export type ParseResult = { ok: true; selector: Selector } | { ok: false; error: string };

const KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

function checkKey(k: string): string | null {
  if (!k) return 'a label key is missing';
  const name = k.includes('/') ? k.slice(k.indexOf('/') + 1) : k;
  if (name.length > 63 || !KEY.test(k) || k.split('/').length > 2 || k.indexOf('/') > 253) {
    return `invalid label key "${k}": a qualified name must be an optional DNS subdomain prefix and "/" followed by at most 63 characters of alphanumerics, "-", "_" or "."`;
  }
  return null;
}

function checkValue(v: string): string | null {
  if (v.length > 63 || !VALUE.test(v)) {
    return `invalid label value "${v}": at most 63 characters, alphanumerics, "-", "_" or ".", starting and ending with an alphanumeric`;
  }
  return null;
}

/** Splits on commas that are not inside parentheses. */
function splitTop(text: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (depth < 0) return null;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (depth !== 0) return null;
  parts.push(cur);
  return parts;
}

function parseOne(raw: string): Requirement | string {
  const s = raw.trim();
  if (!s) return 'empty requirement (two commas in a row, or a trailing comma)';
  let m = /^!\s*(\S+)$/.exec(s);
  if (m) return checkKey(m[1]!) ?? { key: m[1]!, op: 'notexists' };
  m = /^(\S+?)\s+(in|notin)\s*\((.*)\)$/.exec(s);
  if (m) {
    const values = m[3]!.split(',').map((v) => v.trim());
    if (values.length === 0 || (values.length === 1 && values[0] === '')) return `"${m[2]}" needs at least one value`;
    for (const v of values) {
      const e = checkValue(v);
      if (e) return e;
    }
    return checkKey(m[1]!) ?? { key: m[1]!, op: m[2] as 'in' | 'notin', values };
  }
  m = /^([^=!<>\s]+)\s*(==|=|!=|>|<)\s*(.*)$/.exec(s);
  if (m) {
    const key = m[1]!,
      op = m[2]!,
      value = m[3]!;
    const ke = checkKey(key);
    if (ke) return ke;
    if (op === '>' || op === '<') {
      if (!/^-?\d+$/.test(value)) return `"${op}" needs an integer value, got "${value}"`;
      return { key, op: op === '>' ? 'gt' : 'lt', value: Number(value) };
    }
    const ve = checkValue(value);
    if (ve) return ve;
    return { key, op: op === '!=' ? 'notin' : 'in', values: [value] };
  }
  if (/\s/.test(s))
    return `cannot parse "${s}": expected key, !key, key=value, key!=value, key in (a,b) or key notin (a,b)`;
  return checkKey(s) ?? { key: s, op: 'exists' };
}

/** Parses a selector; the empty string selects everything. */
export function parseSelector(text: string): ParseResult {
  if (text.length > 4096) return { ok: false, error: 'selector is longer than 4096 characters' };
  if (!text.trim()) return { ok: true, selector: [] };
  const parts = splitTop(text);
  if (!parts) return { ok: false, error: 'unbalanced parentheses' };
  const selector: Selector = [];
  for (const p of parts) {
    const r = parseOne(p);
    if (typeof r === 'string') return { ok: false, error: r };
    selector.push(r);
  }
  return { ok: true, selector };
}

/** True when every requirement holds for the labels. */
export function matchesSelector(selector: Selector, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  return selector.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const v = l[r.key];
    switch (r.op) {
      case 'exists':
        return has;
      case 'notexists':
        return !has;
      case 'in':
        return has && r.values.includes(v!);
      case 'notin':
        return !has || !r.values.includes(v!);
      case 'gt':
        return has && /^-?\d+$/.test(v!) && Number(v) > r.value;
      case 'lt':
        return has && /^-?\d+$/.test(v!) && Number(v) < r.value;
    }
  });
}

/** The text form of a matchLabels map (`a=b,c=d`), for links and kubectl hints. */
export function formatMatchLabels(m: Record<string, string>): string {
  return Object.entries(m)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** A LabelSelector object in the text form `?labelSelector=` takes (matchLabels and matchExpressions). */
export function formatLabelSelector(s: LabelSelector): string {
  const exprs = (s.matchExpressions ?? []).map((e) => {
    const values = `(${(e.values ?? []).join(',')})`;
    switch (e.operator) {
      case 'In':
        return `${e.key} in ${values}`;
      case 'NotIn':
        return `${e.key} notin ${values}`;
      case 'Exists':
        return e.key;
      case 'DoesNotExist':
        return `!${e.key}`;
    }
  });
  return [formatMatchLabels(s.matchLabels ?? {}), ...exprs].filter(Boolean).join(',');
}
