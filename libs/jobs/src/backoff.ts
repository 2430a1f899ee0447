import type { BackoffOptions } from 'bullmq';

/**
 * Delay before the next try, after `attemptsMade` failed tries, with BullMQ's built-in formulas
 * (fixed: `delay`; exponential: `2^(attemptsMade-1) * delay`), so the inline driver retries on the
 * same schedule as the worker.
 */
export function backoffDelay(backoff: number | BackoffOptions | undefined, attemptsMade: number): number {
  if (backoff === undefined) return 0;
  const { type, delay = 0, jitter = 0 } = typeof backoff === 'number' ? { type: 'fixed', delay: backoff } : backoff;
  let max: number;
  if (type === 'fixed') max = delay;
  else if (type === 'exponential') max = Math.round(Math.pow(2, Math.max(attemptsMade, 1) - 1) * delay);
  else throw new Error(`Unknown backoff type "${type}" (use "fixed" or "exponential")`);
  if (jitter <= 0) return max;
  const min = max * (1 - jitter);
  return Math.floor(Math.random() * max * jitter + min);
}
