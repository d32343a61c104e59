/** Query keys of the events view. */
export const eventKeys = {
  all: ['events'] as const,
  /** The whole events view the cache holds. */
  list: () => [...eventKeys.all, 'list'] as const,
};
