import type { XlContext } from "../excel/api";
import { FakeOfficeError } from "./errors";
import type { ChangeRecord, WorkbookModel } from "./model";
import { FakeWorkbook } from "./proxies";

interface Operation {
  location: string;
  run: () => void;
}

/** What the harness (FakeExcel) gives every request context. */
export interface ContextHost {
  readonly model: WorkbookModel;
  /** 14 for ExcelApi 1.14. */
  readonly apiMinor: number;
  /** Called at the start of every sync; may throw to fail the whole request (cell edit mode). */
  beforeSync(): void;
  /** How many operations the next sync may run before it fails, and with which code. */
  takeFault(): { afterOps: number; code: string } | null;
  /** Changes the add-in made in a sync, to fire onChanged after it. */
  afterSync(changes: ChangeRecord[], operations: number): void;
  /** Sheet selected by Range.select(). */
  select(sheetName: string, address: string): void;
  /** A sync that changed the workbook: one undo step, or part of the context's merged one. */
  undoStep(context: FakeContext): void;
  /** Operations of a sync that change the workbook (everything but loads, selection, events). */
  wrote(operations: number): void;
}

/** Operations that change nothing in the workbook (reads, selection, event registration). */
const NOT_UNDOABLE =
  /\.(load|isNullObject|activate|select|onChanged\.add|onSelectionChanged\.add)$|^EventHandlerResult\./;

/**
 * A request context: operations are queued and take effect in order on sync(), as in Office.js.
 * An operation that fails stops the batch; the ones before it stay applied (Excel does not roll
 * back), the ones after it are dropped.
 */
export class FakeContext implements XlContext {
  readonly workbook: FakeWorkbook;
  private queue: Operation[] = [];
  private changes: ChangeRecord[] = [];
  syncs = 0;
  /** Counted as an undo step already (for a merged context). */
  undoCounted = false;

  constructor(
    readonly host: ContextHost,
    /** Excel.run({ mergeUndoGroup: true }) on a host that supports it: all syncs are one undo step. */
    readonly mergeUndoGroup = false,
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  get model(): WorkbookModel {
    return this.host.model;
  }

  enqueue(location: string, run: () => void): void {
    this.queue.push({ location, run });
  }

  recordChange(change: ChangeRecord | null): void {
    if (change) this.changes.push(change);
  }

  requireApi(minor: number, location: string): void {
    if (this.host.apiMinor < minor) {
      throw new FakeOfficeError(
        "ApiNotFound",
        `The API you are trying to use could not be found (ExcelApi 1.${minor}).`,
        location,
      );
    }
  }

  async sync(): Promise<void> {
    this.syncs += 1;
    const ops = this.queue;
    this.queue = [];
    this.changes = [];
    // Requests are asynchronous round trips; callers must not see results before awaiting.
    await Promise.resolve();
    this.host.beforeSync();
    const fault = this.host.takeFault();
    let done = 0;
    try {
      for (const op of ops) {
        if (fault && done >= fault.afterOps) {
          throw new FakeOfficeError(fault.code, `Injected failure (${fault.code}).`, op.location);
        }
        op.run();
        done += 1;
      }
    } finally {
      const changes = this.changes;
      this.changes = [];
      this.host.afterSync(changes, ops.length);
      const writes = ops.slice(0, done).filter((op) => !NOT_UNDOABLE.test(op.location)).length;
      this.host.wrote(writes);
      if (writes > 0) this.host.undoStep(this);
    }
  }
}
