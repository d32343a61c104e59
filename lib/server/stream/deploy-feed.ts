import 'server-only';
import type { DeployRun } from '../../deploy/run-types';
import { userKubeConfig } from '../auth/identity';
import type { Session } from '../auth/session';
import { deployRightsGone } from '../deploy/deploy-access';
import { getDeployRunner } from '../deploy/runner';
import type { Feed } from './feed';
import { guardStream } from './guard';

/** How often a stream reads the cluster's run record: while a run goes on elsewhere, and otherwise. */
const POLL_RUNNING_MS = 1000;
const POLL_IDLE_MS = 3000;

/**
 * Progress of the current deploy, whichever replica runs it: a `run` event with the whole run now
 * and after every change. This replica's own run is pushed as it changes (at most every 100 ms);
 * another replica's is read from the cluster's record with the user's credentials (every second
 * while it runs, every 3 s otherwise), so it turns `interrupted` here when that replica dies.
 * Shared by `/api/deploy/runs/stream` and the `deploy` subscription, which check
 * `assertMaySeeDeploys` first. It ends with an `ended` event when the session does or the user
 * may no longer see deploys (asked again every 30 s).
 */
export function deployFeed(session: Session): Feed {
  const runner = getDeployRunner();
  return {
    start(sink) {
      let timer: NodeJS.Timeout | null = null;
      let sent = '';
      let closed = false;
      const send = (run: DeployRun | null) => {
        const json = JSON.stringify(run);
        if (json === sent) return;
        sent = json;
        sink.send('run', run);
      };
      let latest: DeployRun | null = runner.current();
      const unsubscribe = runner.subscribe((run) => {
        latest = run;
        timer ??= setTimeout(() => {
          timer = null;
          send(latest);
        }, 100);
      });
      const kc = userKubeConfig(session);
      let poll: NodeJS.Timeout | null = null;
      const abort = new AbortController();
      const read = async () => {
        poll = null;
        let run: DeployRun | null = latest;
        try {
          run = await runner.seen(kc, abort.signal);
        } catch {
          // The API server is away or the read was refused: keep the last run shown; the guard
          // below ends the stream if the user lost the right to see runs.
        }
        if (closed) return;
        send(run);
        poll = setTimeout(() => void read(), run?.state === 'running' ? POLL_RUNNING_MS : POLL_IDLE_MS);
      };
      void read();
      const unguard = guardStream({
        session,
        recheck: () => deployRightsGone(session),
        end: (why) => {
          sink.send('ended', why);
          sink.close();
        },
      });
      return () => {
        closed = true;
        abort.abort();
        if (poll) clearTimeout(poll);
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
