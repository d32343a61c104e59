'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { DrainConsent } from '@/lib/drain/plan';
import type { EvictionResult } from '@/lib/drain/outcome';
import { runDrain, type RunPod } from '@/lib/drain/run';
import { drainToast } from '@/lib/drain/outcome';
import { plainError } from '@/lib/feedback/plain-error';
import { ApiError, errorMessage } from '@/lib/queries/api-error';
import { showToast } from '../feedback/toaster';
import { postDrain } from '@/lib/queries/nodes/node-drain-mutation';

/** A drain started from this page: its pods, each pod's last step, and whether requests are out. */
export interface DrainRunState {
  pods: RunPod[];
  /** The node's pods the drain leaves (DaemonSet, mirror, no consent), with why: part of the report. */
  left: (RunPod & { message: string })[];
  steps: Record<string, 'evicting' | EvictionResult>;
  consent: DrainConsent;
  active: boolean;
  /** Why the run stopped early (a request failed as a whole: 403, panel unreachable). */
  error: string | null;
}

const toFailure = (e: unknown) =>
  e instanceof ApiError ? e : { status: -1, code: 'UNKNOWN', message: errorMessage(e) };

/**
 * The drain of node `name`, driven from the browser (lib/drain/run.ts). The state lives in this
 * page only; leaving the page aborts what has not been sent (the unmount cleanup), so no timer or
 * request outlives it and no other replica has anything to finish.
 */
export function useDrainRun(name: string) {
  const [run, setRun] = useState<DrainRunState | null>(null);
  const ctrl = useRef<AbortController | null>(null);
  useEffect(() => () => ctrl.current?.abort(), []);

  const go = useCallback(
    (pods: RunPod[], consent: DrainConsent, left: DrainRunState['left'], keep: DrainRunState | null) => {
      ctrl.current?.abort();
      const ac = new AbortController();
      ctrl.current = ac;
      setRun({ pods: keep?.pods ?? pods, left, steps: { ...keep?.steps }, consent, active: true, error: null });
      const results: EvictionResult[] = [];
      const setStep = (uid: string, step: 'evicting' | EvictionResult) => {
        if (step !== 'evicting') results.push(step);
        setRun((r) => (r && ctrl.current === ac ? { ...r, steps: { ...r.steps, [uid]: step } } : r));
      };
      void runDrain(
        pods,
        // Not aborted with the run: a request already out finishes and its answer is shown.
        async (p) =>
          (await postDrain(name, [p], consent)).results[0] ?? { ...p, state: 'failed', message: 'no answer' },
        setStep,
        ac.signal,
      ).then((failure) => {
        if (ctrl.current !== ac) return;
        const error = failure ? errorMessage(failure.error) : null;
        setRun((r) => r && { ...r, active: false, error });
        if (!ac.signal.aborted)
          showToast(
            drainToast(name, results.splice(0), error && failure ? plainError(toFailure(failure.error)) : null),
          );
      });
    },
    [name],
  );

  return {
    run,
    /** Starts a drain of `pods` (replacing any earlier run shown here). */
    start: useCallback(
      (pods: RunPod[], consent: DrainConsent, left: DrainRunState['left']) => go(pods, consent, left, null),
      [go],
    ),
    /** Sends the given pods of the current run again (the ones a budget blocked). */
    retry: useCallback(
      (uids: string[]) =>
        run &&
        go(
          run.pods.filter((p) => uids.includes(p.uid)),
          run.consent,
          run.left,
          run,
        ),
      [go, run],
    ),
    /** Sends nothing more; requests already out finish (each eviction is one atomic call). */
    stop: useCallback(() => ctrl.current?.abort(), []),
    /** Hides the report. */
    dismiss: useCallback(() => {
      ctrl.current?.abort();
      ctrl.current = null;
      setRun(null);
    }, []),
  };
}
