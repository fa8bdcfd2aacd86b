import type { LocalizedText, ValueSource } from "../pack/schema";
import { parseEnum } from "../values/cell";
import { yearOf } from "../values/isoDate";
import { normalizeText } from "../values/normalize";
import { parseYesNo } from "../values/yesNo";
import type { CheckContext } from "./types";

export type SourceValue =
  | { state: "value"; value: number; label: LocalizedText }
  /** Blank, unreadable or not computable (no assessment date for a yearly count). */
  | { state: "unknown"; label: LocalizedText };

/** The number a rule compares: an input of 基本信息, or a count of ledger records. */
export function resolveSource(source: ValueSource, ctx: CheckContext): SourceValue {
  if ("input" in source) {
    const label = ctx.pack.inputs.find((i) => i.id === source.input)?.label ?? {
      zh: source.input,
      en: source.input,
    };
    const input = ctx.inputs.get(source.input);
    return input?.state === "value" && typeof input.value === "number"
      ? { state: "value", value: input.value, label }
      : { state: "unknown", label };
  }
  const records = ctx.ledgers.get(source.ledger);
  if (source.orInput && (records?.records.length ?? 0) === 0)
    return resolveSource({ input: source.orInput }, ctx);
  const label = records?.ledger.title ?? { zh: source.ledger, en: source.ledger };
  if (!records) return { state: "unknown", label };
  const year = source.inAssessmentYear ? ctx.assessmentYear : undefined;
  if (year === null) return { state: "unknown", label };
  const matches = source.where ? matcher(source.where.column, source.where.equals, records.ledger) : null;
  let count = 0;
  for (const record of records.records) {
    if (matches && !matches(record.raw(source.where?.column ?? ""))) continue;
    if (source.inAssessmentYear && year !== undefined) {
      const date = record.date(source.inAssessmentYear);
      if (date === null || yearOf(date) !== year) continue;
    }
    count++;
  }
  return { state: "value", value: count, label };
}

/** Compares by the column's meaning: yes/no columns by answer (√ matches 是), others by text. */
function matcher(
  column: string,
  equals: readonly string[],
  ledger: NonNullable<ReturnType<CheckContext["ledgers"]["get"]>>["ledger"],
): (value: Parameters<typeof parseYesNo>[0]) => boolean {
  const type = ledger.columns.find((c) => c.id === column)?.type;
  if (type === "yesNo") {
    const wanted = new Set(equals.map((e) => parseYesNo(e)).flatMap((r) => (r.ok ? [r.value] : [])));
    return (value) => {
      const answer = parseYesNo(value);
      return answer.ok && wanted.has(answer.value);
    };
  }
  const wanted = new Set(equals.map(normalizeText));
  return (value) => {
    const text = parseEnum(value, equals);
    return text.ok ? wanted.has(normalizeText(text.value)) : false;
  };
}
