import { findPack } from "../../src/core/pack/builtin";
import type { Pack } from "../../src/core/pack/schema";
import { FakeExcel, type FakeExcelOptions } from "../../src/excel/fake";

export function townshipPack(): Pack {
  const pack = findPack("township-2018");
  if (!pack) throw new Error("township-2018 pack missing");
  return pack;
}

export function fakeExcel(options: FakeExcelOptions = {}): {
  excel: FakeExcel;
  opts: { run: FakeExcel["run"]; isSetSupported: FakeExcel["isSetSupported"] };
} {
  const excel = new FakeExcel(options);
  return { excel, opts: { run: excel.run, isSetSupported: excel.isSetSupported } };
}

/** Counts the syncs one call takes. */
export async function syncsOf<T>(
  excel: FakeExcel,
  fn: () => Promise<T>,
): Promise<{ value: T; syncs: number }> {
  const before = excel.syncs;
  const value = await fn();
  return { value, syncs: excel.syncs - before };
}

/** A smaller pack derived from another: `keep` items per group (first n), a new version. */
export function variant(pack: Pack, version: string, edit: (pack: Pack) => void): Pack {
  const copy = structuredClone(pack) as Pack;
  copy.version = version;
  edit(copy);
  return copy;
}
