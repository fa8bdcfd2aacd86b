/** Exit codes: 0 clean, 1 error findings, 2 unusable input or usage (documented in `--help`). */
export const EXIT = { ok: 0, findings: 1, unusable: 2 } as const;

export type CliErrorCode =
  | "inputMissing"
  | "inputIsDirectory"
  | "inputNotFile"
  | "inputPermission"
  | "inputUnreadable"
  | "outputsSame"
  | "outputExists"
  | "outputIsInput"
  | "outputDirMissing"
  | "writeFailed"
  | "unknownPack"
  | "badDate"
  | "badLang"
  | "emptyTownship"
  | "noInputs"
  | "nothingConsolidated"
  | "badSettings"
  | "settingsOtherPack"
  | "badYear"
  | "badPack"
  | "noPack"
  | "packFileOther"
  | "impossibleDate"
  | "badRolloverYear";

/** A problem the CLI reports and exits on; text from src/i18n: `cli.error.<code>`. */
export class CliError extends Error {
  readonly code: CliErrorCode;
  readonly params: Readonly<Record<string, string | number>>;

  constructor(code: CliErrorCode, params: Readonly<Record<string, string | number>> = {}, cause?: unknown) {
    super(`cli.${code}`, cause === undefined ? undefined : { cause });
    this.name = "CliError";
    this.code = code;
    this.params = params;
  }
}
