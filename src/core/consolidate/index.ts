export * from "./types";
export { consolidate } from "./consolidate";
export { compareForRanking, competitionRanks } from "./rank";
export { mostMissedItems } from "./mostMissed";
