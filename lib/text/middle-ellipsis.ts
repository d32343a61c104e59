/**
 * Shortening names without losing the part that tells them apart. Pure.
 *
 * Kubernetes names grow at the end (`worker-7d9f8b6c5d-x2x4k`: Deployment, ReplicaSet hash, pod
 * suffix), so cutting the end, as CSS `text-overflow` does, leaves a column of identical
 * prefixes. Cutting the middle keeps both the owner's name and the replica's suffix.
 */

/** The ellipsis that replaces the cut-out middle (one character wide). */
export const ELLIPSIS = '…';

/**
 * `text` at most `max` characters long, its middle replaced by "…" when it is longer; the end
 * keeps the larger half (it is what differs between replicas). Code points, not UTF-16 units,
 * are counted, so an emoji is never cut in half.
 */
export function middleEllipsis(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  if (max <= 1) return max === 1 ? ELLIPSIS : '';
  const keep = max - 1;
  const head = Math.floor(keep / 2);
  const tail = keep - head;
  return `${chars.slice(0, head).join('')}${ELLIPSIS}${chars.slice(chars.length - tail).join('')}`;
}

/**
 * `text` split for a width-adaptive middle cut: the tail that must stay visible (`tail`
 * characters, or from the image tag's `:`/`@` when `tagged`) and the head that may be cut.
 * A head of "" means the text is all tail.
 */
export function splitForMiddle(text: string, tail: number, tagged = false): { head: string; tail: string } {
  const chars = Array.from(text);
  let at = Math.max(0, chars.length - tail);
  if (tagged) {
    // An image's tag or digest tells versions apart: keep it whole (a digest is 71 characters,
    // so at most its first 12 hex digits and the end).
    const mark = Math.max(text.lastIndexOf('@'), text.lastIndexOf(':'));
    if (mark > text.lastIndexOf('/')) at = Math.min(Array.from(text.slice(0, mark)).length, at);
  }
  return { head: chars.slice(0, at).join(''), tail: chars.slice(at).join('') };
}
