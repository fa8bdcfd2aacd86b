import { assess } from "../../src/core/assess";
import type { Assessment } from "../../src/core/assessment";
import type { Pack } from "../../src/core/pack/schema";
import type { Consolidation } from "../../src/core/consolidate";
import type {
  ConsolidationSheets,
  InstallOutcome,
  InstallSettings,
  InstalledPack,
  SkippedTownshipFile,
  TaskpaneHost,
} from "../../src/taskpane/host";
import { itemCell } from "../../src/core/gaps/locate";
import { buildSnapshot, type SnapshotSpec } from "../support/snapshot";

/**
 * A workbook host for component tests: the real core on a snapshot the test edits. The adapter
 * itself is tested against the Excel fake in tests/excel.
 */
export class StubHost implements TaskpaneHost {
  pack: Pack | null = null;
  spec: SnapshotSpec = {};
  selected: { sheet: string; cell: string }[] = [];
  gapSheetWrites = 0;
  /** Every consolidation written, in order. */
  consolidations: { summary: Consolidation; skipped: readonly SkippedTownshipFile[] }[] = [];
  failNext: unknown = null;
  private listener: ((a: Assessment) => void) | null = null;

  constructor(
    private readonly installedPack: Pack | null = null,
    spec: SnapshotSpec = {},
  ) {
    this.pack = installedPack;
    this.spec = spec;
  }

  async inspect(): Promise<InstalledPack | null> {
    if (!this.pack) return null;
    const a = this.assessment();
    return {
      packId: this.pack.id,
      packVersion: this.pack.version,
      township: a.township,
      assessmentDate: a.assessmentDate,
      formulasCurrent: this.formulasCurrent,
    };
  }

  /** What inspect says of the workbook's formulas. */
  formulasCurrent = true;

  /** The settings JSON the last install recorded, if any. */
  installedSettings: string | null = null;

  async install(
    pack: Pack,
    settings: InstallSettings,
    onProgress: (p: { fraction: number; stepKey: string }) => void,
  ): Promise<InstallOutcome> {
    this.throwIfFailing();
    onProgress({ fraction: 0.5, stepKey: "ui.install.step.write" });
    const upgradedFrom = this.pack && this.pack.version !== pack.version ? this.pack.version : null;
    const kept = this.pack ? pack.groups.flatMap((g) => g.items).length : 0;
    this.pack = pack;
    // An install writes this version's formulas.
    this.formulasCurrent = true;
    this.installedSettings = settings.settings ?? null;
    this.spec = { ...this.spec, township: settings.township, assessmentDate: settings.assessmentDate };
    return {
      added: kept === 0 ? pack.groups.flatMap((g) => g.items).length : 0,
      kept,
      retired: 0,
      sheetsCreated: kept === 0 ? 3 : 0,
      renamedSheets: [],
      upgradedFrom,
    };
  }

  async recheck(): Promise<Assessment | null> {
    this.throwIfFailing();
    return this.pack ? this.assessment() : null;
  }

  async watch(listener: (a: Assessment) => void): Promise<() => void> {
    this.listener = listener;
    listener(this.assessment());
    return () => {
      this.listener = null;
    };
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.selected.push({ sheet, cell });
  }

  async selectItem(itemId: string): Promise<void> {
    const at = itemCell(buildSnapshot(this.pack as Pack, this.spec), itemId);
    if (at) this.selected.push(at);
  }

  async writeGapSheet(): Promise<void> {
    this.throwIfFailing();
    this.gapSheetWrites += 1;
  }

  async writeConsolidation(
    summary: Consolidation,
    skipped: readonly SkippedTownshipFile[],
  ): Promise<ConsolidationSheets> {
    this.throwIfFailing();
    this.consolidations.push({ summary, skipped });
    return {
      matrixSheet: "汇总",
      missedSheet: "共性差距",
      detailSheet: "乡镇详情",
      created: this.consolidations.length === 1,
    };
  }

  /** What a user's edit in the workbook would do: the live check reports a new assessment. */
  edit(spec: SnapshotSpec): void {
    this.spec = { ...this.spec, ...spec };
    this.listener?.(this.assessment());
  }

  private assessment(): Assessment {
    if (!this.pack) throw new Error("no pack");
    return assess(this.pack, buildSnapshot(this.pack, this.spec));
  }

  private throwIfFailing(): void {
    const failure = this.failNext;
    this.failNext = null;
    if (failure) throw failure;
  }
}
