/** What the search benchmark runs: the palette's real search and the cache's real row projections. */
export { searchRows } from '../../lib/search/search-rows';
export { normaliseQuery } from '../../lib/search/rank';
export { toNodeRow, toPodRow, toWorkloadRow } from '../../lib/views';
