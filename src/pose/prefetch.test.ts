import { describe, expect, it } from 'vitest';
import { prefetch } from './prefetch.ts';

/** A producer that records how far it has run ahead of the consumer. */
function counting(n: number, failAt = -1) {
  const state = { produced: 0, returned: false };
  async function* gen() {
    try {
      for (let i = 0; i < n; i++) {
        await Promise.resolve();
        if (i === failAt) throw new Error(`decoder failed at ${i}`);
        state.produced++;
        yield i;
      }
    } finally {
      state.returned = true;
    }
  }
  return { state, source: gen() };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('prefetch', () => {
  it('yields every item in order', async () => {
    const { source } = counting(10);
    const out: number[] = [];
    for await (const v of prefetch(source, 3, () => {})) out.push(v);
    expect(out).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it.each([1, 3])('runs at most %i items ahead of a slow consumer', async (size) => {
    const { state, source } = counting(50);
    const it = prefetch(source, size, () => {});
    let consumed = 0;
    for (let k = 0; k < 5; k++) {
      await it.next();
      consumed++;
      await tick();
      await tick();
      // the queue holds `size`; one more may be in the producer's hands while it waits for room
      expect(state.produced - consumed).toBeLessThanOrEqual(size + 1);
      expect(state.produced - consumed).toBeGreaterThanOrEqual(size);
    }
    await it.return(undefined);
  });

  it('discards what is still queued when the consumer stops early, and stops the producer', async () => {
    const { state, source } = counting(50);
    const discarded: number[] = [];
    for await (const v of prefetch(source, 3, (x) => discarded.push(x))) {
      if (v === 1) {
        await tick();
        break;
      }
    }
    expect(discarded.length).toBeGreaterThan(0);
    expect(discarded[0]).toBe(2);
    expect(state.returned).toBe(true);
    expect(state.produced).toBeLessThan(10);
  });

  it('hands over the items made before a producer failure, then throws it', async () => {
    const { source } = counting(10, 4);
    const out: number[] = [];
    await expect(async () => {
      for await (const v of prefetch(source, 2, () => {})) out.push(v);
    }).rejects.toThrow('decoder failed at 4');
    expect(out).toEqual([0, 1, 2, 3]);
  });
});
