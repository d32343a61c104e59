import 'server-only';
import type { DeployRun } from '../../deploy/run-types';
import { getDeployRunner } from '../deploy/runner';
import type { Feed } from './feed';

/**
 * Progress of the current deploy: a `run` event with the whole run now and after every change
 * (at most every 100 ms). Shared by `/api/deploy/runs/stream` and the `deploy` subscription.
 */
export function deployFeed(): Feed {
  const runner = getDeployRunner();
  return {
    start(sink) {
      let timer: NodeJS.Timeout | null = null;
      let latest: DeployRun | null = runner.current();
      sink.send('run', latest);
      const unsubscribe = runner.subscribe((run) => {
        latest = run;
        timer ??= setTimeout(() => {
          timer = null;
          sink.send('run', latest);
        }, 100);
      });
      return () => {
        if (timer) clearTimeout(timer);
        unsubscribe();
      };
    },
    abandon() {
      // Nothing is held before start.
    },
  };
}
