import { applySettings, type Pack } from "../../src/core/pack";
import { inspectWorkbook, installPack, recheckAll } from "../../src/excel";
import { saveXlsxWorkbook } from "../../src/preview/xlsx";
import { emptyCarry } from "../../src/preview/xlsx/carry";
import { assessWorkbookBytes } from "../../src/xlsx";
import { fakeExcel, townshipPack } from "./helpers";

// Issue 11: settings imported in the pane are recorded by the install, and every reader (the pane
// on its next read, the CLI on the saved file) scores with them.
const moved = {
  pack: "township-2018",
  name: { zh: "沙坡头区2019年度考核细则", en: "Shapotou 2019 rules" },
  items: { "T2.1.2": { points: 2 }, "T2.1.4": { points: 2.5 } },
};

function adjusted(): { pack: Pack; json: string; hash: string } {
  const result = applySettings(townshipPack(), moved);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { pack: result.pack, json: result.settings.json, hash: result.settings.hash };
}

describe("local settings through the add-in", () => {
  it("are recorded on install and used by the pane and the CLI alike", async () => {
    const { excel, opts } = fakeExcel();
    const { pack, json } = adjusted();
    await installPack(pack, {
      ...opts,
      settings: { township: "宣和镇", assessmentDate: "2018-12-31", settings: json },
    });
    expect((await inspectWorkbook(opts))?.settings).toBe(json);

    // The pane's next check reads the pack from the workbook: the recorded settings apply.
    const pane = (await recheckAll(null, opts)).assessment;
    const points = (a: typeof pane) => Object.fromEntries(a.items.map((i) => [i.itemId, i.points]));
    expect([points(pane)["T2.1.2"], points(pane)["T2.1.4"], pane.total.points]).toEqual([2, 2.5, 100]);

    // The same workbook saved and checked by the CLI's reader: the same points and score.
    const file = await assessWorkbookBytes(await saveXlsxWorkbook({ excel, carry: emptyCarry() }));
    expect(file.settings?.json).toBe(json);
    expect(points(file.assessment)).toEqual(points(pane));
    expect(file.assessment.score).toBe(pane.score);
  });

  it("a reinstall without a settings file keeps the recorded ones", async () => {
    const { excel, opts } = fakeExcel();
    const { pack, json } = adjusted();
    await installPack(pack, {
      ...opts,
      settings: { township: "宣和镇", assessmentDate: "2018-12-31", settings: json },
    });
    await installPack(pack, { ...opts, settings: { township: "宣和镇", assessmentDate: "2018-12-31" } });
    expect((await inspectWorkbook(opts))?.settings).toBe(json);
    expect(excel.syncs).toBeGreaterThan(0);
  });
});
