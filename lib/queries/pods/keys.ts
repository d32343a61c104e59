/** Query keys of the pods view; `all` invalidates everything about pods. */
export const podKeys = {
  all: ['pods'] as const,
  /**
   * The whole pods view. Pages filter it locally (namespace, selector, search) instead of asking
   * the server, because stream deltas patch exactly this one list.
   */
  list: () => [...podKeys.all, 'list'] as const,
};
