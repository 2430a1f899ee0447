import { Backoffs } from 'bullmq';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it.each([1, 2, 3, 4, 5])('matches BullMQ exponential backoff after %i failed attempt(s)', (attemptsMade) => {
    const backoff = { type: 'exponential', delay: 1000 } as const;
    const bullmq = Backoffs.calculate(backoff, attemptsMade, new Error('x'), undefined as never, undefined);
    expect(backoffDelay(backoff, attemptsMade)).toBe(bullmq);
  });

  it('doubles from the base delay', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay({ type: 'exponential', delay: 1000 }, n))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('treats a number as a fixed delay and no backoff as none', () => {
    expect(backoffDelay(250, 3)).toBe(250);
    expect(backoffDelay({ type: 'fixed', delay: 40 }, 5)).toBe(40);
    expect(backoffDelay(undefined, 2)).toBe(0);
  });

  it('keeps jitter within [max*(1-jitter), max]', () => {
    for (let i = 0; i < 50; i++) {
      const d = backoffDelay({ type: 'exponential', delay: 100, jitter: 0.5 }, 3);
      expect(d).toBeGreaterThanOrEqual(200);
      expect(d).toBeLessThanOrEqual(400);
    }
  });

  it('rejects an unknown strategy', () => {
    expect(() => backoffDelay({ type: 'linear', delay: 1 }, 1)).toThrow(/Unknown backoff type "linear"/);
  });
});
