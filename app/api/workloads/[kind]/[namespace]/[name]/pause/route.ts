import { pauseRoute } from '@/lib/server/workloads/pause-route';

export const dynamic = 'force-dynamic';

/** `kubectl rollout pause` on a Deployment. */
export const POST = pauseRoute(true);
