export * from "./raw";
export { normalizeHeader, matchHeaders, type HeaderCell, type HeaderMatch } from "./headers";
export { locateTables, type FoundTable, type FoundTables } from "./locate";
export { locateInputs, type FoundInput } from "./inputs";
export { findMeta, type FoundMeta } from "./meta";
export { readTable } from "./rows";
export { isFooterRow } from "./footer";
export { READ_CODES, READ_CODE_SEVERITY } from "./codes";
export { readWorkbookSnapshot, type WorkbookReading } from "./read";
