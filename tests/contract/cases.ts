import fc from "fast-check";

/**
 * A random filled workbook, as plain edits to the blank mini workbook (tests/fixtures/miniPack):
 * cell writes by original sheet name (1-based rows and columns), then sheet renames. Every reading
 * path gets the same edits, made by its own host.
 */
export interface CellWrite {
  sheet: string;
  row: number;
  column: number;
  value: string | number;
}

export interface ContractCase {
  writes: CellWrite[];
  renames: { from: string; to: string }[];
  /** Spreadsheet tables renamed (a program that keeps no id Taizhang recorded). */
  tableRenames: { from: string; to: string }[];
}

const INFO = "基本信息";
const G1 = "一、职能";
const G2 = "二、监督";
const LEDGER = "决策台账";

/** Dates as people leave them: serials (typed dates), text in the accepted forms, and junk. */
const dateValue = fc.oneof(
  fc.integer({ min: 42736, max: 43830 }), // 2017-01-01 … 2019-12-31
  fc
    .tuple(
      fc.integer({ min: 2017, max: 2019 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
    )
    .chain(([y, m, d]) =>
      fc.constantFrom(
        `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
        `${y}/${m}/${d}`,
        `${y}.${m}.${d}`,
        `${y}年${m}月${d}日`,
      ),
    ),
  fc.constantFrom("不详", "2018-02-30", "去年"),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
const status = fc.constantFrom("完成", "部分完成", "未开始", "不适用", "完 成", "done?", "");
const yesNo = fc.constantFrom("是", "否", "Y", "", "不知道");

const record = fc.record({
  name: fc.constantFrom("道路改造", "学校扩建", "集镇规划", "垃圾清运", "=1+1", ""),
  reviewDate: maybe(dateValue),
  decisionDate: maybe(dateValue),
  archived: yesNo,
  share: fc.oneof(fc.constantFrom(0.5, 0.8, 1, 1.5, "80%", "八成", "")),
  /** Blank rows above this record. */
  gap: fc.constantFrom(0, 0, 0, 1, 2),
});

const checklistRow = fc.record({
  status,
  doneDate: maybe(dateValue),
  evidence: fc.constantFrom("会议纪要", "文件", "", ""),
  note: fc.constantFrom("", "", "本镇无此事项"),
});

/** Ledger columns (1-based) as the blank workbook has them. */
const LEDGER_COLUMNS = { name: 1, reviewDate: 2, decisionDate: 3, archived: 4, share: 5 } as const;
const LEDGER_HEADERS = ["决策事项", "合法性审查日期", "决定日期", "是否归档", "参与率"];

export const contractCase: fc.Arbitrary<ContractCase> = fc
  .record({
    township: fc.constantFrom("宣和镇", "", "  镇  "),
    assessmentDate: fc.oneof(dateValue, fc.constant("")),
    staff: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom("二十", "")),
    certified: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constant("")),
    reportDate: maybe(dateValue),
    checklist: fc.array(checklistRow, { minLength: 3, maxLength: 3 }),
    g2: checklistRow,
    veto: fc.record({ happened: yesNo, date: maybe(dateValue) }),
    records: fc.array(record, { maxLength: 12 }),
    footer: fc.constantFrom(null, null, "填表人:张三 审核人:李四", "审核人：李四"),
    footerGap: fc.constantFrom(0, 1, 3),
    /** Two ledger columns swapped (moved), header and contents. */
    swap: fc.option(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })), { nil: null }),
    /** A column the township added right of the ledger table. */
    extraColumn: fc.boolean(),
    /** 佐证材料 retyped as a variant that still contains its name. */
    evidenceHeader: fc.constantFrom(null, null, "佐证材料(附件)", " 佐证材料（附件） "),
    /** 是否归档 retyped beyond recognition: found by position unless columns moved. */
    archivedHeader: fc.constantFrom(null, null, null, "存档"),
    renames: fc.subarray([G1, G2, LEDGER, INFO]),
    tableRenames: fc.subarray(["TZ_ledger_decisions", "TZ_checklist_G1"], { maxLength: 1 }),
  })
  .map((spec): ContractCase => {
    const writes: CellWrite[] = [];
    const put = (sheet: string, row: number, column: number, value: string | number | undefined) => {
      if (value !== undefined && value !== "") writes.push({ sheet, row, column, value });
    };
    put(INFO, 3, 2, spec.township);
    put(INFO, 4, 2, spec.assessmentDate);
    put(INFO, 5, 2, spec.staff);
    put(INFO, 6, 2, spec.certified);
    put(INFO, 7, 2, spec.reportDate);
    // Checklist columns: 状态 E, 完成日期 F, 佐证材料 G, 备注 I.
    const checklist = (sheet: string, row: number, r: (typeof spec.checklist)[number]) => {
      put(sheet, row, 5, r.status);
      put(sheet, row, 6, r.doneDate);
      put(sheet, row, 7, r.evidence);
      put(sheet, row, 9, r.note);
    };
    spec.checklist.forEach((r, i) => checklist(G1, 3 + i, r));
    checklist(G2, 3, spec.g2);
    // Veto table on 二、监督: header row 7, T2.2 on row 8; 是否发生 D, 发生日期 E.
    put(G2, 8, 4, spec.veto.happened);
    put(G2, 8, 5, spec.veto.date);
    if (spec.evidenceHeader) writes.push({ sheet: G1, row: 2, column: 7, value: spec.evidenceHeader });

    const order = [0, 1, 2, 3, 4];
    if (spec.swap && spec.swap[0] !== spec.swap[1]) {
      const [a, b] = spec.swap;
      [order[a], order[b]] = [order[b] as number, order[a] as number];
      order.forEach((from, at) =>
        writes.push({ sheet: LEDGER, row: 2, column: at + 1, value: LEDGER_HEADERS[from] as string }),
      );
    }
    if (spec.archivedHeader)
      writes.push({ sheet: LEDGER, row: 2, column: order.indexOf(3) + 1, value: spec.archivedHeader });
    // The table has one body row (row 3); later records are typed below it.
    let row = 3;
    for (const r of spec.records) {
      row += r.gap;
      const values = [r.name, r.reviewDate, r.decisionDate, r.archived, r.share];
      (Object.values(LEDGER_COLUMNS) as number[]).forEach((_, from) =>
        put(LEDGER, row, order.indexOf(from) + 1, values[from]),
      );
      if (spec.extraColumn) put(LEDGER, row, 7, `F-${row}`);
      row += 1;
    }
    if (spec.extraColumn) writes.push({ sheet: LEDGER, row: 2, column: 7, value: "附件编号" });
    if (spec.footer) put(LEDGER, row + spec.footerGap, 1, spec.footer);

    const renames = spec.renames.map((from, i) => ({ from, to: `改名${i + 1}` }));
    const tableRenames = spec.tableRenames.map((from) => ({ from, to: `Renamed_${from}` }));
    return { writes, renames, tableRenames };
  });
