import { formatPackPath, loadPack, PACK_PROBLEM_PARAMS, type PackProblem } from "../../../src/core/pack";
import { hasMessage, LOCALES, t } from "../../../src/i18n";
import { at, validPack } from "./fixture";

type Pack = Record<string, unknown>;
type Edit = (pack: Pack) => void;

/** Every problem the loader returns can be shown: text in both languages, every placeholder filled. */
function expectShowable(problem: PackProblem): void {
  expect(Object.keys(problem.params).sort()).toEqual([...PACK_PROBLEM_PARAMS[problem.code]].sort());
  for (const locale of LOCALES) {
    const key = `pack.${problem.code}`;
    expect({ key, known: hasMessage(locale, key) }).toEqual({ key, known: true });
    expect(t(locale, key, problem.params)).not.toMatch(/\{\w+\}/);
  }
}

const problemsOf = (data: unknown): PackProblem[] => {
  const result = loadPack(data);
  if (result.ok) return [];
  result.problems.forEach(expectShowable);
  return result.problems;
};
const brief = (p: PackProblem) => ({ code: p.code, path: formatPackPath(p.path) });
const items = (pack: Pack, group = 0) => at(pack, "groups", group, "items") as unknown as Pack[];
const rules = (pack: Pack, item: number) =>
  at(pack, "groups", 0, "items", item, "rules") as unknown as Pack[];
const columns = (pack: Pack) => at(pack, "ledgers", 0, "columns") as unknown as Pack[];

describe("loadPack", () => {
  it("accepts a valid pack and returns it typed", () => {
    const result = loadPack(validPack());
    expect(result).toMatchObject({ ok: true, pack: { id: "test-pack" } });
  });

  it("returns every problem of a bad pack with its path, not just the first", () => {
    const pack = validPack();
    pack["version"] = "1";
    at(pack, "assessment", "bands", 0)["min"] = 120;
    rules(pack, 0).push({ type: "nope" });
    at(pack, "inputs", 1)["id"] = "staff";
    items(pack)[2]!["id"] = "T1.2";
    const found = problemsOf(pack).map(brief);
    expect(found).toEqual(
      expect.arrayContaining([
        { code: "schema.format.semver", path: "version" },
        { code: "schema.number_above", path: "assessment.bands[0].min" },
        { code: "schema.unknown_rule_type", path: "groups[0].items[0].rules[1].type" },
        { code: "input.duplicate_id", path: "inputs[1].id" },
      ]),
    );
    // The group with the bad rule still has its other items checked.
    expect(found).toContainEqual({ code: "item.duplicate_id", path: "groups[0].items[2].id" });
  });

  it("gives shape problems message-free params", () => {
    const pack = validPack();
    at(pack, "title")["zh"] = 5;
    delete at(pack, "source")["file"];
    at(pack, "assessment")["vetoWindowYears"] = 0;
    rules(pack, 2).push({ type: "countAtLeast", source: { input: "staff" }, min: 1.5 });
    expect(problemsOf(pack)).toEqual(
      expect.arrayContaining([
        {
          code: "schema.invalid_type",
          path: ["title", "zh"],
          params: { expected: "string", received: "number" },
        },
        { code: "schema.required", path: ["source", "file"], params: { expected: "string" } },
        { code: "schema.number_not_above", path: ["assessment", "vetoWindowYears"], params: { minimum: 0 } },
        {
          code: "schema.not_integer",
          path: ["groups", 0, "items", 2, "rules", 3, "min"],
          params: { received: "1.5" },
        },
      ]),
    );
  });

  it("reports the value source branch the author meant", () => {
    const pack = validPack();
    at(pack, "groups", 0, "items", 1, "rules", 0)["numerator"] = { input: 3 };
    expect(problemsOf(pack).map(brief)).toEqual([
      { code: "schema.invalid_type", path: "groups[0].items[1].rules[0].numerator.input" },
    ]);
  });

  it("rejects something that is not a pack at all", () => {
    expect(problemsOf("hello").map(brief)).toEqual([{ code: "schema.invalid_type", path: "(root)" }]);
    expect(problemsOf(null).map(brief)).toEqual([{ code: "schema.invalid_type", path: "(root)" }]);
  });

  const cases: [string, Edit, { code: string; path: string }][] = [
    [
      "an unknown key (a typo drops a setting silently otherwise)",
      (p) => (rules(p, 0)[0]!["notafter"] = "2018-12-31"),
      { code: "schema.unknown_key", path: "groups[0].items[0].rules[0].notafter" },
    ],
    ["an unknown top-level key", (p) => (p["grups"] = []), { code: "schema.unknown_key", path: "grups" }],
    [
      "a bad id format",
      (p) => (at(p, "inputs", 0)["id"] = "在编"),
      { code: "schema.format.identifier", path: "inputs[0].id" },
    ],
    [
      "a date that does not exist",
      (p) => (at(p, "source")["date"] = "2018-02-30"),
      { code: "date.invalid", path: "source.date" },
    ],
    [
      "an annual due day that does not exist",
      (p) => (items(p)[1]!["due"] = { annual: "13-01" }),
      { code: "date.invalid", path: "groups[0].items[1].due.annual" },
    ],
    [
      "a deadline date that does not exist",
      (p) => (rules(p, 0)[0]!["notAfter"] = "2018-04-31"),
      { code: "date.invalid", path: "groups[0].items[0].rules[0].notAfter" },
    ],
    [
      "a duplicate item id across groups",
      (p) => (items(p, 1)[0]!["id"] = "T1.1"),
      { code: "item.duplicate_id", path: "groups[1].items[0].id" },
    ],
    [
      "a duplicate group id",
      (p) => (at(p, "groups", 1)["id"] = "G1"),
      { code: "group.duplicate_id", path: "groups[1].id" },
    ],
    [
      "a duplicate ledger id",
      (p) => (p["ledgers"] as Pack[]).push({ ...structuredClone(at(p, "ledgers", 0)), sheet: "另一台账" }),
      { code: "ledger.duplicate_id", path: "ledgers[1].id" },
    ],
    [
      "a duplicate input id",
      (p) => (at(p, "inputs", 2)["id"] = "staff"),
      { code: "input.duplicate_id", path: "inputs[2].id" },
    ],
    [
      "input ids that differ only in case (Excel names ignore case)",
      (p) =>
        (p["inputs"] as Pack[]).push({ id: "Staff", label: { zh: "人数", en: "Staff" }, type: "integer" }),
      { code: "input.duplicate_id", path: "inputs[3].id" },
    ],
    [
      "an input id the info sheet already uses",
      (p) =>
        (p["inputs"] as Pack[]).push({ id: "township", label: { zh: "乡镇", en: "Township" }, type: "text" }),
      { code: "input.reserved_id", path: "inputs[3].id" },
    ],
    [
      "a duplicate column id",
      (p) => (columns(p)[1]!["id"] = "title"),
      { code: "column.duplicate_id", path: "ledgers[0].columns[1].id" },
    ],
    [
      "a duplicate band id",
      (p) => (at(p, "assessment", "bands", 2)["id"] = "pass"),
      { code: "band.duplicate_id", path: "assessment.bands[2].id" },
    ],
    [
      "a duplicate review id",
      (p) => {
        const reviews = rules(p, 2)[1]!["reviews"] as Pack[];
        reviews.push(structuredClone(reviews[0]!));
      },
      { code: "review.duplicate_id", path: "groups[0].items[2].rules[1].reviews[1].id" },
    ],
    [
      "a reserved sheet name",
      (p) => (at(p, "groups", 0)["sheet"] = "自评结果"),
      { code: "sheet.reserved", path: "groups[0].sheet" },
    ],
    [
      "the hidden metadata sheet name, in another case",
      (p) => (at(p, "ledgers", 0)["sheet"] = "_TAIZHANG"),
      { code: "sheet.reserved", path: "ledgers[0].sheet" },
    ],
    [
      "two groups on one sheet",
      (p) => (at(p, "groups", 1)["sheet"] = "一、第一组"),
      { code: "sheet.duplicate", path: "groups[1].sheet" },
    ],
    [
      "a ledger on a group's sheet",
      (p) => (at(p, "ledgers", 0)["sheet"] = "一、第一组"),
      { code: "sheet.duplicate", path: "ledgers[0].sheet" },
    ],
    [
      "a sheet name Excel refuses",
      (p) => (at(p, "ledgers", 0)["sheet"] = "'台账"),
      { code: "sheet.invalid_name", path: "ledgers[0].sheet" },
    ],
    [
      "bands out of order",
      (p) => (at(p, "assessment", "bands", 1)["min"] = 95),
      { code: "band.not_descending", path: "assessment.bands[1].min" },
    ],
    [
      "two bands with the same threshold",
      (p) => (at(p, "assessment", "bands", 1)["min"] = 90),
      { code: "band.not_descending", path: "assessment.bands[1].min" },
    ],
    [
      "a last band that does not start at 0",
      (p) => (at(p, "assessment", "bands", 2)["min"] = 10),
      { code: "band.last_not_zero", path: "assessment.bands[2].min" },
    ],
    [
      "an enum column without values",
      (p) => delete columns(p)[1]!["values"],
      { code: "column.enum_without_values", path: "ledgers[0].columns[1]" },
    ],
    [
      "an enum column with an empty list",
      (p) => (columns(p)[1]!["values"] = []),
      { code: "column.enum_without_values", path: "ledgers[0].columns[1]" },
    ],
    [
      "dropdown values on a text column",
      (p) => (columns(p)[0]!["values"] = ["a"]),
      { code: "column.values_unexpected", path: "ledgers[0].columns[0].values" },
    ],
    [
      "a veto condition that carries points",
      (p) => (items(p, 1)[0]!["points"] = 1),
      { code: "item.veto_points", path: "groups[1].items[0].points" },
    ],
    [
      "points that do not add up to the total",
      (p) => (items(p)[0]!["points"] = 2),
      { code: "points.sum_mismatch", path: "assessment.total" },
    ],
    [
      "a pass band that is not a band",
      (p) => (at(p, "assessment")["passBand"] = "good"),
      { code: "band.pass_unknown", path: "assessment.passBand" },
    ],
    [
      "a local rule without its reason",
      (p) => (rules(p, 0)[0]!["basis"] = "local"),
      { code: "basis.local_without_note", path: "groups[0].items[0].rules[0]" },
    ],
    [
      "a scoring method on a status item",
      (p) => (items(p)[0]!["scoring"] = { method: "share" }),
      { code: "item.scoring_unexpected", path: "groups[0].items[0].scoring" },
    ],
    [
      "a ledger item without a ledger",
      (p) => delete items(p)[2]!["ledger"],
      { code: "item.ledger_missing", path: "groups[0].items[2]" },
    ],
    [
      "a ledger item with an unknown ledger",
      (p) => (items(p)[2]!["ledger"] = "nope"),
      { code: "item.ledger_unknown", path: "groups[0].items[2].ledger" },
    ],
    [
      "a status item that names a ledger",
      (p) => (items(p)[0]!["ledger"] = "docs"),
      { code: "item.ledger_unexpected", path: "groups[0].items[0].ledger" },
    ],
    [
      "an indicator without an indicator rule",
      (p) => (items(p)[1]!["rules"] = []),
      { code: "item.indicator_without_rule", path: "groups[0].items[1].rules" },
    ],
    [
      "an item-level rule on a status item",
      (p) => rules(p, 0).push({ type: "countAtLeast", source: { input: "staff" }, min: 2 }),
      { code: "rule.misplaced", path: "groups[0].items[0].rules[1].type" },
    ],
    [
      "a row rule on an indicator",
      (p) => rules(p, 1).push({ type: "required", column: "status" }),
      { code: "rule.misplaced", path: "groups[0].items[1].rules[1].type" },
    ],
    [
      "evidenceRequired on a ledger item",
      (p) => rules(p, 2).push({ type: "evidenceRequired" }),
      { code: "rule.misplaced", path: "groups[0].items[2].rules[3].type" },
    ],
    [
      "vetoWindow outside a veto item",
      (p) => rules(p, 0).push({ type: "vetoWindow", years: 2 }),
      { code: "rule.misplaced", path: "groups[0].items[0].rules[1].type" },
    ],
    [
      "a checklist rule on a column the checklist does not have",
      (p) => (rules(p, 0)[0]!["column"] = "issueDate"),
      { code: "rule.unknown_column", path: "groups[0].items[0].rules[0].column" },
    ],
    [
      "a checklist rule on a fixed column",
      (p) => rules(p, 0).push({ type: "required", column: "requirement" }),
      { code: "rule.unknown_column", path: "groups[0].items[0].rules[1].column" },
    ],
    [
      "a veto rule on a checklist column",
      (p) => (at(p, "groups", 1, "items", 0)["rules"] = [{ type: "date", column: "doneDate" }]),
      { code: "rule.unknown_column", path: "groups[1].items[0].rules[0].column" },
    ],
    [
      "a ledger rule on a column of another table",
      (p) => (rules(p, 2)[0]!["column"] = "evidence"),
      { code: "rule.unknown_column", path: "groups[0].items[2].rules[0].column" },
    ],
    [
      "a review whose done column does not exist",
      (p) => (at(p, "groups", 0, "items", 2, "rules", 1, "reviews", 0)["done"] = "legalDone"),
      { code: "rule.unknown_column", path: "groups[0].items[2].rules[1].reviews[0].done" },
    ],
    [
      "a date rule on a text column",
      (p) => rules(p, 2).push({ type: "dateOrder", columns: ["reviewDate", "title"] }),
      { code: "rule.column_type", path: "groups[0].items[2].rules[3].columns[1]" },
    ],
    [
      "a review done column that is not yes/no",
      (p) => (at(p, "groups", 0, "items", 2, "rules", 1, "reviews", 0)["done"] = "reviewDate"),
      { code: "rule.column_type", path: "groups[0].items[2].rules[1].reviews[0].done" },
    ],
    [
      "countBetween with min above max",
      (p) =>
        (items(p)[1]!["rules"] = [{ type: "countBetween", source: { input: "staff" }, min: 10, max: 5 }]),
      { code: "rule.count_range", path: "groups[0].items[1].rules[0]" },
    ],
    [
      "an unknown input",
      (p) => (at(p, "groups", 0, "items", 1, "rules", 0, "numerator")["input"] = "certifed"),
      { code: "source.unknown_input", path: "groups[0].items[1].rules[0].numerator.input" },
    ],
    [
      "a count on a date input",
      (p) => (at(p, "groups", 0, "items", 1, "rules", 0, "denominator")["input"] = "reportDate"),
      { code: "source.input_type", path: "groups[0].items[1].rules[0].denominator.input" },
    ],
    [
      "a rule applying to a unit type read from an unknown input",
      (p) =>
        (at(p, "groups", 0, "items", 1, "rules", 0)["appliesTo"] = {
          input: "unitKind",
          values: ["县(市)区人民政府"],
          requirement: {
            zh: "县(市)区人民政府应当每年组织 1 次检查",
            en: "county governments inspect yearly",
          },
        }),
      { code: "source.unknown_input", path: "groups[0].items[1].rules[0].appliesTo.input" },
    ],
    [
      "a rule applying to a unit type read from a number input",
      (p) =>
        (at(p, "groups", 0, "items", 1, "rules", 0)["appliesTo"] = {
          input: "staff",
          values: ["县(市)区人民政府"],
          requirement: {
            zh: "县(市)区人民政府应当每年组织 1 次检查",
            en: "county governments inspect yearly",
          },
        }),
      { code: "source.input_type", path: "groups[0].items[1].rules[0].appliesTo.input" },
    ],
    [
      "a quarter deadline on an unknown input",
      (p) => (items(p)[1]!["rules"] = [{ type: "quarterDeadline", input: "report", quarter: 1 }]),
      { code: "source.unknown_input", path: "groups[0].items[1].rules[0].input" },
    ],
    [
      "a quarter deadline on a number input",
      (p) => (items(p)[1]!["rules"] = [{ type: "quarterDeadline", input: "staff", quarter: 1 }]),
      { code: "source.input_type", path: "groups[0].items[1].rules[0].input" },
    ],
    [
      "a count of an unknown ledger",
      (p) => (at(p, "groups", 0, "items", 2, "rules", 2, "source")["ledger"] = "doc"),
      { code: "source.unknown_ledger", path: "groups[0].items[2].rules[2].source.ledger" },
    ],
    [
      "a count filtered on an unknown column",
      (p) =>
        (at(p, "groups", 0, "items", 2, "rules", 2, "source")["where"] = {
          column: "type",
          equals: ["试行"],
        }),
      { code: "source.unknown_column", path: "groups[0].items[2].rules[2].source.where.column" },
    ],
    [
      "a yearly count on a column that is not a date",
      (p) => (at(p, "groups", 0, "items", 2, "rules", 2, "source")["inAssessmentYear"] = "title"),
      { code: "source.column_type", path: "groups[0].items[2].rules[2].source.inAssessmentYear" },
    ],
  ];

  it.each(cases)("finds %s", (_name, edit, expected) => {
    const pack = validPack();
    edit(pack);
    expect(problemsOf(pack).map(brief)).toEqual([expected]);
  });

  it("does not guess at references when the section they point into is malformed", () => {
    const pack = validPack();
    // Ledger broken: its id is unknown, so "unknown ledger" would be a false alarm.
    at(pack, "ledgers", 0)["declarable"] = "yes";
    expect(problemsOf(pack).map(brief)).toEqual([
      { code: "schema.invalid_type", path: "ledgers[0].declarable" },
    ]);
  });
});
