/**
 * Where a request without a session goes (a page rendered on the server, or the browser after a
 * 401): the sign-in page, which comes back here afterwards. Only same-site paths are ever used as
 * the way back. Pure, for both sides.
 */
export function signInUrl(path: string): string {
  return `/login?next=${encodeURIComponent(safeNext(path))}`;
}

/** A `next` value that stays on this panel: a path starting with one "/", else "/". */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/login'))
    return '/';
  return /[\u0000-\u001f]/.test(next) ? '/' : next;
}
