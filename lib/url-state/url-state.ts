/**
 * A page's state in the address bar, one small pattern for every page: a page declares its fields
 * (query key, zod schema, default), `readUrlState` parses the search params — a value that does
 * not parse (a hostile or stale URL) falls back to the field's default, never throws — and
 * `urlStateQuery` writes the state back, leaving defaults and other pages' keys out of it. Pure:
 * the browser hook (components/hooks/use-url-state.ts) and the pages' server components share it.
 */
import { z } from 'zod';

/** Search params as a server component receives them, or the browser's. */
export type SearchParamsLike = Record<string, string | string[] | undefined> | URLSearchParams;

/** One field of a page's URL state. */
export interface UrlField<T> {
  /** The query-string key. */
  key: string;
  /** Parses the raw string; a failure means the default. */
  schema: z.ZodType<T>;
  fallback: T;
  /** The value as written to the URL (defaults to `String`). */
  format?: (v: T) => string;
}

/** The fields of a state shape `S`, one per property. */
export type UrlFields<S> = { [K in keyof S]: UrlField<S[K]> };

/** Longest value read from the URL; a longer one is cut (no filter needs more). */
export const MAX_PARAM = 1024;

function raw(p: SearchParamsLike, key: string): string | undefined {
  const v = p instanceof URLSearchParams ? (p.get(key) ?? undefined) : p[key];
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined ? undefined : s.slice(0, MAX_PARAM);
}

/** The state the params describe; each missing or invalid value is its field's default. */
export function readUrlState<S>(fields: UrlFields<S>, p: SearchParamsLike): S {
  const out = {} as S;
  for (const name of Object.keys(fields) as (keyof S)[]) {
    const f = fields[name];
    const s = raw(p, f.key);
    const parsed = s === undefined ? null : f.schema.safeParse(s);
    out[name] = parsed?.success ? parsed.data : f.fallback;
  }
  return out;
}

/**
 * The query string (without `?`) for a state: `base`'s keys that the fields do not own are kept,
 * owned keys are set when they differ from the default and removed otherwise.
 */
export function urlStateQuery<S>(fields: UrlFields<S>, s: NoInfer<S>, base?: URLSearchParams): string {
  const q = new URLSearchParams(base);
  for (const name of Object.keys(fields) as (keyof S)[]) {
    const f = fields[name];
    const text = (f.format ?? String)(s[name]);
    if (text === (f.format ?? String)(f.fallback) || text === '') q.delete(f.key);
    else q.set(f.key, text);
  }
  return q.toString();
}

/** A free-text field (search, selector, user): any string up to `max` characters. */
export function textField(key: string, max = 256): UrlField<string> {
  return { key, schema: z.string().max(max), fallback: '' };
}

/** A field that takes one of `values`; anything else is `fallback`. */
export function enumField<const V extends string, F extends V | ''>(
  key: string,
  values: readonly V[],
  fallback: F,
): UrlField<V | F> {
  const schema = z.string().refine((s): s is V => (values as readonly string[]).includes(s)) as z.ZodType<V | F>;
  return { key, schema, fallback };
}

/** A whole-number field within [min, max]. */
export function intField(key: string, min: number, max: number, fallback: number): UrlField<number> {
  return {
    key,
    schema: z
      .string()
      .regex(/^\d{1,12}$/)
      .transform(Number)
      .pipe(z.number().int().min(min).max(max)),
    fallback,
  };
}

/** A sort `key:dir` (e.g. `age:desc`) over the given keys. */
export function sortField<const K extends string>(
  key: string,
  keys: readonly K[],
  fallback: { key: K; dir: 'asc' | 'desc' },
): UrlField<{ key: K; dir: 'asc' | 'desc' }> {
  const schema = z
    .string()
    .regex(/^[a-z]+:(asc|desc)$/)
    .transform((s) => {
      const [k, dir] = s.split(':') as [string, 'asc' | 'desc'];
      return { key: k as K, dir };
    })
    .refine((v) => (keys as readonly string[]).includes(v.key));
  return { key, schema, fallback, format: (v) => `${v.key}:${v.dir}` };
}

/** An on/off field, `1` when on and absent when off. */
export function boolField(key: string): UrlField<boolean> {
  return {
    key,
    schema: z.enum(['1', 'true']).transform(() => true),
    fallback: false,
    format: (v) => (v ? '1' : ''),
  };
}
