export * from "./errors";
export { DEFAULT_LIMITS, guardXlsxBytes, type InputLimits } from "./guard";
export { loadXlsx, saveXlsx } from "./exceljs";
export { openWorkbook, type OpenedWorkbook } from "./read/open";
export { readMeta } from "./read/meta";
export { readSnapshot, type SnapshotRead } from "./read/snapshot";
export { buildTemplate, templateBytes, type TemplateOptions } from "./write/template";
