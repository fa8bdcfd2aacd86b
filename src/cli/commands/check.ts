import { findingMessage, localized } from "../../i18n";
import { formatPoints as points } from "../../core/score/round";
import { assessXlsxStream } from "../../xlsxstream";
import { checkJson, hasErrors } from "../checkJson";
import type { CliContext } from "../context";
import { EXIT } from "../errors";
import { readInput } from "../files";
import { readPackFile } from "../packFile";
import { readSettingsFile } from "../settingsFile";

const SEVERITY_MARK = { error: "✗", warning: "!", info: "i" } as const;

/** `taizhang check <file> [--json]`: exit 0 clean, 1 with error findings, 2 unusable input. */
export async function checkCommand(
  ctx: CliContext,
  file: string,
  options: { json?: boolean; settings?: string; packFile?: string },
): Promise<number> {
  const packFile = options.packFile ? await readPackFile(ctx, options.packFile) : undefined;
  const given = options.settings ? await readSettingsFile(ctx, options.settings, packFile) : undefined;
  const checked = assessXlsxStream(await readInput(file), undefined, given?.data, packFile ? [packFile] : []);
  const { assessment } = checked;
  if (checked.replacedSettings) ctx.io.stderr(`${ctx.tr("check.settingsReplaced")}\n`);
  if (checked.carried.state === "damaged") ctx.io.stderr(`${ctx.tr("check.carriedDamaged")}\n`);
  if (checked.packVersionUsed) {
    ctx.io.stderr(
      `${ctx.tr("check.versionFallback", { version: checked.meta.packVersion, used: checked.packVersionUsed })}\n`,
    );
  }
  if (options.json) {
    ctx.io.stdout(`${JSON.stringify(checkJson(assessment, ctx.locale, checked.settings), null, 2)}\n`);
    return hasErrors(assessment) ? EXIT.findings : EXIT.ok;
  }

  const { tr, locale } = ctx;
  const lines = [
    tr("check.summary", {
      township: assessment.township || tr("check.noTownship"),
      date: assessment.assessmentDate ?? tr("check.noDate"),
      pack: assessment.packId,
      version: assessment.packVersion,
    }),
    ...(checked.settings
      ? [
          tr("check.settings", {
            name: checked.settings.name ? localized(locale, checked.settings.name) : checked.settings.hash,
            hash: checked.settings.hash,
          }),
        ]
      : []),
    tr("check.score", {
      score: assessment.score.toFixed(1),
      band: localized(locale, assessment.band.label),
      earned: points(assessment.total.earned),
      applicable: points(assessment.total.applicable),
      total: points(assessment.total.points),
    }),
    ...(assessment.scaled ? [tr("check.scaled")] : []),
    ...(assessment.hasVeto
      ? [
          tr(assessment.eligible ? "check.noVeto" : "check.veto.status"),
          tr(assessment.recognized ? "check.recognized" : "check.notRecognized"),
        ]
      : []),
    ...assessment.vetoes.map(
      (v) => `  ✗ ${tr("check.veto", { item: v.itemId, title: localized(locale, v.title), date: v.date })}`,
    ),
    "",
    tr("check.groups"),
    ...assessment.groups
      .filter((g) => g.points > 0)
      .map(
        (g) =>
          `  ${`${points(g.earned)}/${points(g.applicable)}`.padStart(11)}  ${localized(locale, g.title)}${
            g.applicable < g.points ? ` (${tr("check.groupPoints", { points: points(g.points) })})` : ""
          }`,
      ),
    "",
    tr("check.findings", { count: assessment.findings.length }),
    ...assessment.findings.map((f) => {
      const where = [f.sheet, f.cell].filter(Boolean).join("!");
      return `  ${SEVERITY_MARK[f.severity]} ${where}${f.itemId ? ` [${f.itemId}]` : ""} ${findingMessage(locale, f)}`;
    }),
    "",
    tr("check.gaps", { count: assessment.gaps.length }),
    ...assessment.gaps.map(
      (g) =>
        `  -${points(g.pointsLost).padStart(5)}  ${g.itemId} ${g.clause} ${localized(locale, g.title)}${
          g.owner ? ` · ${g.owner}` : ""
        }${g.due ? ` · ${g.due}` : ""}`,
    ),
    ...(assessment.pending.length > 0
      ? [
          "",
          tr("check.pending", { count: assessment.pending.length }),
          ...assessment.pending.map(
            (p) => `  ${points(p.points).padStart(6)}  ${p.itemId} ${localized(locale, p.title)} · ${p.due}`,
          ),
        ]
      : []),
    ...(assessment.declarations.length > 0
      ? [
          "",
          tr("check.declarations", { count: assessment.declarations.length }),
          ...assessment.declarations.map(
            (d) => `  ${localized(locale, d.title)} (${d.itemIds.join(", ")}): ${d.reason}`,
          ),
        ]
      : []),
  ];
  ctx.io.stdout(`${lines.join("\n")}\n`);
  return hasErrors(assessment) ? EXIT.findings : EXIT.ok;
}
