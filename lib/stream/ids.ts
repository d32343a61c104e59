/**
 * Shapes of the shared stream's wire that both sides check: channel and subscription ids, and
 * the subscribe body. Pure.
 */
import { z } from 'zod';

/** A channel id: random, chosen by the browser (it names the stream before the stream answers). */
export const channelIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be 16–64 letters, digits, - or _');

/** A subscription id, unique within its channel (the tab that subscribes picks it). */
export const subscriptionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, - or _');

/** Query parameters of a log subscription: the same strings `/api/logs` takes. */
export const subscriptionQuerySchema = z
  .record(z.string().max(64), z.string().max(2048))
  .refine((q) => Object.keys(q).length <= 16, 'too many parameters');
