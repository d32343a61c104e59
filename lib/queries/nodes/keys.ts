/** Query keys of the nodes view; `all` invalidates everything about nodes. */
export const nodeKeys = {
  all: ['nodes'] as const,
  /** The whole nodes view; node detail pages select from it so stream deltas reach them. */
  list: () => [...nodeKeys.all, 'list'] as const,
  /** The drain preview of one node (read when the drain dialog opens). */
  drainPreview: (name: string) => [...nodeKeys.all, 'drain-preview', name] as const,
};
