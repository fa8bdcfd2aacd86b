import * as realBuiltin from "../../../src/core/pack/builtin";
import * as lazyBuiltin from "../../../src/core/pack/lazy/builtin";
import * as lazyResolve from "../../../src/core/pack/lazy/resolve";
import * as realResolve from "../../../src/core/pack/resolve";

/**
 * The task pane's build swaps src/core/pack/builtin.ts and resolve.ts for the stand-ins in
 * src/core/pack/lazy/ (scripts/lazy-packs.cjs), which load the packs' chunk first. A stand-in
 * that lacks an export the real module has would break the pane only in the built bundle.
 */
describe("the pane's lazily loaded built-in packs", () => {
  it("stand in for every export of the real modules", () => {
    const names = (m: object) =>
      Object.keys(m)
        .filter((k) => k !== "loadedKit")
        .sort();
    expect(names(lazyBuiltin)).toEqual(names(realBuiltin));
    expect(names(lazyResolve)).toEqual(names(realResolve));
  });

  it("throw when used before the chunk is loaded, and give the real packs after", async () => {
    expect(() => lazyBuiltin.findPack("township-2018")).toThrow(/packsReady/);
    expect(lazyBuiltin.BUILTIN_PACKS).toHaveLength(0);
    await lazyBuiltin.packsReady();
    expect(lazyBuiltin.BUILTIN_PACKS.map((p) => `${p.id}@${p.version}`)).toEqual(
      realBuiltin.BUILTIN_PACKS.map((p) => `${p.id}@${p.version}`),
    );
    expect(lazyBuiltin.findPack("township-2018")).toBe(realBuiltin.findPack("township-2018"));
    const ref = {
      packId: "township-2018",
      packVersion: realBuiltin.findPack("township-2018")?.version ?? "",
    };
    expect(lazyResolve.resolvePack(ref)).toEqual(realResolve.resolvePack(ref));
  });
});
