/**
 * A panel process that starts a deploy and keeps running until it is killed — the deploy test
 * kills it half-way (SIGKILL) to prove the next deploy converges. Run with
 * `vite-node -c vitest.config.ts test/integration/deploy-child.ts`; env DEPLOY_TOKEN, KUBECONFIG.
 */
import { DEFAULT_SETTINGS } from '@/lib/deploy/settings';
import { tokenKubeConfig, whoAmI } from '@/lib/server/auth/identity';
import { getDeployRunner } from '@/lib/server/deploy/runner';
import { getClusterCache } from '@/lib/server/kube/cluster-cache';

const kube = tokenKubeConfig(process.env.DEPLOY_TOKEN ?? '');
const user = await whoAmI(kube);
const cache = getClusterCache();
while (!cache.everSynced()) await new Promise((r) => setTimeout(r, 100));
const run = await getDeployRunner().deploy(
  { user, session: { sid: 'child' }, kube },
  { ...DEFAULT_SETTINGS, apiReplicas: 3 },
  { takeOwnership: [], keepLiveReplicas: [] },
);
getDeployRunner().subscribe((r) => {
  const stage = r.stages.find((s) => s.state === 'running');
  if (stage) console.log(`stage ${stage.id}`);
});
console.log(`started ${run.id}`);
setInterval(() => undefined, 1000);
