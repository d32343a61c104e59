import { DetailNotFound } from '@/components/feedback/detail-not-found';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';

/** A pod address no pod can have (not a valid namespace or name), inside the panel's shell. */
export default function PodNotFound() {
  return (
    <>
      <Breadcrumbs items={[{ label: 'Pods', href: '/pods' }, { label: 'not found' }]} />
      <DetailNotFound testId="pod-not-found" what="This pod" listHref="/pods" listLabel="All pods" />
    </>
  );
}
