'use client';

import type { DeployPreview } from '@/lib/deploy/preview-types';
import type { DeployRun } from '@/lib/deploy/run-types';
import { Button } from '../ui/button';
import { Card, CardBody, CardHeader } from '../ui/card';
import { PreviewList, type Choice, type Choices } from './preview-list';
import { RunProgress, type ResumeControl } from './run-progress';
import { AbsoluteTime } from '../time/time-text';

/** Below the settings: the run's progress, or the preview, or a way back to the last run. */
export function RunOrPreview({
  run,
  showRun,
  preview,
  choices,
  onChoose,
  onShowRun,
  resume,
}: {
  run: DeployRun | null;
  resume?: ResumeControl;
  showRun: boolean;
  preview: DeployPreview | undefined;
  choices: Choices;
  onChoose: (choice: Choice, key: string, on: boolean) => void;
  onShowRun: () => void;
}) {
  if (showRun && run) {
    return (
      <Card>
        <CardHeader title={run.kind === 'deploy' ? 'Deploy progress' : 'Undeploy progress'} />
        <CardBody>
          <RunProgress run={run} resume={resume} />
        </CardBody>
      </Card>
    );
  }
  if (preview) {
    return (
      <Card>
        <CardHeader title="Preview" aside="server-side dry run against the live cluster" />
        <CardBody>
          <PreviewList preview={preview} choices={choices} onChoose={onChoose} />
        </CardBody>
      </Card>
    );
  }
  if (!run) return null;
  return (
    <Button variant="ghost" size="sm" className="self-start" data-testid="show-last-run" onClick={onShowRun}>
      Show the last {run.kind} ({run.state}, <AbsoluteTime at={run.startedAt} />)
    </Button>
  );
}
