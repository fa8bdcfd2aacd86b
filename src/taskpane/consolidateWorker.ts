import { packsReady } from "../core/pack/builtin";
import { readTownshipWorkbook, type ReadOutcome } from "./consolidateReader";

/**
 * A reader worker of the 汇总 tab (started by readerWorkers.ts): reads and scores one township
 * workbook per message, off the pane's thread, with the same function the pane would call.
 */
export interface ReadRequest {
  id: number;
  bytes: Uint8Array;
}
/** The outcome, or why this worker cannot read at all (its chunks did not load): the pane then reads itself. */
export type ReadResponse = { id: number; outcome: ReadOutcome } | { id: number; failed: string };

// The DOM lib types `self` as a window; in a worker it is the worker's global scope.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ReadRequest>) => void) | null;
  postMessage(message: ReadResponse): void;
};

scope.onmessage = (event) => {
  const { id, bytes } = event.data;
  void packsReady()
    .then(() => readTownshipWorkbook(bytes))
    .then(
      (outcome) => scope.postMessage({ id, outcome }),
      (error: unknown) => scope.postMessage({ id, failed: String(error) }),
    );
};
