import { z } from 'zod';
import { getDeployRunner } from '@/lib/server/deploy/runner';
import type { DeployRun } from '@/lib/deploy/run-types';
import { route } from '@/lib/server/http/route';
import { sseResponse } from '@/lib/server/http/sse';

export const dynamic = 'force-dynamic';

/**
 * Progress of the current deploy: a `run` event with the whole run now and after every change
 * (at most every 100 ms). Leaving does not stop the deploy; coming back shows where it is.
 */
export const GET = route({ query: z.strictObject({}) }, async ({ signal }) => {
  const runner = getDeployRunner();
  return sseResponse(signal, (w) => {
    let timer: NodeJS.Timeout | null = null;
    let latest: DeployRun | null = runner.current();
    w.send('run', latest);
    const unsubscribe = runner.subscribe((run) => {
      latest = run;
      timer ??= setTimeout(() => {
        timer = null;
        w.send('run', latest);
      }, 100);
    });
    return () => {
      if (timer) clearTimeout(timer);
      unsubscribe();
    };
  });
});
