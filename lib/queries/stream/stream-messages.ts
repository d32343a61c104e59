/**
 * The messages of `GET /api/stream` and their runtime checks. Only the envelope is checked (a
 * delta may carry thousands of rows; their shape is the server's contract in lib/views.ts).
 */
import type { CacheHealth } from '../../health';
import type { Row, ViewDelta, ViewName } from '../../views';
import { VIEW_NAMES } from '../view-response';

/** Sent first on every connection, and again after the server restarts. */
export interface HelloMessage {
  /** Names the server process's cache; revisions compare only within one epoch. */
  epoch: string;
  revisions: Partial<Record<ViewName, number>>;
  health: CacheHealth;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses an event's data; null when it is not JSON. */
export function parseData(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export function isViewName(v: unknown): v is ViewName {
  return typeof v === 'string' && (VIEW_NAMES as readonly string[]).includes(v);
}

export function isCacheHealth(v: unknown): v is CacheHealth {
  return isObject(v) && typeof v.state === 'string' && typeof v.since === 'string' && isObject(v.resources);
}

export function isHello(v: unknown): v is HelloMessage {
  return isObject(v) && typeof v.epoch === 'string' && isObject(v.revisions) && isCacheHealth(v.health);
}

export function isDelta(v: unknown): v is ViewDelta<Row> {
  return (
    isObject(v) &&
    isViewName(v.view) &&
    typeof v.epoch === 'string' &&
    typeof v.from === 'number' &&
    typeof v.to === 'number' &&
    Array.isArray(v.upserts) &&
    Array.isArray(v.deletes)
  );
}
