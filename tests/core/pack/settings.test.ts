import { applySettings, findPack, formatPackPath, type Pack } from "../../../src/core/pack";

const township = findPack("township-2018") as Pack;
const item = (pack: Pack, id: string) => pack.groups.flatMap((g) => g.items).find((i) => i.id === id);
const brief = (problems: { code: string; path: readonly (string | number)[] }[]) =>
  problems.map((p) => ({ code: p.code, path: formatPackPath(p.path) }));

describe("local settings over a pack", () => {
  it("moves points between items, keeping the total, and marks the points local", () => {
    const result = applySettings(township, {
      pack: "township-2018",
      name: { zh: "沙坡头区2019年度考核细则", en: "Shapotou 2019 rules" },
      items: { "T2.1.2": { points: 2 }, "T2.1.4": { points: 2.5 } },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect([item(result.pack, "T2.1.2")?.points, item(result.pack, "T2.1.4")?.points]).toEqual([2, 2.5]);
    expect(result.pack.assessment.points.basis).toBe("local");
    expect(result.settings.hash).toMatch(/^[0-9a-f]{8}$/);
    expect(result.settings.name?.zh).toBe("沙坡头区2019年度考核细则");
  });

  it("changes a local rule's figure and says so on the rule", () => {
    const result = applySettings(township, {
      pack: "township-2018",
      note: { zh: "区司法局2019年要求20日内备案", en: "District rule for 2019: file within 20 days" },
      items: { "T2.2.4": { rules: { withinDays: { days: 20 } } } },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(item(result.pack, "T2.2.4")?.rules).toContainEqual(
      expect.objectContaining({
        type: "withinDays",
        days: 20,
        basis: "local",
        note: expect.objectContaining({ zh: "区司法局2019年要求20日内备案" }),
      }),
    );
  });

  it("moves band thresholds and keeps them in order", () => {
    const result = applySettings(township, { pack: "township-2018", bands: { excellent: 95, good: 85 } });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.pack.assessment.bands.map((b) => b.min)).toEqual([95, 85, 60, 0]);
    expect(result.pack.assessment.bandsBasis.basis).toBe("local");
  });

  it("the same settings always give the same identity, whatever the key order", () => {
    const a = applySettings(township, {
      pack: "township-2018",
      items: { "T2.1.2": { points: 2 }, "T2.1.4": { points: 2.5 } },
    });
    const b = applySettings(township, {
      items: { "T2.1.4": { points: 2.5 }, "T2.1.2": { points: 2 } },
      pack: "township-2018",
    });
    expect(a.ok && b.ok && a.settings.hash === b.settings.hash).toBe(true);
  });

  it("names every field that is wrong, at once", () => {
    const result = applySettings(township, {
      pack: "township-2018",
      bands: { superb: 99 },
      items: {
        "T9.9": { points: 1 },
        "T2.2.4": { rules: { withinDays: { from: "issueDate" }, ratioAtLeast: { min: 0.6 } } },
      },
    });
    expect(result.ok ? [] : brief(result.problems)).toEqual([
      { code: "settings.unknown_band", path: "bands.superb" },
      { code: "settings.unknown_item", path: "items.T9.9" },
      { code: "settings.unknown_parameter", path: "items.T2.2.4.rules.withinDays.from" },
      { code: "settings.unknown_rule", path: "items.T2.2.4.rules.ratioAtLeast" },
    ]);
  });

  it("refuses points that no longer add up to the total, naming the sum", () => {
    const result = applySettings(township, { pack: "township-2018", items: { "T2.1.2": { points: 5 } } });
    expect(result.ok ? [] : result.problems).toEqual([
      { code: "points.sum_mismatch", path: ["total"], params: { sum: 102, total: 100 } },
    ]);
  });

  it("refuses settings for another pack, and malformed ones by field", () => {
    const other = applySettings(township, { pack: "model-unit" });
    expect(other.ok ? [] : brief(other.problems)).toEqual([{ code: "settings.pack_mismatch", path: "pack" }]);
    const malformed = applySettings(township, {
      pack: "township-2018",
      items: { "T2.1.2": { points: "五" } },
    });
    expect(malformed.ok ? [] : brief(malformed.problems)).toEqual([
      { code: "schema.invalid_type", path: "items.T2.1.2.points" },
    ]);
  });
});
