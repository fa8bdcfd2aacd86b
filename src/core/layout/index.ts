export * from "./columns";
export * from "./layout";
export * from "./meta";
export * from "./resultSheets";
export * from "./summarySheets";
