import { Injectable, Logger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { UnrecoverableError } from 'bullmq';
import { JOB_PROCESSOR_METADATA, type JobContext } from './job-processor';
import type { JobRegistry } from './job-registry';

/** A `@JobProcessor` class found in the application. */
export interface DiscoveredProcessor {
  jobName: string;
  className: string;
  moduleName: string;
  instance: unknown;
  /** false for request-scoped or transient providers, which cannot run jobs. */
  isSingleton: boolean;
}

/** Start-up fails with this when the registry and the loaded processors disagree. */
export class JobsConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Job processors do not match the job registry (libs/jobs/src/job-registry.ts):\n  - ${problems.join('\n  - ')}`);
    this.name = 'JobsConfigurationError';
  }
}

const describe = (p: DiscoveredProcessor): string => `${p.className} (in ${p.moduleName})`;

/**
 * The start-up rule: every processor names a registered job, no job has two processors, every job's
 * queue exists and, where this process runs processors (`requireAll`), every job has one.
 * Returns every problem at once so one boot shows all of them.
 */
export function checkJobProcessors(registry: JobRegistry, found: DiscoveredProcessor[], options: { requireAll: boolean }): string[] {
  const problems: string[] = [];
  for (const [name, def] of Object.entries(registry.jobs)) {
    if (!(def.queue in registry.queues)) {
      problems.push(`Job "${name}" uses queue "${def.queue}", which is not a registered queue (${Object.keys(registry.queues).join(', ')})`);
    }
  }
  const byName = new Map<string, DiscoveredProcessor[]>();
  for (const processor of found) {
    if (!(processor.jobName in registry.jobs)) {
      problems.push(`Processor ${describe(processor)} handles "${processor.jobName}", which is not a registered job name`);
      continue;
    }
    if (!processor.isSingleton) {
      problems.push(`Processor ${describe(processor)} for "${processor.jobName}" must be a singleton provider (no request or transient scope)`);
    }
    if (typeof (processor.instance as { handle?: unknown } | null)?.handle !== 'function' && processor.isSingleton) {
      problems.push(`Processor ${describe(processor)} for "${processor.jobName}" has no handle(payload, context) method`);
    }
    byName.set(processor.jobName, [...(byName.get(processor.jobName) ?? []), processor]);
  }
  for (const [name, processors] of byName) {
    if (processors.length > 1) {
      problems.push(`Job "${name}" has ${processors.length} processors: ${processors.map(describe).join(', ')}; exactly one is allowed`);
    }
  }
  if (options.requireAll) {
    for (const name of Object.keys(registry.jobs)) {
      if (!byName.has(name)) {
        problems.push(`Job "${name}" has no processor: provide a @JobProcessor('${name}') class in a module this process imports`);
      }
    }
  }
  return problems;
}

/** Finds `@JobProcessor` providers in every module of the application. */
@Injectable()
export class JobProcessorExplorer {
  constructor(private readonly discovery: DiscoveryService) {}

  discover(): DiscoveredProcessor[] {
    const found: DiscoveredProcessor[] = [];
    const seen = new Set<unknown>();
    for (const wrapper of this.discovery.getProviders()) {
      // The decorator sits on the class: the instance's (covers useFactory/useValue providers) or,
      // before instantiation (request scope), the class provider's own.
      const instance: unknown = wrapper.instance;
      const cls = (instance as object | null | undefined)?.constructor ?? (wrapper.inject ? undefined : wrapper.metatype);
      if (typeof cls !== 'function') continue;
      const jobName: unknown = Reflect.getMetadata(JOB_PROCESSOR_METADATA, cls);
      if (typeof jobName !== 'string') continue;
      // One object exported or aliased (useExisting) under several tokens is still one processor.
      if (instance && seen.has(instance)) continue;
      if (instance) seen.add(instance);
      found.push({
        jobName,
        className: cls.name,
        moduleName: wrapper.host?.name ?? 'unknown module',
        instance,
        isSingleton: wrapper.isDependencyTreeStatic() && !wrapper.isTransient,
      });
    }
    return found;
  }
}

type Handle = (payload: unknown, context: JobContext) => Promise<unknown>;

/** Routes a job to its processor; the drivers call it. Errors propagate so retries happen. */
export class JobDispatcher {
  private readonly logger = new Logger('Jobs');

  constructor(private readonly handlers: ReadonlyMap<string, Handle>) {}

  static fromProcessors(processors: DiscoveredProcessor[]): JobDispatcher {
    const handlers = new Map<string, Handle>();
    for (const p of processors) {
      const instance = p.instance as { handle: Handle };
      handlers.set(p.jobName, (payload, context) => instance.handle(payload, context));
    }
    return new JobDispatcher(handlers);
  }

  async run(name: string, payload: unknown, context: JobContext): Promise<unknown> {
    const handle = this.handlers.get(name);
    if (!handle) {
      // A job left in Redis by another release, or sent to the wrong queue: retrying cannot help.
      throw new UnrecoverableError(`No processor for job "${name}" in this process`);
    }
    const started = Date.now();
    const result = await handle(payload, context);
    this.logger.debug(`Job ${name} (${context.id}) done in ${Date.now() - started} ms, attempt ${context.attempt}/${context.maxAttempts}`);
    return result;
  }
}
