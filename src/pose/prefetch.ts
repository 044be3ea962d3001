/**
 * Runs an async iterable ahead of its consumer by up to `size` items (a bounded queue), so that a producer such as a
 * video decoder works while the consumer (the detector) is busy, and memory never holds more than `size` items.
 * Items still queued when the consumer stops early, or when the producer fails, are handed to `discard` (e.g. to
 * close a frame), so nothing leaks.
 */
export async function* prefetch<T>(
  source: AsyncIterable<T>,
  size: number,
  discard: (item: T) => void,
): AsyncGenerator<T> {
  const queue: T[] = [];
  let ended = false;
  let failure: { error: unknown } | null = null;
  let stopped = false;
  // wakes whoever waits: the consumer for an item, the producer for room
  let wake: (() => void) | null = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const waitForSignal = () => new Promise<void>((r) => (wake = r));
  const iterator = source[Symbol.asyncIterator]();
  const produce = async () => {
    try {
      while (!stopped) {
        while (queue.length >= size && !stopped) await waitForSignal();
        if (stopped) break;
        const r = await iterator.next();
        if (r.done) break;
        if (stopped) discard(r.value);
        else queue.push(r.value);
        signal();
      }
    } catch (e) {
      failure = { error: e };
    } finally {
      ended = true;
      signal();
    }
  };
  const producing = produce();
  try {
    for (;;) {
      const item = queue.shift();
      if (item !== undefined) {
        signal();
        yield item;
        continue;
      }
      if (failure) throw (failure as { error: unknown }).error;
      if (ended) return;
      await waitForSignal();
    }
  } finally {
    stopped = true;
    signal();
    await producing;
    for (const item of queue.splice(0)) discard(item);
    await iterator.return?.();
  }
}
