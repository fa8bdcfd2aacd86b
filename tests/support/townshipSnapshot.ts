import type { Pack } from "../../src/core/pack/schema";
import type { CellValue, WorkbookSnapshot } from "../../src/core/snapshot";
import { buildSnapshot } from "./snapshot";

/** Deterministic pseudo-random numbers (mulberry32), so generated workbooks are the same every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A filled-in township workbook for the test pack with `rows` ledger records spread over its
 * ledgers: a realistic mix of typing styles (serials, 2018/4/3, 2018年4月3日, √), with about one
 * record in ten wrong (reviews after the decision, impossible dates, late filing, long validity).
 */
export function townshipSnapshot(pack: Pack, rows: number, seed = 1): WorkbookSnapshot {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const date = (month: number, day: number): CellValue => {
    const style = Math.floor(random() * 4);
    if (style === 0) return 43101 + (month - 1) * 30 + day; // Excel serial in 2018
    if (style === 1) return `2018/${month}/${day}`;
    if (style === 2) return `2018年${month}月${day}日`;
    return `2018-${pad(month)}-${pad(day)}`;
  };
  const decisions: Record<string, CellValue>[] = [];
  const documents: Record<string, CellValue>[] = [];
  const trainings: Record<string, CellValue>[] = [];
  for (let i = 0; i < rows; i++) {
    const month = 1 + Math.floor(random() * 10);
    const day = 1 + Math.floor(random() * 27);
    const bad = random() < 0.1;
    const kind = i % 3;
    if (kind === 0) {
      decisions.push({
        name: `决策事项${i}`,
        participation: pick(["是", "√", "Y"]),
        participationDate: date(month, day),
        legal: bad ? "否" : "是",
        legalDate: date(month, Math.min(28, day + 1)),
        decisionDate: bad ? date(month, 1) : date(Math.min(12, month + 1), day),
      });
    } else if (kind === 1) {
      documents.push({
        docNo: `沙政发〔2018〕${i}号`,
        title: pick(["关于加强管理的通知", "暂行办法", "实施意见"]),
        reviewDate: date(month, day),
        discussDate: date(month, Math.min(28, day + 1)),
        issueDate: bad ? "2018-02-30" : date(month, Math.min(28, day + 2)),
        filingDate: date(Math.min(12, month + (bad ? 2 : 0)), Math.min(28, day + 3)),
        validity: pick(["5年", 3, "2", bad ? "8年" : "3年"]),
        copies: bad ? "若干" : pick([20, "30份", "１５"]),
      });
    } else {
      trainings.push({
        kind: pick(["讲座", "培训班"]),
        date: date(month, day),
        attendees: bad ? "全体" : pick([30, "45人"]),
      });
    }
  }
  return buildSnapshot(pack, {
    inputs: {
      established: 20,
      certified: "11",
      recorders: 6,
      legalStaff: "2人",
      reportDate: "2018年3月20日",
      coverage: "80%",
    },
    items: {
      "T1.1": { status: "完成", doneDate: "2018-03-01", evidence: "聘任文件", owner: "张三" },
      "T1.2": { status: "部分完成", owner: "李四" },
      "V9.1": { occurred: "否" },
      "V9.2": { occurred: "否" },
    },
    ledgers: { decisions, documents, trainings },
  });
}
