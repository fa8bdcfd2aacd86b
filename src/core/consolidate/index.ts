export * from "./types";
export { consolidate, compareVersions } from "./consolidate";
export { compareForRanking, competitionRanks } from "./rank";
export { mostMissedItems } from "./mostMissed";
