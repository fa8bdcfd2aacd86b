import { assess } from "../../../../src/core/assess";
import { layoutFor } from "../../../../src/core/layout";
import { findPack } from "../../../../src/core/pack";
import type { Pack } from "../../../../src/core/pack/schema";
import { readWorkbookSnapshot } from "../../../../src/core/read";
import { templateBytes } from "../../../../src/xlsx";
import { openXlsxStream } from "../../../../src/xlsxstream";
import { filledRaw } from "../../../support/differential";
import { randomFill } from "../../../support/formulaFill";

/**
 * The differential tests hold the formulas of the deadline, publication, share and yearly-count
 * items to the core only as far as the random fill reaches their states: the fill of the seeds
 * they run must make each of these items earned, lost, 待完成 and (for the rest) partly earned.
 */
const SEEDS = 120;

async function statesOf(packId: string, itemIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const pack = findPack(packId) as Pack;
  const layout = layoutFor(pack);
  const stream = openXlsxStream(await templateBytes(pack, { township: "甲镇" }));
  const states = new Map(itemIds.map((id) => [id, new Set<string>()]));
  for (let seed = 1; seed <= SEEDS; seed++) {
    const raw = filledRaw(stream.raw, randomFill(pack, seed));
    const { snapshot } = readWorkbookSnapshot(raw, layout, stream.meta);
    for (const item of assess(pack, snapshot).items) states.get(item.itemId)?.add(item.state);
  }
  return states;
}

describe("the differential fill", () => {
  jest.setTimeout(120_000);
  it.each([
    ["township-2018", ["T2.4.1", "T3.4"]],
    ["model-unit", ["M7.4", "M8.4"]],
  ] as const)("reaches earned, lost and 待完成 of %s's dated items", async (packId, itemIds) => {
    const states = await statesOf(packId, itemIds);
    console.log(`${packId}: ${[...states].map(([id, s]) => `${id} ${[...s].sort().join("/")}`).join(", ")}`);
    for (const id of itemIds)
      expect([...(states.get(id) ?? [])]).toEqual(expect.arrayContaining(["earned", "lost", "pending"]));
  });
});
