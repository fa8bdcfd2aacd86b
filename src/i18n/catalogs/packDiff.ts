import type { CatalogPair } from "../types";

/** How a workbook's own pack differs from the coordinator's (src/core/pack/diff.ts), or is damaged. */
export const packDiffMessages: CatalogPair = {
  "zh-CN": {
    "packDiff.total": "总分:下发 {expected},工作簿 {actual}",
    "packDiff.bands": "等次分数线:下发 {expected},工作簿 {actual}",
    "packDiff.passBand": "可予认定的最低等次:下发 {expected},工作簿 {actual}",
    "packDiff.vetoWindow": "一票否决期限(年):下发 {expected},工作簿 {actual}",
    "packDiff.itemAdded": "{subject}:下发版本没有此项",
    "packDiff.itemRemoved": "{subject}:工作簿的模板缺少此项",
    "packDiff.points": "{subject} 分值:下发 {expected},工作簿 {actual}",
    "packDiff.criteria": "{subject}:评分标准不同",
    "packDiff.rules": "{subject}:校验规则不同",
    "packDiff.scoring": "{subject}:台账计分方法不同",
    "packDiff.kind": "{subject} 类型:下发 {expected},工作簿 {actual}",
    "packDiff.due": "{subject}:完成期限不同",
    "packDiff.ledger": "台账 {subject}:栏目不同",
    "cli.check.carriedDamaged":
      "提示:工作簿自带的模板副本校验值不符(已损坏或被改动),已按本版台账内置的同一模板检查。",
  },
  "en-US": {
    "packDiff.total": "Total points: issued {expected}, workbook {actual}",
    "packDiff.bands": "Band thresholds: issued {expected}, workbook {actual}",
    "packDiff.passBand": "Lowest band for recognition: issued {expected}, workbook {actual}",
    "packDiff.vetoWindow": "Veto window (years): issued {expected}, workbook {actual}",
    "packDiff.itemAdded": "{subject}: not in the issued version",
    "packDiff.itemRemoved": "{subject}: missing from the workbook's template",
    "packDiff.points": "{subject} points: issued {expected}, workbook {actual}",
    "packDiff.criteria": "{subject}: different 评分标准 (scoring criteria)",
    "packDiff.rules": "{subject}: different checking rules",
    "packDiff.scoring": "{subject}: different ledger scoring method",
    "packDiff.kind": "{subject} kind: issued {expected}, workbook {actual}",
    "packDiff.due": "{subject}: different deadline",
    "packDiff.ledger": "Ledger {subject}: different columns",
    "cli.check.carriedDamaged":
      "Note: the template copy the workbook carries fails its hash check (damaged or altered); checked with the same template built into this Taizhang.",
  },
};
