import type { XlContext } from "./api";

/** A request context that counts its round trips, for the budgets reported to callers. */
export interface CountingContext extends XlContext {
  readonly syncs: number;
}

export function counting(ctx: XlContext): CountingContext {
  let syncs = 0;
  return {
    workbook: ctx.workbook,
    get syncs() {
      return syncs;
    },
    sync: () => {
      syncs += 1;
      return ctx.sync();
    },
  };
}
