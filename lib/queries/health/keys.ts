/** Query key of the watch cache's health (also patched by the stream's `hello`/`health` events). */
export const healthKeys = {
  all: ['health'] as const,
};
