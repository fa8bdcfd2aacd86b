import { dueDate, naturalCompare } from "../../../src/core/gaps";
import type { Item } from "../../../src/core/pack/schema";

const item = (due: Item["due"]): Item => ({
  id: "T1.1",
  source: "二(一)1",
  title: { zh: "x", en: "x" },
  points: 1,
  criteria: { zh: "按完成情况计分", en: "Scored by completion" },
  kind: "status",
  rules: [],
  ...(due ? { due } : {}),
});

describe("due dates", () => {
  it.each<[Item["due"], number | null, string | undefined]>([
    ["2018-12-31", 2019, "2018-12-31"],
    [{ annual: "03-31" }, 2019, "2019-03-31"],
    [{ annual: "03-31" }, null, undefined],
    [{ annual: "02-29" }, 2019, "2019-02-28"],
    [{ annual: "02-29" }, 2020, "2020-02-29"],
    [undefined, 2019, undefined],
  ])("%j in the 评估年度 %p → %p", (due, year, expected) => {
    expect(dueDate(item(due), year)).toBe(expected);
  });
});

describe("item ids sort as people number them", () => {
  it("puts T2.1.2 before T2.1.10 and T2.5 after T2.1.x", () => {
    expect(["T2.1.10", "T3.1", "T2.5", "T2.1.2", "T2.1.1"].sort(naturalCompare)).toEqual([
      "T2.1.1",
      "T2.1.2",
      "T2.1.10",
      "T2.5",
      "T3.1",
    ]);
  });
});
