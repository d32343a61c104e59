/**
 * The shared stream's wire shapes that both sides use: channel and subscription ids and the
 * subscribe / unsubscribe bodies (the server validates with these; the browser builds them).
 * Pure.
 */
import { z } from 'zod';
import { logQuerySchema } from '../logs/options';

/** A channel id: random, chosen by the browser (it names the stream before the stream answers). */
export const channelIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be 16 to 64 letters, digits, - or _');

/** A subscription id, unique within its channel (the tab that subscribes picks it). */
export const subscriptionIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 letters, digits, - or _');

/** A log subscription's query: the very strings `/api/logs` takes, checked by its schema. */
const logQueryStrings = z
  .record(z.string().max(32), z.string().max(2048))
  .refine((q) => Object.keys(q).length <= 16, 'too many parameters')
  .pipe(logQuerySchema);

/** `POST /api/stream/subscriptions`: start a log stream or deploy progress on a channel. */
export const subscribeBodySchema = z.discriminatedUnion('topic', [
  z.strictObject({
    channel: channelIdSchema,
    id: subscriptionIdSchema,
    topic: z.literal('logs'),
    query: logQueryStrings,
  }),
  z.strictObject({ channel: channelIdSchema, id: subscriptionIdSchema, topic: z.literal('deploy') }),
]);

/** The browser's form of a subscribe body (the query as plain strings). */
export type SubscribeBody = z.input<typeof subscribeBodySchema>;

/** `DELETE /api/stream/subscriptions?channel=…&id=…`: end one. */
export const unsubscribeQuerySchema = z.strictObject({ channel: channelIdSchema, id: subscriptionIdSchema });

/** The `sub` event of a channel: one event of one subscription (`closed` when the server ended it). */
export interface SubEvent {
  id: string;
  event: string;
  data: unknown;
}
