/** Query keys of the deploy area. */
export const deployKeys = { settings: ['deploy', 'settings'] as const };
