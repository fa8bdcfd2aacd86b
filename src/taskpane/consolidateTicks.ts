/**
 * ExcelJS's browser bundle runs its streams on browserify's `process.nextTick`, which schedules
 * with the `setTimeout` / `clearTimeout` it finds when the bundle is evaluated. Browsers clamp
 * nested zero-delay timeouts to 4 ms, so one township workbook spent most of its ~450 ms idle.
 * While the reader's chunk is evaluated, zero-delay timeouts run on a MessageChannel instead: the
 * bundle keeps that pair, and the page gets the browser's own timers back once the chunk is in.
 * (If the chunk was already loaded by someone else, nothing changes.)
 */
export async function withPromptTimeouts<T>(load: () => Promise<T>): Promise<T> {
  const scope = globalThis as unknown as {
    setTimeout: typeof setTimeout;
    clearTimeout: typeof clearTimeout;
  };
  if (typeof MessageChannel !== "function") return load();
  const original = { set: scope.setTimeout, clear: scope.clearTimeout };
  const prompt = promptTimers(original.set, original.clear);
  scope.setTimeout = prompt.set;
  scope.clearTimeout = prompt.clear;
  try {
    return await load();
  } finally {
    scope.setTimeout = original.set;
    scope.clearTimeout = original.clear;
  }
}

/** setTimeout/clearTimeout where a zero delay means "next task" (no clamp); others pass through. */
function promptTimers(set: typeof setTimeout, clear: typeof clearTimeout) {
  const channel = new MessageChannel();
  const pending = new Map<number, () => void>();
  // Far above the browser's own ids, so the two never meet.
  let next = 2 ** 30;
  channel.port1.onmessage = (event: MessageEvent<number>) => {
    const run = pending.get(event.data);
    pending.delete(event.data);
    run?.();
  };
  // Node (tests) keeps a process alive while a port listens; browsers have no unref.
  (channel.port1 as { unref?: () => void }).unref?.();
  const promptSet = ((handler: unknown, delay?: number, ...args: unknown[]) => {
    if ((delay ?? 0) > 0 || typeof handler !== "function") return set(handler as () => void, delay, ...args);
    const id = next++;
    pending.set(id, () => (handler as (...a: unknown[]) => void)(...args));
    channel.port2.postMessage(id);
    return id;
  }) as typeof setTimeout;
  const promptClear = ((id?: number) => {
    if (typeof id === "number" && pending.delete(id)) return;
    clear(id);
  }) as typeof clearTimeout;
  return { set: promptSet, clear: promptClear };
}
