import { agreeWithLibreOffice } from "../support/differentialLibreOffice";
import { libreOfficeMissing } from "../support/libreoffice/recalc";

/**
 * Differential test (issue 15 item 4) against an independent spreadsheet program: 100 random
 * workbooks per shipped pack, made by `taizhang init`'s writer and recalculated by LibreOffice,
 * show in every 校验 cell the core's text for that row. `npm run bench -- formulas` runs 2,000.
 */
const PER_PACK = Number(process.env.DIFFERENTIAL_LO_WORKBOOKS ?? 100);

jest.setTimeout(1_200_000);

const missing = libreOfficeMissing();
if (missing) console.warn(`\n!!! ${missing}: SKIPPING the LibreOffice differential test.\n`);
const withLibreOffice = missing ? describe.skip : describe;

withLibreOffice("LibreOffice agrees with the core on every 校验 cell of random workbooks", () => {
  it(`${PER_PACK} workbooks per shipped pack, 0 differences`, async () => {
    const result = await agreeWithLibreOffice(PER_PACK, 10_001);
    console.log(
      `formulas libreoffice: workbooks=${result.workbooks} verdicts=${result.verdicts} flagged=${result.flagged} scores=${result.scores} ` +
        `differences=${result.differences.length} soffice_s=${(result.sofficeMs / 1000).toFixed(1)}`,
    );
    expect(result.failed).toEqual([]);
    expect(result.differences.slice(0, 20)).toEqual([]);
    expect(result.verdicts).toBeGreaterThan(result.workbooks * 20);
    expect(result.flagged).toBeGreaterThan(result.verdicts / 10);
    expect(result.scores).toBeGreaterThan(result.workbooks * 20);
  });
});
