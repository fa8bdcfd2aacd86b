import { promises as fs } from "node:fs";
import { basename, extname } from "node:path";
import { formatPackPath, loadPack, type Pack } from "../core/pack";
import { packIdFrom, type PackTableResult } from "../core/pack/table";
import { t, tableProblemLine } from "../i18n";
import type { CliContext } from "./context";
import { CliError } from "./errors";
import { readInput } from "./files";

/** Pack JSON files are small: anything larger is not one. */
const MAX_PACK_JSON_BYTES = 4 * 1024 * 1024;

export interface PackFileOptions {
  /** The id a plain 考核细则 table's pack gets; from the file name when absent. */
  id?: string;
  version?: string;
}

/**
 * A pack from a file: pack JSON, a 细则 workbook or a plain 考核细则 table (.xlsx). Every problem at
 * once, each with its place (field path, or sheet/row/column), as one CliError: exit 2, nothing written.
 */
export async function readPackFile(
  ctx: CliContext,
  path: string,
  options: PackFileOptions = {},
): Promise<Pack> {
  if (extname(path).toLowerCase() === ".json") return readPackJson(ctx, path);
  const result = await readPackTable(ctx, path, options);
  if (result.ok) return result.pack;
  const lines = result.problems.map((p) => `  ${tableProblemLine(ctx.locale, p)}`);
  throw new CliError("badPack", { path, count: result.problems.length, problems: `\n${lines.join("\n")}` });
}

async function readPackTable(
  ctx: CliContext,
  path: string,
  options: PackFileOptions,
): Promise<PackTableResult> {
  const file = basename(path);
  const title = file.replace(/\.[^.]+$/, "");
  // Loaded here: it brings ExcelJS, which `check` of a workbook with a JSON or built-in pack never needs.
  const { packFromTableBytes } = await import("../xlsx/packTable");
  return packFromTableBytes(await readInput(path), {
    id: options.id ?? packIdFrom(title),
    title,
    file,
    issuer: { zh: t("zh-CN", "packTable.import.issuer"), en: t("en-US", "packTable.import.issuer") },
    ...(options.version ? { version: options.version } : {}),
  });
}

async function readPackJson(ctx: CliContext, path: string): Promise<Pack> {
  const stat = await fs.stat(path).catch(() => null);
  if (stat && stat.size > MAX_PACK_JSON_BYTES) {
    throw new CliError("badPack", { path, count: 1, problems: ctx.tr("error.packNotJson") });
  }
  const text = new TextDecoder().decode(await readInput(path));
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliError("badPack", { path, count: 1, problems: `${ctx.tr("error.packNotJson")} ${detail}` });
  }
  const loaded = loadPack(data);
  if (loaded.ok) return loaded.pack;
  const lines = loaded.problems.map(
    (p) => `  ${formatPackPath(p.path)}: ${t(ctx.locale, `pack.${p.code}`, p.params)}`,
  );
  throw new CliError("badPack", { path, count: loaded.problems.length, problems: `\n${lines.join("\n")}` });
}
