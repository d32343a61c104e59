import 'server-only';
import type { DeployRun } from '../../deploy/run-types';
import type { Session } from '../auth/session';
import { deployRightsGone } from '../deploy/deploy-access';
import { getDeployRunner } from '../deploy/runner';
import type { Feed } from './feed';
import { guardStream } from './guard';

/**
 * Progress of the current deploy: a `run` event with the whole run now and after every change
 * (at most every 100 ms). Shared by `/api/deploy/runs/stream` and the `deploy` subscription, which
 * check `assertMaySeeDeploys` first. It ends with an `ended` event when the session does or the
 * user may no longer see deploys (asked again every 30 s).
 */
export function deployFeed(session: Session): Feed {
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
      const unguard = guardStream({
        session,
        recheck: () => deployRightsGone(session),
        end: (why) => {
          sink.send('ended', why);
          sink.close();
        },
      });
      return () => {
        if (timer) clearTimeout(timer);
        unguard();
        unsubscribe();
      };
    },
    abandon() {
      // Nothing is held before start.
    },
  };
}
