import {
  BUILTIN_PACK_FILES,
  BUILTIN_PACKS,
  compareVersions,
  findPack,
  formatPackPath,
  loadPack,
} from "../../../src/core/pack";

describe("built-in packs", () => {
  // The CLI and the pane use the shipped files as they are, without the checks (builtin.ts):
  // safe only while every file passes them and loading changes nothing (no default filled in,
  // no key dropped).
  it.each(BUILTIN_PACK_FILES.map((f) => [f.file, f.data] as const))(
    "%s loads with no problems, and loading changes nothing in it",
    (_file, data) => {
      const result = loadPack(data);
      // Print the problems, not just "false", so a broken pack says what is wrong.
      const problems = result.ok
        ? []
        : result.problems.map((p) => `${p.code} at ${formatPackPath(p.path)} ${JSON.stringify(p.params)}`);
      expect(problems).toEqual([]);
      expect(result.ok && result.pack).toStrictEqual(data);
    },
  );

  it("ships both source documents", () => {
    expect(BUILTIN_PACKS.map((p) => p.id).sort()).toEqual(["model-unit", "township-2018"]);
  });

  it("finds a pack by id, and by id and version", () => {
    const township = findPack("township-2018");
    expect(township?.id).toBe("township-2018");
    expect(findPack("township-2018", township?.version)).toBe(township);
    expect(findPack("township-2018", "99.0.0")).toBeUndefined();
    expect(findPack("no-such-pack")).toBeUndefined();
  });

  it.each([
    ["1.0.0", "1.0.1", -1],
    ["1.10.0", "1.9.0", 1],
    ["2.0.0", "2.0.0", 0],
    ["1.0.0-rc.1", "1.0.0", -1],
    ["1.0.0", "1.0.0-rc.1", 1],
  ])("orders %s against %s", (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });
});
