import { BUILTIN_PACKS } from "../../core/pack/builtin";
import { localized } from "../../i18n";
import type { CliContext } from "../context";
import { EXIT } from "../errors";

/** `taizhang packs [--json]`: the built-in packs, their versions and item counts per group. */
export function packsCommand(ctx: CliContext, options: { json?: boolean }): number {
  const packs = BUILTIN_PACKS.map((pack) => ({
    id: pack.id,
    version: pack.version,
    title: localized(ctx.locale, pack.title),
    items: pack.groups.reduce((n, g) => n + g.items.length, 0),
    groups: pack.groups.map((g) => ({
      id: g.id,
      title: localized(ctx.locale, g.title),
      items: g.items.length,
    })),
  }));
  if (options.json) {
    ctx.io.stdout(`${JSON.stringify(packs, null, 2)}\n`);
    return EXIT.ok;
  }
  const lines: string[] = [];
  for (const pack of packs) {
    lines.push(
      ctx.tr("packs.header", { id: pack.id, version: pack.version, title: pack.title, items: pack.items }),
    );
    for (const g of pack.groups) lines.push(`  ${g.id.padEnd(6)} ${String(g.items).padStart(3)}  ${g.title}`);
    lines.push("");
  }
  ctx.io.stdout(`${lines.join("\n")}`);
  return EXIT.ok;
}
