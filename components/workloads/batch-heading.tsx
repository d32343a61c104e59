'use client';

import type { ComponentProps } from 'react';
import { DetailNotFound } from '../feedback/detail-not-found';
import { QueryPending } from '../feedback/query-states';
import { Breadcrumbs } from '../layout/breadcrumbs';
import { PageHeader } from '../layout/page-header';
import { Badge } from '../ui/badge';
import { TableSkeleton } from '../ui/skeleton';

type BatchKind = 'Job' | 'CronJob';

/** Workloads › namespace › name: where a Job's or CronJob's page sits. */
export function BatchCrumbs({ namespace, name }: { namespace: string; name: string }) {
  return (
    <Breadcrumbs
      items={[
        { label: 'Workloads', href: '/workloads' },
        { label: namespace, href: `/workloads?namespace=${encodeURIComponent(namespace)}` },
        { label: name },
      ]}
    />
  );
}

/** The page title: the kind as a badge, then `namespace/name`. */
export function BatchTitle({ kind, namespace, name }: { kind: BatchKind; namespace: string; name: string }) {
  return (
    <span className="flex items-center gap-2">
      <Badge tone="info" dot={false}>
        {kind}
      </Badge>
      <span className="font-mono">
        {namespace}/{name}
      </span>
    </span>
  );
}

/**
 * The page of a Job or CronJob the view has no row for: the in-app not-found once the view says
 * it does not exist (`exists` null), else its loading state or load error.
 */
export function BatchMissing({
  kind,
  namespace,
  name,
  query,
  exists,
}: {
  kind: BatchKind;
  namespace: string;
  name: string;
  query: ComponentProps<typeof QueryPending>['query'];
  exists: null | undefined;
}) {
  const id = kind.toLowerCase();
  return (
    <>
      <BatchCrumbs namespace={namespace} name={name} />
      <PageHeader title={<BatchTitle kind={kind} namespace={namespace} name={name} />} />
      {exists === null ? (
        <DetailNotFound
          testId={`${id}-not-found`}
          what={`${kind} ${namespace}/${name}`}
          listHref="/workloads"
          listLabel="All workloads"
        />
      ) : (
        <QueryPending query={query} what={`${id}s`} skeleton={<TableSkeleton rows={4} testId={`${id}-loading`} />} />
      )}
    </>
  );
}
