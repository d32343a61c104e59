/**
 * The field managers the panel writes with. Every write the panel makes to the API server names
 * the panel and what it did, so a resource's `managedFields` (and a deploy preview's conflicts)
 * say "imagepod-dashboard/scale" rather than the HTTP client's default ("undici"). Pure.
 *
 * The deploy's own server-side apply keeps the bare name `imagepod-dashboard` it has always
 * applied with: renaming it would make every object already deployed look owned by a stranger.
 */

/** The name every manager of the panel starts with (the deploy's server-side apply uses it bare). */
export const PANEL_MANAGER = 'imagepod-dashboard';

/** The actions the panel writes for, one manager each. */
export const PANEL_ACTIONS = [
  'scale',
  'restart',
  'pause',
  'resume',
  'undo',
  'labels',
  'taints',
  'cordon',
  'uncordon',
  'suspend',
  'run-now',
  'secrets',
  'runner',
  'audit',
  'revocations',
] as const;

/** One of the panel's actions that writes to the cluster. */
export type PanelAction = (typeof PANEL_ACTIONS)[number];

/** A field manager of the panel: the deploy's bare name, or `imagepod-dashboard/<action>`. */
export type PanelFieldManager = typeof PANEL_MANAGER | `${typeof PANEL_MANAGER}/${PanelAction}`;

/** The field manager of one action, e.g. `imagepod-dashboard/scale`. */
export function panelFieldManager(action: PanelAction): PanelFieldManager {
  return `${PANEL_MANAGER}/${action}`;
}

/** The action a manager name stands for (`scale` for `imagepod-dashboard/scale`); null if it is not one of the panel's actions. */
export function panelActionOf(manager: string): PanelAction | null {
  const prefix = `${PANEL_MANAGER}/`;
  if (!manager.startsWith(prefix)) return null;
  const action = manager.slice(prefix.length);
  return (PANEL_ACTIONS as readonly string[]).includes(action) ? (action as PanelAction) : null;
}

/** The actions an operator takes on the cluster's objects by hand (the operate buttons). */
const OPERATE_ACTIONS: ReadonlySet<PanelAction> = new Set([
  'scale',
  'restart',
  'pause',
  'resume',
  'undo',
  'labels',
  'taints',
  'cordon',
  'uncordon',
  'suspend',
  'run-now',
]);

/** True for the manager of an operate button (scale, restart, ...): a hand-made change made through the panel. */
export function isOperateManager(manager: string): boolean {
  const action = panelActionOf(manager);
  return action !== null && OPERATE_ACTIONS.has(action);
}
