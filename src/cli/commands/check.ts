import { findingMessage, localized } from "../../i18n";
import { assessWorkbookBytes } from "../../xlsx";
import { checkJson, hasErrors } from "../checkJson";
import type { CliContext } from "../context";
import { EXIT } from "../errors";
import { readInput } from "../files";

const SEVERITY_MARK = { error: "✗", warning: "!", info: "i" } as const;

/** `taizhang check <file> [--json]`: exit 0 clean, 1 with error findings, 2 unusable input. */
export async function checkCommand(
  ctx: CliContext,
  file: string,
  options: { json?: boolean },
): Promise<number> {
  const checked = await assessWorkbookBytes(await readInput(file));
  const { assessment } = checked;
  if (checked.packVersionUsed) {
    ctx.io.stderr(
      `${ctx.tr("check.versionFallback", { version: checked.meta.packVersion, used: checked.packVersionUsed })}\n`,
    );
  }
  if (options.json) {
    ctx.io.stdout(`${JSON.stringify(checkJson(assessment, ctx.locale), null, 2)}\n`);
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
    tr("check.score", {
      score: assessment.score.toFixed(1),
      band: localized(locale, assessment.band.label),
      eligibility: tr(assessment.eligible ? "check.eligible" : "check.notEligible"),
    }),
    ...assessment.vetoes.map(
      (v) => `  ✗ ${tr("check.veto", { item: v.itemId, title: localized(locale, v.title), date: v.date })}`,
    ),
    "",
    tr("check.groups"),
    ...assessment.groups
      .filter((g) => g.weight > 0)
      .map(
        (g) =>
          `  ${(g.score === null ? "—" : g.score.toFixed(1)).padStart(5)}  ${localized(locale, g.title)}`,
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
        `  -${g.pointsLost.toFixed(1).padStart(5)}  ${g.itemId} ${g.clause} ${localized(locale, g.title)}${
          g.owner ? ` · ${g.owner}` : ""
        }${g.due ? ` · ${g.due}` : ""}`,
    ),
  ];
  ctx.io.stdout(`${lines.join("\n")}\n`);
  return hasErrors(assessment) ? EXIT.findings : EXIT.ok;
}
