import { pauseRoute } from '@/lib/server/workloads/pause-route';

export const dynamic = 'force-dynamic';

/** `kubectl rollout resume` on a Deployment: changes made while paused roll out. */
export const POST = pauseRoute(false);
