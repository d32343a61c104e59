import { z } from 'zod';
import { route } from '@/lib/server/http/route';
import { searchFor } from '@/lib/server/views/search';
import { syncedCache } from '@/lib/server/views/views-api';
import { normaliseQuery } from '@/lib/search/rank';
import { DEFAULT_RESULTS, MAX_QUERY_LENGTH, MAX_RESULTS, type SearchAnswer } from '@/lib/search/types';

export const dynamic = 'force-dynamic';

const query = z.strictObject({
  q: z
    .string()
    .max(MAX_QUERY_LENGTH, `at most ${MAX_QUERY_LENGTH} characters`)
    // Names are printable; a control character is a mistake or an attack, said as such.
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'no control characters')
    .transform(normaliseQuery)
    .pipe(z.string().min(1, 'type something to search for')),
  limit: z
    .string()
    .regex(/^[0-9]{1,3}$/, 'a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1).max(MAX_RESULTS, `at most ${MAX_RESULTS}`))
    .optional(),
});

/**
 * The command palette's search: nodes, pods and workloads from the watch cache whose names match
 * `q`, best first, at most `limit` (20; up to 50), only what the user may list. No request to the
 * API server per keystroke: the cache answers, cut by the session's cached access reviews.
 */
export const GET = route({ query }, async ({ session, signal, query: q }): Promise<SearchAnswer> =>
  searchFor(session, syncedCache(), q.q, q.limit ?? DEFAULT_RESULTS, signal),
);
