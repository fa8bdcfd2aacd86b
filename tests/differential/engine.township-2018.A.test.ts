import { findPack } from "../../src/core/pack";
import type { Pack } from "../../src/core/pack/schema";
import { agreeWithEngine } from "../support/differential";

/**
 * Differential test (issue 15 item 4): random workbooks made by `taizhang init` and recalculated by
 * the JS formula engine show in every 校验 cell, item score and 自评结果 figure what the core gives. 200 workbooks in
 * all here, in four files so both test workers share them (this one: township-2018, seeds 1 on); `npm run bench -- formulas` runs 2,000.
 */
const COUNT = Number(process.env.DIFFERENTIAL_WORKBOOKS ?? 50);

jest.setTimeout(900_000);

it(`township-2018: ${COUNT} random workbooks through the JS engine, 0 differences`, async () => {
  const result = await agreeWithEngine(findPack("township-2018") as Pack, 1, COUNT);
  console.log(
    `formulas engine township-2018 seeds 1+: workbooks=${COUNT} verdicts=${result.verdicts} flagged=${result.flagged} scores=${result.scores} differences=${result.differences.length}`,
  );
  expect(result.differences.slice(0, 20)).toEqual([]);
  // The fill must exercise the formulas: many rows compared, a good share of them flawed.
  expect(result.verdicts).toBeGreaterThan(COUNT * 20);
  expect(result.flagged).toBeGreaterThan(result.verdicts / 10);
  // Every item whose score is a formula, and 自评结果's formula figures, are compared too.
  expect(result.scores).toBeGreaterThan(COUNT * 20);
});
