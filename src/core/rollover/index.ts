export * from "./types";
export * from "./ledgerRules";
export * from "./plan";
