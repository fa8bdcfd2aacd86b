import { assess } from "../../../../src/core/assess";
import type { Assessment } from "../../../../src/core/assessment";
import {
  scoreFormulas,
  SCORE_HELPERS,
  GROUP_COLUMNS,
  RESULT_CELLS,
} from "../../../../src/core/formulas/score";
import { cellAddress, columnLetter, layoutFor } from "../../../../src/core/layout/layout";
import { placeTables } from "../../../../src/core/layout/placement";
import { RESULTS_GROUP_HEADER_ROW, resultsSheetModel } from "../../../../src/core/layout/resultSheets";
import { findPack } from "../../../../src/core/pack/builtin";
import type { Pack } from "../../../../src/core/pack/schema";
import type { CellValue } from "../../../../src/core/snapshot";
import { generateSnapshot } from "../../../support/generate";
import { seededRandom } from "../../../support/townshipSnapshot";
import { haveSoffice, recalcWithLibreOffice } from "./recalc";
import { cachedFormulaValues, type Cached } from "./cachedValues";
import { INPUT_NUMBER_COLUMN, markOffset, scoreWorkbook, VETO_DATE_OFFSET } from "./scoreWorkbook";

// A's 校验 helpers sit in the columns after the table; the score helpers after a gap beyond them.
const FIRST_HELPER = 14;
const SEEDS_PER_PACK = Number(process.env.TZ_SEEDS ?? 6);

const STATUSES: readonly CellValue[] = [
  "完成",
  "部分完成",
  "未开始",
  "不适用",
  null,
  "已完成",
  " done ",
  "N/A",
  "完 成",
  3,
];
const DATES: readonly CellValue[] = [43200, "2018-05-01", null, "2019-05-01", "2018-02-30", "2018年6月1日"];

/**
 * Checklist and veto entries as people leave them: all four states, gaps, slips and typos. Every
 * other seed is a diligent unit (mostly 完成 with date and evidence, no veto), so that high bands
 * and 可予认定 come up too.
 */
function randomItems(pack: Pack, seed: number): Record<string, Record<string, CellValue>> {
  const random = seededRandom(seed * 7919);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const diligent = seed % 2 === 0;
  const items: Record<string, Record<string, CellValue>> = {};
  for (const group of pack.groups)
    for (const item of group.items)
      items[item.id] =
        item.kind === "veto"
          ? {
              occurred: diligent ? "否" : pick(["否", "是", "Y", "*", null]),
              eventDate: pick(DATES),
              note: pick([null, "情况"]),
            }
          : diligent && random() < 0.92
            ? { status: "完成", doneDate: 43300, evidence: "文件汇编" }
            : {
                status: pick(STATUSES),
                doneDate: pick(DATES),
                evidence: pick([null, "文件汇编", "  "]),
                note: pick([null, "理由", "\u3000"]),
              };
  return items;
}

const pick = <T>(random: () => number, values: readonly T[]): T =>
  values[Math.floor(random() * values.length)] as T;

function snapshotFor(pack: Pack, seed: number) {
  const random = seededRandom(seed);
  // Few records now and then, so some ledgers are empty and their declarations count.
  const rows = seed % 3 === 0 ? 2 : 10 + Math.floor(random() * 40);
  const declarations = Object.fromEntries(
    pack.ledgers.filter(() => random() < 0.5).map((l) => [l.id, random() < 0.8 ? "本年度无" : " "]),
  );
  // Figures on 基本信息 as people type them: blank, short, enough, with a unit, full-width, not whole.
  // Thresholds (2 法制人员, 5 记录仪) and one either side come up most.
  const figures: readonly CellValue[] = [null, 0, 1, 2, 2, 3, 4, 5, 5, 6, 20, "3人", "若干", "１５", 2.5, -1];
  const inputs = Object.fromEntries(
    pack.inputs
      .filter((i) => i.type === "integer" || i.type === "number")
      .map((i) => [i.id, figures[Math.floor(random() * figures.length)] as CellValue]),
  );
  // 单位类型 from its list, blank, typed with full-width brackets, or not on the list.
  const unitTypes = pack.inputs.find((i) => i.id === "unitType")?.values ?? [];
  const unitType =
    seed % 2 === 1
      ? pick(random, [...unitTypes, null, "县（市）区人民政府", "其他单位"])
      : "县(市)区人民政府";
  // Odd seeds move the assessment date and 评估年度 about, so that due dates fall either side.
  const dated =
    seed % 2 === 1
      ? {
          assessmentDate: pick(random, ["2018-12-31", "2018-06-30", "2019-02-15", 43465, null, "不详"]),
          year: pick(random, [null, null, 2018, 2017, "二〇一八"]),
        }
      : { assessmentDate: "2018-12-31", year: null };
  return generateSnapshot(pack, rows, seed, {
    items: randomItems(pack, seed),
    declarations,
    inputs: { ...inputs, unitType, assessmentYear: dated.year },
    assessmentDate: dated.assessmentDate,
  });
}

/**
 * Every item 不适用 with a reason while its figures are met (20 of everything): the case where an
 * indicator leaves 应得 instead of earning its points.
 */
function declaredNotApplicable(pack: Pack) {
  const items = Object.fromEntries(
    pack.groups.flatMap((g) =>
      g.items.map((i) => [i.id, { status: "不适用", note: "本单位无此职能" }] as const),
    ),
  );
  const inputs = Object.fromEntries(pack.inputs.map((i) => [i.id, 20] as const));
  return generateSnapshot(pack, 12, 99, { items, inputs });
}

/** Everything done and every figure met by a 市级部门: the items that bind only 县(市)区 leave 应得. */
function exemptUnit(pack: Pack) {
  const items = Object.fromEntries(
    pack.groups.flatMap((g) =>
      g.items.map((i) => [i.id, { status: "完成", doneDate: 43300, evidence: "文件汇编" }] as const),
    ),
  );
  const inputs = { ...Object.fromEntries(pack.inputs.map((i) => [i.id, 20] as const)), unitType: "市级部门" };
  return generateSnapshot(pack, 12, 98, { items, inputs });
}

/** Assessed mid-year with nothing done: the yearly items are 待完成 (out of 应得), not lost. */
function notYetDue(pack: Pack) {
  const items = Object.fromEntries(
    pack.groups.flatMap((g) => g.items.map((i) => [i.id, { status: "未开始" }] as const)),
  );
  const inputs = {
    ...Object.fromEntries(pack.inputs.map((i) => [i.id, 0] as const)),
    unitType: "县(市)区人民政府",
    assessmentYear: 2018,
  };
  return generateSnapshot(pack, 4, 97, { items, inputs, assessmentDate: "2018-06-30" });
}

const shipped = (id: string): Pack => findPack(id) as Pack;

/**
 * model-unit without its indicator and pending items (whose scores are not formulas), so that its
 * totals, 折算 score, band and 认定 are formulas and get compared too.
 */
function compilableModelUnit(): Pack {
  const pack = shipped("model-unit");
  const layout = layoutFor(pack);
  const coverage = scoreFormulas(pack, layout, placeTables(layout), optionsFor(pack)).coverage;
  const left = new Set(coverage.notCompiled.map((n) => n.itemId));
  return {
    ...pack,
    groups: pack.groups.map((g) => ({ ...g, items: g.items.filter((i) => !left.has(i.id)) })),
  };
}

interface Tally {
  compared: number;
  /** Figures that are neither 0 nor the full points: the cases where a formula can go wrong. */
  partial: number;
  differences: string[];
  /** The core's values met per 自评结果 cell, so the test knows it saw more than one case. */
  seen: Map<string, Set<string>>;
}

type Book = Map<string, Map<string, Cached>>;
const resultOf = (book: Book, sheet: string, row: number, column: number): Cached =>
  book.get(sheet)?.get(cellAddress(column, row)) ?? null;

/** The 基本信息 helper cell the test fills for an input. */
function infoHelper(pack: Pack, inputId: string): string {
  const layout = layoutFor(pack);
  const row = layout.info.rows.find((r) => r.inputId === inputId)?.row ?? 0;
  return `'${layout.info.sheet}'!$${columnLetter(INPUT_NUMBER_COLUMN)}$${row}`;
}

/** Score helpers after A's, and each item's record marks in the ledgers (as A's compiler would add them). */
const optionsFor = (pack: Pack) => ({
  firstHelperOffset: FIRST_HELPER,
  vetoDateOffset: VETO_DATE_OFFSET,
  assessmentDate: infoHelper(pack, "assessmentDate"),
  assessmentYear: infoHelper(pack, "assessmentYear"),
  inputNumber: (inputId: string) => {
    const layout = layoutFor(pack);
    const row = layout.info.rows.find((r) => r.inputId === inputId);
    return row ? `'${layout.info.sheet}'!$${columnLetter(INPUT_NUMBER_COLUMN)}$${row.row}` : undefined;
  },
  recordMarkOffset: (itemId: string, ledgerId: string) => markOffset(pack, ledgerId, itemId),
});

function compare(pack: Pack, assessment: Assessment, book: Book, tally: Tally): void {
  const layout = layoutFor(pack);
  const formulas = scoreFormulas(pack, layout, placeTables(layout), optionsFor(pack));
  const same = (what: string, got: unknown, want: unknown): void => {
    tally.compared++;
    if (typeof want === "number" && want !== 0) tally.partial++;
    const norm = (v: unknown): unknown => (v === "" || v === undefined ? null : v);
    const ok =
      typeof got === "number" && typeof want === "number"
        ? Math.abs(got - want) < 1e-9
        : norm(got) === norm(want);
    if (!ok) tally.differences.push(`${pack.id} ${what}: LibreOffice ${String(got)}, core ${String(want)}`);
  };
  const results = new Map(assessment.items.map((i) => [i.itemId, i]));
  for (const placement of placeTables(layout)) {
    const table = formulas.tables.get(placement.table.key);
    if (!table) continue;
    const ws = placement.table.sheet;
    placement.table.rows.forEach((row, i) => {
      const item = results.get(row.itemId);
      if (!item || table.rowFormulas(row.itemId, { row: 0, firstColumn: 0 }).length === 0) return;
      const at = placement.firstDataRow + i;
      same(
        `${row.itemId} 应得`,
        resultOf(book, ws, at, FIRST_HELPER + SCORE_HELPERS.applicable),
        item.applicable ? item.points : 0,
      );
      same(
        `${row.itemId} 实得`,
        resultOf(book, ws, at, FIRST_HELPER + SCORE_HELPERS.earned),
        item.applicable ? item.earned : 0,
      );
    });
  }
  const sheet = layout.results.sheet;
  const listed = assessment.groups.filter((g) => g.points > 0);
  const written = new Set(formulas.cells.map((c) => `${c.row + 1}:${c.column}`));
  const check = (what: string, row: number, column: number, want: unknown): void => {
    if (!written.has(`${row}:${column}`)) return;
    same(what, resultOf(book, sheet, row, column), want);
    const key = what.replace(/^G\S+ /, "");
    tally.seen.set(key, (tally.seen.get(key) ?? new Set()).add(String(want).slice(0, 8)));
  };
  listed.forEach((group, i) => {
    const row = RESULTS_GROUP_HEADER_ROW + 1 + i;
    check(`${group.groupId} 应得`, row, GROUP_COLUMNS.applicable, group.applicable);
    check(`${group.groupId} 实得`, row, GROUP_COLUMNS.earned, group.earned);
    check(`${group.groupId} 失分`, row, GROUP_COLUMNS.lost, group.lost);
    check(`${group.groupId} 得分率`, row, GROUP_COLUMNS.rate, group.score);
  });
  const { total } = assessment;
  // The texts the writers put there today.
  const model = resultsSheetModel(assessment, layout);
  const modelCell = (row: number): unknown => model.rows[row - 1]?.[1] ?? null;
  check("总 应得", RESULT_CELLS.totalApplicable.row, RESULT_CELLS.totalApplicable.column, total.applicable);
  check("总 实得", RESULT_CELLS.totalEarned.row, RESULT_CELLS.totalEarned.column, total.earned);
  check("折算", RESULT_CELLS.score.row, RESULT_CELLS.score.column, assessment.score);
  check("等级", RESULT_CELLS.band.row, RESULT_CELLS.band.column, assessment.band.label.zh);
  check("折算说明", RESULT_CELLS.scaling.row, RESULT_CELLS.scaling.column, modelCell(9));
  check("否决情形", RESULT_CELLS.vetoStatus.row, RESULT_CELLS.vetoStatus.column, modelCell(11));
  check("认定", RESULT_CELLS.recognition.row, RESULT_CELLS.recognition.column, modelCell(12));
}

const PACKS: readonly Pack[] = [shipped("township-2018"), shipped("model-unit"), compilableModelUnit()];

(haveSoffice ? describe : describe.skip)(
  "score formulas recalculated by LibreOffice equal the core's scores",
  () => {
    it("agrees on every compiled item, group and total for both shipped packs and random fills", async () => {
      const cases: { pack: Pack; assessment: Assessment; bytes: Uint8Array }[] = [];
      for (const pack of PACKS) {
        const layout = layoutFor(pack);
        const placements = placeTables(layout);
        const formulas = scoreFormulas(pack, layout, placements, optionsFor(pack));
        for (let seed = -2; seed <= SEEDS_PER_PACK; seed++) {
          const snapshot =
            seed === -2
              ? exemptUnit(pack)
              : seed === -1
                ? notYetDue(pack)
                : seed === 0
                  ? declaredNotApplicable(pack)
                  : snapshotFor(pack, seed);
          const assessment = assess(pack, snapshot);
          cases.push({
            pack,
            assessment,
            bytes: await scoreWorkbook(pack, snapshot, assessment, layout, placements, formulas),
          });
        }
      }
      const recalculated = recalcWithLibreOffice(cases.map((c) => c.bytes));
      const tally: Tally = { compared: 0, partial: 0, differences: [], seen: new Map() };
      for (const [i, c] of cases.entries()) {
        compare(c.pack, c.assessment, cachedFormulaValues(recalculated[i] as Uint8Array), tally);
      }
      console.log(
        `score formulas: workbooks=${cases.length} compared=${tally.compared} nonzero=${tally.partial} differences=${tally.differences.length}`,
      );
      expect(tally.differences.slice(0, 20)).toEqual([]);
      expect(tally.compared).toBeGreaterThan(1000);
      expect(tally.partial).toBeGreaterThan(tally.compared / 4);
      const seen = (what: string): number => tally.seen.get(what)?.size ?? 0;
      console.log([...tally.seen].map(([what, values]) => `${what}: ${[...values].join(" | ")}`).join("\n"));
      for (const what of ["折算", "总 实得", "得分率", "折算说明"])
        expect(seen(what)).toBeGreaterThanOrEqual(2);
      // 可予认定 and 不予认定; no veto and vetoes; at least two bands.
      expect(seen("认定")).toBe(2);
      expect(seen("否决情形")).toBeGreaterThanOrEqual(2);
      expect(seen("等级")).toBeGreaterThanOrEqual(2);
    }, 120_000);
  },
);
