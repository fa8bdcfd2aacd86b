import { findPack } from "../../src/core/pack";
import type { Pack } from "../../src/core/pack/schema";
import { agreeWithEngine } from "./differential";

/**
 * One file's share of the engine differential test (issue 15 item 4): random workbooks made by
 * `taizhang init` and recalculated by the JS formula engine show in every 校验 cell, item score and
 * 自评结果 figure what the core gives. Eight files of 250, 2,000 workbooks in all (1,000 per shipped
 * pack, seeds 1–1,000): each workbook is recalculated from the blank one in ~0.1–0.15 s of CPU, so
 * a file stays under ~2 minutes even on a busy 2-core machine, and both test workers share them.
 */
export function engineDifferential(packId: string, firstSeed: number): void {
  const count = Number(process.env.DIFFERENTIAL_WORKBOOKS ?? 250);
  jest.setTimeout(900_000);
  it(`${packId}: ${count} random workbooks through the JS engine, 0 differences`, async () => {
    const result = await agreeWithEngine(findPack(packId) as Pack, firstSeed, count);
    console.log(
      `formulas engine ${packId} seeds ${firstSeed}+: workbooks=${count} verdicts=${result.verdicts} ` +
        `flagged=${result.flagged} scores=${result.scores} differences=${result.differences.length}`,
    );
    expect(result.differences.slice(0, 20)).toEqual([]);
    // The fill must exercise the formulas: many rows compared, a good share of them flawed.
    expect(result.verdicts).toBeGreaterThan(count * 20);
    expect(result.flagged).toBeGreaterThan(result.verdicts / 10);
    // Every item whose score is a formula, and 自评结果's formula figures, are compared too.
    expect(result.scores).toBeGreaterThan(count * 20);
  });
}
