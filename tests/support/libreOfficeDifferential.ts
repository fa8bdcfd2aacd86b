import { agreeWithLibreOffice } from "./differentialLibreOffice";
import { libreOfficeMissing } from "./libreoffice/recalc";

/**
 * Differential test (issue 15 item 4) against an independent spreadsheet program: 100 random
 * workbooks of a shipped pack, made by `taizhang init`'s writer and recalculated by LibreOffice
 * (one soffice for the batch), show in every 校验 cell the core's text for that row, and every item
 * score and 自评结果 figure the core gives. One file per pack (200 workbooks in all), so the two
 * batches run beside the other suites; `npm run bench -- formulas` runs 2,000.
 */
export function libreOfficeDifferential(packId: string, firstSeed: number): void {
  const count = Number(process.env.DIFFERENTIAL_LO_WORKBOOKS ?? 100);
  jest.setTimeout(1_200_000);

  const missing = libreOfficeMissing();
  if (missing) console.warn(`\n!!! ${missing}: SKIPPING the LibreOffice differential test.\n`);
  const withLibreOffice = missing ? describe.skip : describe;

  withLibreOffice(`LibreOffice agrees with the core on random ${packId} workbooks`, () => {
    it(`${count} workbooks, 0 differences`, async () => {
      const result = await agreeWithLibreOffice(count, firstSeed, [packId]);
      console.log(
        `formulas libreoffice ${packId}: workbooks=${result.workbooks} verdicts=${result.verdicts} flagged=${result.flagged} scores=${result.scores} ` +
          `differences=${result.differences.length} soffice_s=${(result.sofficeMs / 1000).toFixed(1)}`,
      );
      expect(result.failed).toEqual([]);
      expect(result.differences.slice(0, 20)).toEqual([]);
      expect(result.verdicts).toBeGreaterThan(result.workbooks * 20);
      expect(result.flagged).toBeGreaterThan(result.verdicts / 10);
      expect(result.scores).toBeGreaterThan(result.workbooks * 20);
    });
  });
}
