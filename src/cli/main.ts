import { Command, CommanderError, Option } from "commander";
import packageJson from "../../package.json";
import type { ConsolidateOptions } from "./commands/consolidate";
import type { InitOptions } from "./commands/init";
import type { PackExportOptions, PackImportOptions } from "./commands/pack";
import type { RolloverOptions } from "./commands/rollover";
import { cliContext, type CliContext } from "./context";
import { EXIT } from "./errors";
import { processIO, type CliIO } from "./io";
import { cliLocale } from "./locale";
import { errorMessage } from "./messages";

/** Commander "errors" that are a finished --help, help or --version. */
const HELP_OR_VERSION = new Set(["commander.helpDisplayed", "commander.help", "commander.version"]);

/** Runs the CLI on user arguments (no node/script prefix) and returns the exit code. */
export async function run(args: readonly string[], io: CliIO = processIO()): Promise<number> {
  const ctx = cliContext(io, cliLocale(args, io.env));
  let exitCode: number = EXIT.ok;
  const program = buildProgram(ctx, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...args], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (HELP_OR_VERSION.has(error.code)) return EXIT.ok;
      io.stderr(`${ctx.tr("error.usage", { detail: error.message.replace(/^error:\s*/, "") })}\n`);
      return EXIT.unusable;
    }
    io.stderr(`${errorMessage(ctx, error)}\n`);
    return EXIT.unusable;
  }
}

function buildProgram(ctx: CliContext, setExit: (code: number) => void): Command {
  const { tr } = ctx;
  const titles: Record<string, string> = {
    "Usage:": tr("help.usage"),
    "Options:": tr("help.options"),
    "Commands:": tr("help.commands"),
    "Arguments:": tr("help.arguments"),
    "Global Options:": tr("help.globalOptions"),
  };
  const configure = (command: Command): Command =>
    command
      .exitOverride()
      .configureOutput({ writeOut: (s) => ctx.io.stdout(s), writeErr: () => undefined })
      .configureHelp({ styleTitle: (title: string) => titles[title] ?? title })
      .helpOption("-h, --help", tr("help.help"));

  const program = configure(new Command("taizhang"))
    .description(tr("help.program"))
    .version(packageJson.version, "-V, --version", tr("help.version"))
    .addOption(new Option("--lang <lang>", tr("help.lang")).choices(["zh-CN", "en-US", "zh", "en"]))
    .helpCommand("help [command]", tr("help.help"))
    .addHelpText("after", `\n${tr("help.exitCodes")}`)
    .showSuggestionAfterError(false);

  const action =
    <A extends unknown[]>(fn: (...a: A) => Promise<number> | number) =>
    async (...a: A) => {
      // Commands load on use, so `--help` and `--version` never load ExcelJS (issue 14).
      setExit(await fn(...a));
    };

  configure(program.command("packs"))
    .description(tr("help.packs"))
    .option("--json", tr("help.json"))
    .action(
      action(async (options: { json?: boolean }) =>
        (await import("./commands/packs")).packsCommand(ctx, options),
      ),
    );

  configure(program.command("init"))
    .description(tr("help.init"))
    .option("--pack <id>", tr("help.pack"))
    .option("--pack-file <file.json|file.xlsx>", tr("help.packFile"))
    .requiredOption("--township <name>", tr("help.township"))
    .option("--date <YYYY-MM-DD>", tr("help.date"))
    .option("--year <YYYY>", tr("help.year"))
    .option("--settings <settings.json>", tr("help.settings"))
    .requiredOption("-o, --output <file.xlsx>", tr("help.outputXlsx"))
    .option("--force", tr("help.force"))
    .action(
      action(async (options: InitOptions) => (await import("./commands/init")).initCommand(ctx, options)),
    );

  configure(program.command("check"))
    .description(tr("help.check"))
    .argument("<file.xlsx>", tr("help.inputFile"))
    .option("--json", tr("help.checkJson"))
    .option("--settings <settings.json>", tr("help.settingsRead"))
    .option("--pack-file <file.json|file.xlsx>", tr("help.packFile"))
    .action(
      action(async (file: string, options: { json?: boolean; settings?: string; packFile?: string }) =>
        (await import("./commands/check")).checkCommand(ctx, file, options),
      ),
    );

  configure(program.command("report"))
    .description(tr("help.report"))
    .argument("<file.xlsx>", tr("help.inputFile"))
    .requiredOption("-o, --output <report.html>", tr("help.outputHtml"))
    .option("--settings <settings.json>", tr("help.settingsRead"))
    .option("--pack-file <file.json|file.xlsx>", tr("help.packFile"))
    .option("--force", tr("help.force"))
    .action(
      action(
        async (
          file: string,
          options: { output: string; force?: boolean; settings?: string; packFile?: string },
        ) => (await import("./commands/report")).reportCommand(ctx, file, options),
      ),
    );

  configure(program.command("consolidate"))
    .description(tr("help.consolidate"))
    .argument("<paths...>", tr("help.paths"))
    .requiredOption("-o, --output <summary.xlsx>", tr("help.outputSummary"))
    .option("--html <summary.html>", tr("help.summaryHtml"))
    .option("--settings <settings.json>", tr("help.settingsRead"))
    .option("--pack-file <file.json|file.xlsx>", tr("help.packFile"))
    .option("--force", tr("help.force"))
    .action(
      action(async (paths: string[], options: ConsolidateOptions) =>
        (await import("./commands/consolidate")).consolidateCommand(ctx, paths, options),
      ),
    );

  // Issue 16: templates to and from 考核细则 tables.
  const pack = configure(program.command("pack")).description(tr("help.packCmd"));
  configure(pack.command("export"))
    .description(tr("help.packExport"))
    .argument("<pack>", tr("help.packName"))
    .requiredOption("-o, --output <细则.xlsx>", tr("help.outputPackXlsx"))
    .option("--force", tr("help.force"))
    .action(
      action(async (name: string, options: PackExportOptions) =>
        (await import("./commands/pack")).packExportCommand(ctx, name, options),
      ),
    );
  configure(pack.command("import"))
    .description(tr("help.packImport"))
    .argument("<细则.xlsx>", tr("help.packTableFile"))
    .requiredOption("-o, --output <pack.json>", tr("help.outputPackJson"))
    .option("--id <id>", tr("help.packId"))
    .option("--version <version>", tr("help.packVersion"))
    .option("--force", tr("help.force"))
    .action(
      action(async (file: string, options: PackImportOptions) =>
        (await import("./commands/pack")).packImportCommand(ctx, file, options),
      ),
    );
  configure(program.command("rollover"))
    .description(tr("help.rollover"))
    .argument("<file.xlsx>", tr("help.inputFile"))
    .requiredOption("--year <YYYY>", tr("help.rolloverYear"))
    .requiredOption("-o, --output <file.xlsx>", tr("help.outputXlsx"))
    .option("--force", tr("help.force"))
    .action(
      action(async (file: string, options: RolloverOptions) =>
        (await import("./commands/rollover")).rolloverCommand(ctx, file, options),
      ),
    );
  return program;
}
