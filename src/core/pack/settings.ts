import { z } from "zod";
import { canonicalJson, fingerprint } from "./canonical";
import { loadPack } from "./load";
import { problem, type PackPath, type PackProblem } from "./problems";
import { LedgerScoring, LocalizedText, type Pack, type Rule } from "./schema";
import { problemsFromZod } from "./zod-issues";

/**
 * A coordinator's local settings (本地设定) over a pack, without code: points, 评分标准, scoring
 * methods, bands and the numbers of local rules. Everything it changes is shown as 本地设定.
 */
export const Settings = z
  .object({
    pack: z.string().regex(/^[a-z][a-z0-9-]*$/),
    /** What the settings are called where they are shown, e.g. 沙坡头区2019年度考核细则. */
    name: LocalizedText.optional(),
    /** Why these settings; becomes the note of every figure they change. */
    note: LocalizedText.optional(),
    total: z.number().positive().optional(),
    /** Band id → minimum score. */
    bands: z.record(z.string(), z.number().min(0).max(100)).optional(),
    passBand: z.string().optional(),
    vetoWindowYears: z.number().positive().optional(),
    items: z
      .record(
        z.string(),
        z
          .object({
            points: z.number().min(0).optional(),
            criteria: LocalizedText.optional(),
            scoring: LedgerScoring.optional(),
            /** Rule type (or type#n for the n-th of that type) → parameter → new value. */
            rules: z.record(z.string(), z.record(z.string(), z.union([z.number(), z.string()]))).optional(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();
export type Settings = z.infer<typeof Settings>;

/** The parameters a settings file may change, per rule type: numbers and dates, never columns. */
export const ADJUSTABLE: Readonly<Partial<Record<Rule["type"], readonly string[]>>> = {
  date: ["notAfter"],
  withinDays: ["days"],
  validity: ["maxYears", "provisionalMaxYears", "statedFrom"],
  ratioAtLeast: ["min", "by"],
  countBetween: ["min", "max"],
  countAtLeast: ["min"],
  quarterDeadline: ["quarter"],
  vetoWindow: ["years"],
};

export interface AppliedSettings {
  /** The settings as canonical JSON: what a workbook records. */
  json: string;
  /** 8 hex digits identifying them. */
  hash: string;
  name?: LocalizedText;
}

export type SettingsResult =
  { ok: true; pack: Pack; settings: AppliedSettings } | { ok: false; problems: PackProblem[] };

const DEFAULT_NOTE: LocalizedText = { zh: "按本地设置文件调整", en: "Adjusted by the local settings file" };

/** Parses settings data (JSON) and applies it to `base`; every problem at once, with its path. */
export function applySettings(base: Pack, data: unknown): SettingsResult {
  const parsed = Settings.safeParse(data, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error.issues) };
  const settings = parsed.data;
  const problems: PackProblem[] = [];
  if (settings.pack !== base.id) {
    return {
      ok: false,
      problems: [problem("settings.pack_mismatch", ["pack"], { pack: settings.pack, expected: base.id })],
    };
  }
  const note = settings.note ?? DEFAULT_NOTE;
  const local = { basis: "local" as const, note };
  // A pack is plain JSON data: a JSON copy is a deep copy on every host (older WebViews lack structuredClone).
  const pack = JSON.parse(JSON.stringify(base)) as Pack;

  if (settings.total !== undefined) pack.assessment.total = settings.total;
  if (settings.vetoWindowYears !== undefined) pack.assessment.vetoWindowYears = settings.vetoWindowYears;
  if (settings.passBand !== undefined) pack.assessment.passBand = settings.passBand;
  for (const [id, min] of Object.entries(settings.bands ?? {})) {
    const band = pack.assessment.bands.find((b) => b.id === id);
    if (!band) problems.push(problem("settings.unknown_band", ["bands", id], { band: id }));
    else band.min = min;
  }
  if (settings.bands || settings.passBand) pack.assessment.bandsBasis = local;
  pack.assessment.bands.sort((a, b) => b.min - a.min);

  const items = new Map(pack.groups.flatMap((g) => g.items.map((i) => [i.id, i] as const)));
  for (const [id, change] of Object.entries(settings.items ?? {})) {
    const at: PackPath = ["items", id];
    const item = items.get(id);
    if (!item) {
      problems.push(problem("settings.unknown_item", at, { item: id }));
      continue;
    }
    if (change.points !== undefined) {
      item.points = change.points;
      pack.assessment.points = local;
    }
    if (change.criteria) item.criteria = change.criteria;
    if (change.scoring) {
      if (item.kind !== "ledger") {
        problems.push(problem("item.scoring_unexpected", [...at, "scoring"], { item: id, kind: item.kind }));
      } else item.scoring = change.scoring;
    }
    for (const [key, params] of Object.entries(change.rules ?? {})) {
      const [type = "", nth] = key.split("#");
      const matching = item.rules.filter((r) => r.type === type);
      const targets = nth === undefined ? matching : matching.slice(Number(nth) - 1, Number(nth));
      const allowed = ADJUSTABLE[type as Rule["type"]];
      if (targets.length === 0 || !allowed) {
        problems.push(problem("settings.unknown_rule", [...at, "rules", key], { item: id, rule: key }));
        continue;
      }
      for (const [param, value] of Object.entries(params)) {
        if (!allowed.includes(param)) {
          problems.push(
            problem("settings.unknown_parameter", [...at, "rules", key, param], {
              rule: type,
              parameter: param,
              allowed: allowed.join(", "),
            }),
          );
          continue;
        }
        for (const rule of targets) Object.assign(rule, { [param]: value }, local);
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  // The adjusted pack must still be a sound pack: points add up, bands descend, rules are valid.
  const checked = loadPack(pack);
  if (!checked.ok) return { ok: false, problems: checked.problems.map(toSettingsPath) };
  const json = canonicalJson(settings);
  return {
    ok: true,
    pack: checked.pack,
    settings: { json, hash: fingerprint(json), ...(settings.name ? { name: settings.name } : {}) },
  };
}

/** A problem found in the adjusted pack, pointed at the settings field a coordinator edits. */
function toSettingsPath(p: PackProblem): PackProblem {
  const [head, ...rest] = p.path;
  if (head === "assessment") {
    const field = rest[0] === "bands" ? "bands" : rest[0] === "points" ? "items" : String(rest[0] ?? "");
    return { ...p, path: [field] };
  }
  return p;
}
