'use client';

import { useSettled } from '../hooks/use-settled';
import { useEffect, useMemo, useState } from 'react';
import type { DeviceClass } from '@/lib/gpu/dra-types';
import { gpuInventory } from '@/lib/gpu/inventory';
import type { GpuClusterModel } from '@/lib/gpu/model-types';
import { whereCanThisRun } from '@/lib/gpu/where';
import { simpleDeviceClass, type SimpleDeviceClass } from '@/lib/gpu/where-request';
import { filterMapRows, mapModels } from '@/lib/gpu-page/map-filter';
import type { PodOwnerInfo } from '@/lib/gpu-page/pod-links';
import { pageStateQuery, readPageState, type GpuPageState, type MapFilterText } from '@/lib/gpu-page/url-state';
import { EMPTY_WHERE_FORM, whereRequestFromForm, type WhereFormText } from '@/lib/gpu-page/where-form';
import { parseSelector } from '@/lib/label-selector';
import { onUrlPop, writeHistory, type UrlWrite } from '../hooks/use-url-state';
import { Card, CardBody, CardHeader } from '../ui/card';
import { ClaimsCard } from './claims-card';
import type { CellSelection } from './gpu-cell';
import { GpuInventoryCards } from './gpu-inventory';
import { GpuLegend } from './gpu-legend';
import { GpuMap } from './gpu-map';
import { GpuMapFilters } from './gpu-map-filters';
import { GpuSelectionPanel } from './gpu-selection-panel';
import { WhereForm } from './where-form';
import { WhereResults } from './where-results';

/**
 * Mirrors the state into the address bar, so a reload or a shared link asks the same; typing is
 * one Back step per burst, asking or clearing a question one step.
 */
function writeUrl(s: GpuPageState, how: UrlWrite) {
  const qs = pageStateQuery(s);
  writeHistory(qs ? `${window.location.pathname}?${qs}` : window.location.pathname, how);
}

/**
 * The GPU page's body on a built model: inventory, the filterable GPU map with a selection panel,
 * and "Where can this run?" answered in the browser from the same model the map draws.
 */
export function GpuPageView({
  model,
  deviceClasses,
  draServed,
  idlePods,
  idleNote,
  podInfo,
  initial,
}: {
  model: GpuClusterModel;
  deviceClasses: readonly DeviceClass[];
  draServed: boolean | undefined;
  /** Pods DCGM reports idle (`namespace/name`); empty without Prometheus. */
  idlePods: ReadonlySet<string>;
  /** Why idle GPUs are not shown (Prometheus unreachable), or null when they are. */
  idleNote: string | null;
  podInfo: (key: string) => PodOwnerInfo | undefined;
  initial: GpuPageState;
}) {
  const [filter, setFilter] = useState<MapFilterText>(initial.filter);
  const [where, setWhere] = useState<WhereFormText | null>(initial.where);
  const [selection, setSelection] = useState<CellSelection | null>(null);
  const deferred = useSettled(filter);

  const inventory = useMemo(() => gpuInventory(model.nodes), [model.nodes]);
  const models = useMemo(() => mapModels(model.nodes), [model.nodes]);
  const gpuNodes = useMemo(() => model.nodes.filter((n) => n.gpus.length > 0).length, [model.nodes]);
  const selectorNow = useMemo(() => parseSelector(filter.selector), [filter.selector]);
  const rows = useMemo(() => {
    const sel = parseSelector(deferred.selector);
    // An invalid selector selects nothing, rather than every node under its error.
    if (!sel.ok) return [];
    return filterMapRows(
      model.nodes,
      { model: deferred.model, selector: sel.selector, state: deferred.state },
      idlePods,
    );
  }, [model.nodes, deferred, idlePods]);

  const classes = useMemo(
    () => deviceClasses.map(simpleDeviceClass).filter((c): c is SimpleDeviceClass => c !== null),
    [deviceClasses],
  );
  const form = useMemo(() => (where ? whereRequestFromForm(where, classes) : null), [where, classes]);
  const answer = useMemo(() => (form?.ok ? whereCanThisRun(model.nodes, form.request) : null), [form, model.nodes]);

  const onFilter = (next: MapFilterText) => {
    setFilter(next);
    writeUrl({ filter: next, where }, next.state !== filter.state || next.model !== filter.model ? 'push' : 'typing');
  };
  const onWhere = (next: WhereFormText | null) => {
    setWhere(next);
    writeUrl({ filter, where: next }, next === null || where === null ? 'push' : 'typing');
  };
  // Back/Forward: the map and the question as the URL has them.
  useEffect(() => {
    return onUrlPop(() => {
      const s = readPageState(new URLSearchParams(window.location.search));
      setFilter(s.filter);
      setWhere(s.where);
    });
  }, []);
  const selectedNode = selection ? model.nodes.find((n) => n.node === selection.node) : undefined;

  return (
    <div className="flex flex-col gap-4">
      <GpuInventoryCards inventory={inventory} />
      <Card data-testid="gpu-map-card">
        <CardHeader
          title="GPU map"
          aside={
            <span data-testid="gpu-map-count">
              {rows.length.toLocaleString('en-US')} of {gpuNodes.toLocaleString('en-US')} GPU nodes
            </span>
          }
        />
        <CardBody className="flex flex-col gap-3">
          <GpuMapFilters
            value={filter}
            onChange={onFilter}
            models={models}
            selectorError={selectorNow.ok ? null : selectorNow.error}
            idleKnown={idleNote === null}
          />
          <GpuLegend idleKnown={idleNote === null} />
          {idleNote && (
            <p data-testid="gpu-idle-note" className="text-xs text-zinc-500">
              {idleNote}
            </p>
          )}
          {draServed === false && (
            <p data-testid="gpu-dra-not-served" className="text-xs text-zinc-500">
              This cluster does not serve resource.k8s.io/v1: DRA devices and claims are not shown.
            </p>
          )}
          <GpuMap rows={rows} total={gpuNodes} idlePods={idlePods} selection={selection} onSelect={setSelection} />
          {selection && (
            <GpuSelectionPanel
              selection={selection}
              node={selectedNode}
              idlePods={idlePods}
              podInfo={podInfo}
              onClose={() => setSelection(null)}
            />
          )}
        </CardBody>
      </Card>
      <ClaimsCard pending={model.pendingClaims} unreserved={model.unreservedClaims} />
      <Card data-testid="where-card">
        <CardHeader
          title="Where can this run?"
          aside={
            where ? (
              <button
                type="button"
                data-testid="where-clear"
                onClick={() => onWhere(null)}
                className="text-indigo-700 hover:underline"
              >
                Clear
              </button>
            ) : (
              <button
                type="button"
                data-testid="where-start"
                onClick={() => onWhere(EMPTY_WHERE_FORM)}
                className="text-indigo-700 hover:underline"
              >
                Ask
              </button>
            )
          }
        />
        <CardBody className="flex flex-col gap-4">
          {where ? (
            <>
              <WhereForm
                value={where}
                onChange={onWhere}
                errors={form && !form.ok ? form.errors : {}}
                classes={classes}
              />
              {answer && <WhereResults answer={answer} />}
            </>
          ) : (
            <p className="text-sm text-zinc-500">
              Describe a GPU request — N × <code>nvidia.com/gpu</code>, N MIG slices, N shares or N devices of a
              DeviceClass — to see the nodes where it fits now and why the others do not.{' '}
              <button
                type="button"
                onClick={() => onWhere(EMPTY_WHERE_FORM)}
                className="text-indigo-700 hover:underline"
              >
                Ask
              </button>
            </p>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
