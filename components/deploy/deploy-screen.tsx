'use client';

import { plainErrorOrNull, rightText } from '@/lib/feedback/plain-error';
import { useState } from 'react';
import { useAccess } from '@/lib/queries/access/access-query';
import { useDeployRun } from '@/lib/queries/deploy/deploy-run-stream';
import { useDeploySettings } from '@/lib/queries/deploy/deploy-settings-query';
import { useStartDeploy } from '@/lib/queries/deploy/deploy-start-mutation';
import { usePreview } from '@/lib/queries/deploy/preview-mutation';
import { useResumeRun } from '@/lib/queries/deploy/resume-mutation';
import { useWorkloadsQuery } from '@/lib/queries/workloads/workloads-query';
import { PageHeader } from '../layout/page-header';
import { ComponentsHealthCard } from '../overview/components-health-card';
import { DeployConfirm } from './deploy-confirm';
import { choicesBody, toggleChoice, type Choices } from './preview-list';
import { RunOrPreview } from './run-or-preview';
import { SettingsCard } from './settings-card';
import { parseDraft, toDraft, type SettingsDraft } from './settings-form';
import { UndeployCard } from './undeploy-card';

const DEPLOY_RIGHT = { verb: 'patch' as const, group: 'apps', resource: 'deployments', namespace: 'imagepod' };

/**
 * The Deploy page: the stack's live status, the settings, Preview (per-object dry-run diff),
 * Deploy (confirmed on the preview of exactly these settings, then live progress per stage and
 * object, from the server's run) and Undeploy.
 */
export function DeployScreen() {
  const settingsQ = useDeploySettings();
  const workloadsQ = useWorkloadsQuery();
  const access = useAccess([DEPLOY_RIGHT]);
  const { run } = useDeployRun();
  const preview = usePreview();
  const start = useStartDeploy();
  const resume = useResumeRun();
  const [edited, setDraft] = useState<SettingsDraft | null>(null);
  const draft = edited ?? (settingsQ.data ? toDraft(settingsQ.data.settings) : null);
  const [choices, setChoices] = useState<Choices>({ take: new Set(), keep: new Set() });
  const [shown, setShown] = useState<'run' | 'preview' | null>(null);
  const [confirming, setConfirming] = useState(false);
  // A run seen going on (whoever started it) stays shown after it ends, until a preview replaces it.
  const [followed, setFollowed] = useState<string | null>(null);
  const live = run?.state === 'running' || run?.state === 'interrupted';
  if (live && followed !== run.id) {
    setFollowed(run.id);
    setShown('run');
  }
  const showRun = run !== null && (live || shown === 'run');

  const allowed = access.get(DEPLOY_RIGHT);
  const denied =
    allowed && !allowed.allowed
      ? `You may view but not deploy: your rights lack ${rightText(DEPLOY_RIGHT)}${allowed.reason ? ` (${allowed.reason})` : ''}.`
      : null;
  const running = run?.state === 'running';
  const parsed = draft ? parseDraft(draft) : null;

  const body = parsed?.settings ? { settings: parsed.settings, ...choicesBody(choices) } : null;
  // The preview of exactly what is on the page now: what the deploy's confirmation shows.
  const current =
    preview.data && body && JSON.stringify(preview.variables) === JSON.stringify(body) ? preview.data : null;
  const doPreview = () => {
    if (!body) return;
    setShown('preview');
    preview.mutate(body);
  };
  const doDeploy = () => {
    if (!body) return;
    setConfirming(true);
    if (!current) doPreview();
  };
  const confirmDeploy = () => {
    setConfirming(false);
    if (body) start.mutate(body, { onSuccess: () => setShown('run') });
  };

  return (
    <>
      <PageHeader
        title="Deploy"
        subtitle="The ImagePod stack (manifests/imagepod): preview, deploy and undeploy with your own Kubernetes rights"
      />
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-3">
        <div className="flex flex-col gap-4 xl:col-span-2">
          <SettingsCard
            settingsQ={settingsQ}
            draft={draft}
            onChange={setDraft}
            running={running}
            previewing={preview.isPending}
            starting={start.isPending}
            denied={denied}
            allowed={Boolean(allowed)}
            error={plainErrorOrNull(preview.error ?? start.error)}
            onPreview={doPreview}
            onDeploy={doDeploy}
          />
          <RunOrPreview
            run={run}
            showRun={showRun}
            preview={preview.data}
            choices={choices}
            onShowRun={() => setShown('run')}
            resume={{
              onResume: () => run && resume.mutate({ id: run.id }),
              resuming: resume.isPending,
              error: plainErrorOrNull(resume.error),
              denied,
            }}
            onChoose={(choice, key, on) => setChoices((c) => toggleChoice(c, choice, key, on))}
          />
        </div>
        <DeployConfirm
          open={confirming}
          preview={current}
          previewing={preview.isPending}
          previewError={confirming ? plainErrorOrNull(preview.error) : null}
          onConfirm={confirmDeploy}
          onCancel={() => setConfirming(false)}
        />
        <div className="flex flex-col gap-4">
          <ComponentsHealthCard workloads={workloadsQ.data?.items} query={workloadsQ} />
          <UndeployCard disabled={running || Boolean(denied) || !allowed} disabledReason={denied} />
        </div>
      </div>
    </>
  );
}
