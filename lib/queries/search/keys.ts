/** Query keys of the command palette's search (GET /api/search), by normalised query. */
export const searchKeys = {
  all: ['search'] as const,
  query: (q: string) => ['search', q] as const,
};
