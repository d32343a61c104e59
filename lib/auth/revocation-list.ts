/**
 * The cluster-wide list of signed-out sessions, as kept in the data of one ConfigMap: session id →
 * the session's own expiry (ISO 8601). Only ids, never tokens: a session id is random and says
 * nothing about its owner. Pure: reading the data (anything malformed is ignored, not trusted),
 * merging, pruning what has expired and bounding the size.
 */

/** Entries kept at most: 10,000 × ~60 bytes stays far below a ConfigMap's 1 MiB limit. */
export const MAX_REVOCATIONS = 10_000;

/** A session id as the panel makes them (12 random bytes, base64url: 16 characters), with room to grow. */
const SID = /^[A-Za-z0-9_-]{16,32}$/;

/** Session id → expiry in epoch milliseconds. */
export type Revocations = Map<string, number>;

/** Whether a string can be a session id of the list (also a valid ConfigMap data key). */
export function isSid(s: string): boolean {
  return SID.test(s);
}

/**
 * The live entries of a ConfigMap's data. An entry with a malformed id or expiry is skipped (the
 * object may have been edited by hand), as is one already expired.
 */
export function parseRevocations(data: Record<string, unknown> | null | undefined, now: number): Revocations {
  const out: Revocations = new Map();
  for (const [sid, value] of Object.entries(data ?? {})) {
    if (!isSid(sid) || typeof value !== 'string') continue;
    const exp = Date.parse(value);
    if (Number.isFinite(exp) && exp > now) out.set(sid, exp);
  }
  return out;
}

/**
 * The union of `base` and `add` (the later expiry wins for an id in both), without expired
 * entries, cut to `cap` entries by dropping those that expire soonest: a revocation dropped for
 * room is the one whose session had the least time left anyway.
 */
export function mergeRevocations(
  base: Iterable<[string, number]>,
  add: Iterable<[string, number]>,
  now: number,
  cap = MAX_REVOCATIONS,
): Revocations {
  const out: Revocations = new Map();
  for (const source of [base, add]) {
    for (const [sid, exp] of source) {
      if (!isSid(sid) || !Number.isFinite(exp) || exp <= now) continue;
      out.set(sid, Math.max(exp, out.get(sid) ?? exp));
    }
  }
  if (out.size <= cap) return out;
  const kept = [...out].sort((a, b) => b[1] - a[1]).slice(0, Math.max(0, cap));
  return new Map(kept);
}

/** The ConfigMap data for a list: id → expiry as ISO 8601 (readable with kubectl), in id order. */
export function revocationData(r: Revocations): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sid of [...r.keys()].sort()) out[sid] = new Date(r.get(sid)!).toISOString();
  return out;
}

/** Whether `remote` already holds every live entry of `wanted` (with at least its expiry). */
export function holdsAll(remote: Revocations, wanted: Iterable<[string, number]>, now: number): boolean {
  for (const [sid, exp] of wanted) if (exp > now && (remote.get(sid) ?? -Infinity) < exp) return false;
  return true;
}
