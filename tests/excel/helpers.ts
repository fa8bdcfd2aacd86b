import { findPack } from "../../src/core/pack/builtin";
import type { Pack } from "../../src/core/pack/schema";
import { FakeExcel, type FakeExcelOptions } from "../../src/sim";

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

/** A small pack for fast property runs: 依法决策 (with its ledger) and the status items of 组织保障. */
export function miniPack(): Pack {
  return variant(townshipPack(), "1.0.0", (p) => {
    p.groups = p.groups
      .filter((g) => g.id === "G2.1" || g.id === "G3")
      .map((g) => (g.id === "G3" ? { ...g, items: g.items.filter((i) => i.kind === "status") } : g));
    p.ledgers = p.ledgers.filter((l) => l.id === "decisions");
  });
}

/** The next version of a pack: one more item in its first group, one new group on a new sheet. */
export function withNewItems(pack: Pack, version: string): Pack {
  return variant(pack, version, (p) => {
    const first = p.groups[0];
    if (!first) throw new Error("empty pack");
    first.items.push({
      id: `${first.items[0]?.id.split(".").slice(0, 2).join(".") ?? "T9"}.99`,
      source: "补充",
      title: { zh: "新增要求:建立决策后评估制度", en: "New: post-decision evaluation" },
      points: 1,
      criteria: { zh: "按完成情况计分", en: "Scored by completion" },
      kind: "status",
      rules: [],
    });
    p.groups.push({
      id: "G9",
      source: "四",
      title: { zh: "新增措施", en: "New measures" },
      sheet: "四、新增措施",
      items: [
        {
          id: "T4.1",
          source: "四(一)",
          title: { zh: "建立新制度", en: "A new rule" },
          points: 1,
          criteria: { zh: "按完成情况计分", en: "Scored by completion" },
          kind: "status",
          rules: [],
        },
      ],
    });
    p.inputs.push({ id: "newCount", label: { zh: "新增指标", en: "New figure" }, type: "integer" });
  });
}

/** The next major version: drops the last item of the first group and the last group. */
export function withRetiredItems(pack: Pack, version: string): Pack {
  return variant(pack, version, (p) => {
    p.groups[0]?.items.pop();
    p.groups.pop();
  });
}
