import type { JobRegistry } from './job-registry';

export const JOBS_MODULE_OPTIONS = Symbol('JOBS_MODULE_OPTIONS');
export const JOB_REGISTRY = Symbol('JOB_REGISTRY');

export interface JobsModuleOptions {
  /**
   * Run processors in this process (the worker). With the inline driver processors always run in
   * process, whatever this says: there is no one else to run them.
   */
  processors: boolean;
  /** Install the registry's repeating jobs; defaults to whether this process runs processors. */
  schedules?: boolean;
  /** Another registry than the production one (tests). */
  registry?: JobRegistry;
}
