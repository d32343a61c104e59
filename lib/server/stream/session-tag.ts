import 'server-only';
import { createHash } from 'node:crypto';

/**
 * A non-secret name of a session, for the browser to tell sessions apart: the shared stream's
 * `hello` carries it and every page knows its own, so a tab of a user who signed out and in as
 * someone else notices that the stream is not its session's. A hash, so the session id itself
 * (which names the session in audit records) never reaches the page.
 */
export function sessionTag(sid: string): string {
  return createHash('sha256').update(`imagepod-stream:${sid}`).digest('base64url').slice(0, 16);
}
