/**
 * A small seeded pseudo-random generator (mulberry32: 32 bits of state, fast, good enough for
 * synthetic data). The same seed always yields the same sequence, so a seeded city is the same
 * city on every machine and every run. Never for anything secret.
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    // Spread small seeds (1, 2, 3 …) over the state space.
    this.state = (Math.imul(seed >>> 0, 0x9e3779b1) ^ 0x6d2b79f5) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }
}

/** Picks from a fixed list by weight in O(log n). */
export class WeightedTable<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(private readonly entries: ReadonlyArray<readonly [T, number]>) {
    let sum = 0;
    for (const [, weight] of entries) {
      sum += weight;
      this.cumulative.push(sum);
    }
    this.total = sum;
  }

  pick(rng: Prng): T {
    const target = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return this.entries[lo][0];
  }
}
