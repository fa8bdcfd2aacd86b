import type { ReadOutcome } from "./consolidateReader";
import type { ReadRequest, ReadResponse } from "./consolidateWorker";

/** The workers cannot read (no Worker, a script the page may not load, a chunk that did not arrive). */
export class WorkersUnavailable extends Error {}

export interface ReaderWorkers {
  /** Reads on the first idle worker; rejects with WorkersUnavailable once the workers are broken. */
  read(bytes: Uint8Array): Promise<ReadOutcome>;
  size: number;
  close(): void;
}

interface Job {
  id: number;
  bytes: Uint8Array;
  resolve(outcome: ReadOutcome): void;
  reject(error: Error): void;
}

/**
 * `size` reader workers for the 汇总 tab: each township file is read and scored off the pane's
 * thread, so the pane keeps painting and, on a machine with more than one core, files are read
 * side by side. Where workers cannot run, every read rejects with WorkersUnavailable.
 */
export function startReaderWorkers(size: number): ReaderWorkers {
  let broken: Error | null = null;
  let nextId = 0;
  const queue: Job[] = [];
  const busy = new Map<Worker, Job>();
  const idle: Worker[] = [];
  const workers: Worker[] = [];

  const fail = (reason: string) => {
    broken ??= new WorkersUnavailable(reason);
    for (const job of [...busy.values(), ...queue.splice(0)]) job.reject(broken);
    busy.clear();
    for (const worker of workers) worker.terminate();
  };
  const dispatch = () => {
    while (!broken && idle.length > 0 && queue.length > 0) {
      const worker = idle.pop() as Worker;
      const job = queue.shift() as Job;
      busy.set(worker, job);
      // Copied, not transferred: the pane keeps the bytes to read them itself should the worker fail.
      worker.postMessage({ id: job.id, bytes: job.bytes } satisfies ReadRequest);
    }
  };
  try {
    if (typeof Worker !== "function") throw new Error("no Worker");
    for (let i = 0; i < size; i++) {
      // webpack bundles the worker from this URL (its own file, same origin: the page's CSP allows it).
      const worker = new Worker(
        /* webpackChunkName: "xlsx-reader-worker" */ new URL("./consolidateWorker.ts", import.meta.url),
        {
          name: "taizhang-reader",
        },
      );
      worker.onmessage = (event: MessageEvent<ReadResponse>) => {
        const job = busy.get(worker);
        if (!job || job.id !== event.data.id) return;
        if ("failed" in event.data) return fail(event.data.failed);
        busy.delete(worker);
        idle.push(worker);
        job.resolve(event.data.outcome);
        dispatch();
      };
      worker.onerror = (event) => {
        event.preventDefault();
        fail(event.message || "worker error");
      };
      worker.onmessageerror = () => fail("message could not be read");
      workers.push(worker);
      idle.push(worker);
    }
  } catch (error) {
    fail(String(error));
  }
  return {
    size,
    read: (bytes) =>
      new Promise<ReadOutcome>((resolve, reject) => {
        if (broken) return reject(broken);
        queue.push({ id: nextId++, bytes, resolve, reject });
        dispatch();
      }),
    close: () => fail("closed"),
  };
}
