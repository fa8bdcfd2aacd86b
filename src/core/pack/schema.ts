import { z } from "zod";

/** Text shown to users, Chinese first. */
export const LocalizedText = z.object({
  zh: z.string().min(1),
  en: z.string().min(1),
});

/**
 * Where a number, window or date comes from: the source document's own words, or a choice made
 * locally (本地设定) by whoever assesses. Local choices carry a one-line note and are never shown
 * as the document's words.
 */
export const Basis = z.enum(["source", "local"]);

export const BasisNote = z.object({ basis: Basis, note: LocalizedText.optional() });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
const identifier = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, "expected an ASCII identifier");

/** What Excel accepts as a sheet name: 1–31 characters, none of []:*?/\. */
const sheetName = z
  .string()
  .min(1)
  .max(31)
  .regex(/^[^[\]:*?/\\]+$/);

/**
 * The bodies a clause names (e.g. 县(市)区人民政府): the rule binds only a unit whose type, read from
 * an enum input of 基本信息, is one of `values`; for others it is 不适用, shown with `requirement`.
 */
export const AppliesTo = z.object({
  input: identifier,
  values: z.array(z.string()).min(1),
  /** The clause's words naming the duty and its bodies, shown when it does not apply. */
  requirement: LocalizedText,
});

/** Marks a rule parameter, a point value or a band as the document's or local, with a note. */
const basisMark = {
  basis: Basis.optional(),
  note: LocalizedText.optional(),
  appliesTo: AppliesTo.optional(),
};

/** Where a rule gets a number or a date that is not a cell of the row being checked. */
export const ValueSource = z.union([
  /** A named input cell on 基本信息. */
  z.object({ input: identifier }),
  /** The number of records in a ledger, optionally filtered, optionally within one year. */
  z.object({
    ledger: identifier,
    where: z.object({ column: identifier, equals: z.array(z.string()).min(1) }).optional(),
    /** Count only rows whose date in this column falls in the assessment year. */
    inAssessmentYear: identifier.optional(),
    /** When the ledger has no records, the number typed in this input instead. */
    orInput: identifier.optional(),
  }),
]);

/** The fixed rule vocabulary (design.md §3). Columns are column ids of the table the rule runs on. */
export const Rule = z.discriminatedUnion("type", [
  z.object({ type: z.literal("required"), column: identifier, ...basisMark }),
  z.object({ type: z.literal("enum"), column: identifier, values: z.array(z.string()).min(1), ...basisMark }),
  z.object({
    ...basisMark,
    type: z.literal("date"),
    column: identifier,
    /** The date must be on or before this fixed date. */
    notAfter: isoDate.optional(),
    /** The date must not be after the assessment date. */
    notInFuture: z.boolean().optional(),
  }),
  z.object({
    ...basisMark,
    type: z.literal("dateOrder"),
    /** Each present date must be on or before the next present one, e.g. 审查 ≤ 讨论 ≤ 决定 ≤ 公布. */
    columns: z.array(identifier).min(2),
    /** Strictly before instead of on or before. */
    strict: z.boolean().optional(),
  }),
  z.object({
    ...basisMark,
    type: z.literal("withinDays"),
    from: identifier,
    to: identifier,
    days: z.number().int().positive(),
  }),
  z.object({
    ...basisMark,
    type: z.literal("validity"),
    issueDate: identifier,
    /** Stated validity in years (有效期). */
    validityYears: identifier,
    /** Document title or type column searched for 暂行 / 试行. */
    titleColumns: z.array(identifier).min(1),
    maxYears: z.number().positive(),
    provisionalMaxYears: z.number().positive(),
    provisionalMarkers: z.array(z.string()).min(1),
    /** Documents issued on or after this date must state their validity. */
    statedFrom: isoDate,
    /** A column giving the reason for a term over the cap ("一般不超过"): with one it is a warning. */
    reasonColumn: identifier.optional(),
    /** A yes/no column 是否现行有效: past its term and still 是 is an error (届满自行失效). */
    inForceColumn: identifier.optional(),
  }),
  z.object({
    ...basisMark,
    type: z.literal("requiredReviews"),
    reviews: z
      .array(
        z.object({
          id: identifier,
          done: identifier,
          date: identifier,
          label: LocalizedText,
          /** A column where a decision the procedure does not fit gives its reason (不适用). */
          notApplicableReason: identifier.optional(),
        }),
      )
      .min(1),
    /** Each review must be done and dated on or before this date column. */
    before: identifier,
  }),
  z.object({
    ...basisMark,
    type: z.literal("ratioAtLeast"),
    numerator: ValueSource,
    denominator: ValueSource,
    min: z.number().min(0).max(1),
    /** The ratio must hold from this date; checked when the assessment date is on or after it. */
    by: isoDate.optional(),
  }),
  z.object({
    ...basisMark,
    type: z.literal("countBetween"),
    source: ValueSource,
    min: z.number().int().min(0),
    max: z.number().int().min(0),
  }),
  z.object({
    ...basisMark,
    type: z.literal("countAtLeast"),
    source: ValueSource,
    min: z.number().int().min(0),
  }),
  z.object({
    ...basisMark,
    type: z.literal("quarterDeadline"),
    /** The date of the yearly report (an input id). */
    input: identifier,
    /** Report on the previous year within this quarter of the assessment year. */
    quarter: z.number().int().min(1).max(4),
  }),
  z.object({
    ...basisMark,
    type: z.literal("when"),
    /** The condition: this column of the record holds one of these values (yes/no by answer). */
    if: z.object({ column: identifier, equals: z.array(z.string()).min(1) }),
    /**
     * What the clause then asks of the record: a column left blank (不得提交讨论), filled, or
     * holding one of `equals`; or `forbidden`: the condition itself breaks the clause.
     */
    then: z.union([
      z.object({ column: identifier, blank: z.literal(true) }),
      z.object({ column: identifier, filled: z.literal(true) }),
      z.object({ column: identifier, equals: z.array(z.string()).min(1) }),
      z.object({ column: identifier, forbidden: z.literal(true) }),
    ]),
    /** The clause's words, quoted by the finding, e.g. 经审查不合法的,不得提交会议讨论. */
    requirement: LocalizedText,
    /** "warning" for a record the clause asks for but does not make a failure; error by default. */
    severity: z.enum(["error", "warning"]).optional(),
  }),
  z.object({
    ...basisMark,
    type: z.literal("notExpired"),
    /** An expiry date (证件有效期至): on the assessment date it must not have passed. */
    column: identifier,
    requirement: LocalizedText,
  }),
  z.object({
    ...basisMark,
    type: z.literal("published"),
    /** Inputs of 基本信息: the date a report was made public, and where (报刊、政府网站). */
    date: identifier,
    channel: identifier,
    /** The report's own date (an input): it cannot be made public before it exists. */
    after: identifier.optional(),
    requirement: LocalizedText,
  }),
  z.object({
    ...basisMark,
    type: z.literal("countMatches"),
    /** A figure typed on 基本信息 that the ledger can also count (持证人数). */
    input: identifier,
    source: ValueSource,
  }),
  z.object({ type: z.literal("evidenceRequired"), ...basisMark }),
  z.object({ type: z.literal("vetoWindow"), years: z.number().positive(), ...basisMark }),
]);

export const ColumnType = z.enum(["text", "date", "number", "integer", "ratio", "yesNo", "enum"]);

export const LedgerColumn = z.object({
  id: identifier,
  header: LocalizedText,
  type: ColumnType,
  values: z.array(z.string()).optional(),
  /** Shown as the cell's input message in Excel. */
  help: LocalizedText.optional(),
  width: z.number().positive().optional(),
  /** Date columns whose dates may lie after the assessment date (an expiry, a validity end). */
  future: z.boolean().optional(),
});

export const Ledger = z.object({
  id: identifier,
  title: LocalizedText,
  sheet: sheetName,
  columns: z.array(LedgerColumn).min(1),
  /**
   * Whether a unit may declare 本评估年度无此类事项 for this ledger (default yes). Ledgers of
   * yearly duties (trainings, enforcement staff) may not: an empty one always scores 0.
   */
  declarable: z.boolean().optional(),
});

export const Input = z.object({
  id: identifier,
  label: LocalizedText,
  type: z.enum(["integer", "number", "ratio", "date", "text", "enum"]),
  /** The dropdown of an enum input (单位类型). */
  values: z.array(z.string()).min(1).optional(),
  unit: LocalizedText.optional(),
  help: LocalizedText.optional(),
});

export const ItemKind = z.enum(["status", "indicator", "ledger", "veto"]);

/**
 * How a ledger item turns its records into points: the share of passing records, or a deduction
 * per failing record down to 0 (as local 考核细则 say "每发现一件扣N分,扣完为止").
 */
export const LedgerScoring = z.discriminatedUnion("method", [
  z.object({ method: z.literal("share") }),
  z.object({ method: z.literal("deduct"), perRecord: z.number().positive() }),
]);

export const Item = z.object({
  /** Stable forever, e.g. T2.1.6 = 二(一)6. */
  id: z.string().regex(/^[A-Z][A-Za-z0-9]*(\.[0-9A-Za-z]+)+$/),
  /** Clause reference in the source document, e.g. 二(一)6. */
  source: z.string().min(1),
  title: LocalizedText,
  /** 分值: the item's points; a pack's items add up to its total. Veto items have 0. */
  points: z.number().min(0),
  /** 评分标准: how the points are earned and lost, as the checklist and the report show it. */
  criteria: LocalizedText,
  kind: ItemKind,
  /** Ledger items: how records become points; the share of passing records when absent. */
  scoring: LedgerScoring.optional(),
  /** For kind ledger: the ledger whose rows this item's rules check. */
  ledger: identifier.optional(),
  rules: z.array(Rule),
  /** Fixed due date, or a yearly one (MM-DD of the 评估年度). */
  due: z.union([isoDate, z.object({ annual: z.string().regex(/^\d{2}-\d{2}$/) })]).optional(),
});

export const Group = z.object({
  /** e.g. G2.1 */
  id: z.string().regex(/^G[0-9A-Za-z.]+$/),
  source: z.string().min(1),
  title: LocalizedText,
  sheet: sheetName,
  items: z.array(Item).min(1),
});

export const Band = z.object({
  id: identifier,
  min: z.number().min(0).max(100),
  label: LocalizedText,
});

export const Pack = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  version: z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$/, "expected semver"),
  title: LocalizedText,
  source: z.object({
    title: LocalizedText,
    issuer: LocalizedText,
    /** Null when the text is undated. */
    date: isoDate.nullable(),
    file: z.string().min(1),
  }),
  assessment: z.object({
    /** The points the items add up to; the score is Σ 实得 / Σ 应得 × total. */
    total: z.number().positive(),
    /** Whether the item points are the document's or a local 考核细则's. */
    points: BasisNote,
    /** Highest first; the last band has min 0. */
    bands: z.array(Band).min(1),
    bandsBasis: BasisNote,
    /** The lowest band that still allows recognition (可予认定), for packs with veto conditions. */
    passBand: identifier,
    vetoWindowYears: z.number().positive(),
    /** What the assessed body is called on 基本信息 and in the pane; 乡镇名称 when absent. */
    unitLabel: LocalizedText.optional(),
  }),
  inputs: z.array(Input),
  ledgers: z.array(Ledger),
  groups: z.array(Group).min(1),
});

export type LocalizedText = z.infer<typeof LocalizedText>;
export type Basis = z.infer<typeof Basis>;
export type BasisNote = z.infer<typeof BasisNote>;
export type LedgerScoring = z.infer<typeof LedgerScoring>;
export type ValueSource = z.infer<typeof ValueSource>;
export type AppliesTo = z.infer<typeof AppliesTo>;
export type Rule = z.infer<typeof Rule>;
export type RuleType = Rule["type"];
export type ColumnType = z.infer<typeof ColumnType>;
export type LedgerColumn = z.infer<typeof LedgerColumn>;
export type Ledger = z.infer<typeof Ledger>;
export type Input = z.infer<typeof Input>;
export type ItemKind = z.infer<typeof ItemKind>;
export type Item = z.infer<typeof Item>;
export type Group = z.infer<typeof Group>;
export type Band = z.infer<typeof Band>;
export type Pack = z.infer<typeof Pack>;
