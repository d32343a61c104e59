/**
 * The parts of batch/v1 Jobs and CronJobs the panel reads, as they arrive on the wire (JSON:
 * timestamps are strings). Pure types, shared by server and browser.
 */
import type { Condition, KubeObject, LabelSelector, PodTemplate } from '../kube-types';

/** A Job's spec as the panel reads (and, from a CronJob's template, writes) it. */
export interface JobSpec {
  completions?: number;
  parallelism?: number;
  backoffLimit?: number;
  activeDeadlineSeconds?: number;
  suspend?: boolean;
  completionMode?: string;
  selector?: LabelSelector;
  manualSelector?: boolean;
  template: PodTemplate;
  [field: string]: unknown;
}

/** batch/v1 Job. */
export interface Job extends KubeObject {
  spec?: JobSpec;
  status?: {
    active?: number;
    succeeded?: number;
    failed?: number;
    ready?: number;
    terminating?: number;
    startTime?: string;
    completionTime?: string;
    conditions?: Condition[];
  };
}

/** batch/v1 CronJob. */
export interface CronJob extends KubeObject {
  spec?: {
    schedule: string;
    timeZone?: string;
    suspend?: boolean;
    concurrencyPolicy?: string;
    startingDeadlineSeconds?: number;
    jobTemplate: {
      metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
      spec: JobSpec;
    };
  };
  status?: {
    active?: { name?: string; namespace?: string; uid?: string }[];
    lastScheduleTime?: string;
    lastSuccessfulTime?: string;
  };
}
