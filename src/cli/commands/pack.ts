import { findPack, BUILTIN_PACKS, type Pack } from "../../core/pack";
import { packTableBytes } from "../../xlsx/packTable";
import type { CliContext } from "../context";
import { CliError, EXIT } from "../errors";
import { checkOutput, writeAtomic } from "../files";
import { readPackFile } from "../packFile";

export interface PackExportOptions {
  output: string;
  force?: boolean;
}

export interface PackImportOptions {
  output: string;
  id?: string;
  version?: string;
  force?: boolean;
}

/** `taizhang pack export <pack> -o 细则.xlsx`: a pack (built-in id[@version] or a file) as an editable workbook. */
export async function packExportCommand(
  ctx: CliContext,
  name: string,
  options: PackExportOptions,
): Promise<number> {
  const isFile = /\.(json|xlsx)$/i.test(name);
  const output = { force: Boolean(options.force), inputs: isFile ? [name] : [] };
  const pack = isFile ? await readPackFile(ctx, name) : builtin(name);
  await checkOutput(options.output, output);
  await writeAtomic(options.output, await packTableBytes(pack, ctx.locale), output);
  ctx.io.stderr(
    `${ctx.tr("packCmd.exported", { path: options.output, pack: pack.id, version: pack.version })}\n`,
  );
  return EXIT.ok;
}

/**
 * `taizhang pack import 细则.xlsx -o pack.json`: a 细则 workbook or a plain 考核细则 table read back
 * into a pack the loader accepts; every problem with its place, exit 2, nothing written.
 */
export async function packImportCommand(
  ctx: CliContext,
  file: string,
  options: PackImportOptions,
): Promise<number> {
  const output = { force: Boolean(options.force), inputs: [file] };
  await checkOutput(options.output, output);
  const pack = await readPackFile(ctx, file, {
    ...(options.id ? { id: options.id } : {}),
    ...(options.version ? { version: options.version } : {}),
  });
  await writeAtomic(options.output, `${JSON.stringify(pack, null, 2)}\n`, output);
  const items = pack.groups.reduce((n, g) => n + g.items.length, 0);
  ctx.io.stderr(
    `${ctx.tr("packCmd.imported", { path: options.output, pack: pack.id, version: pack.version, groups: pack.groups.length, items, total: pack.assessment.total })}\n`,
  );
  return EXIT.ok;
}

/** A built-in pack by `id` or `id@version`. */
export function builtin(name: string): Pack {
  const [id, version] = name.split("@", 2);
  const pack = findPack(id ?? "", version);
  if (!pack) {
    throw new CliError("unknownPack", {
      pack: name,
      known: BUILTIN_PACKS.map((p) => `${p.id}@${p.version}`).join(", "),
    });
  }
  return pack;
}
