/** Query keys of the GPU area: the DRA views (resource.k8s.io/v1) the GPU model is built from. */
export const gpuKeys = {
  all: ['gpus'] as const,
  /** The whole DeviceClasses view. */
  deviceClasses: () => [...gpuKeys.all, 'deviceclasses', 'list'] as const,
  /** The whole ResourceSlices view. */
  resourceSlices: () => [...gpuKeys.all, 'resourceslices', 'list'] as const,
  /** The whole ResourceClaims view (cut to the namespaces the user may list claims in). */
  resourceClaims: () => [...gpuKeys.all, 'resourceclaims', 'list'] as const,
  /** The whole ResourceClaimTemplates view. */
  resourceClaimTemplates: () => [...gpuKeys.all, 'resourceclaimtemplates', 'list'] as const,
};
