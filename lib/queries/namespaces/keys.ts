/** Query key of the namespaces the signed-in user may read (GET /api/namespaces). */
export const namespaceKeys = {
  all: ['namespaces'] as const,
};
