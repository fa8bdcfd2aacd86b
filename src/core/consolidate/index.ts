export * from "./types";
export { consolidate, groupHeading, groupScoreOf } from "./consolidate";
export { compareForRanking, competitionRanks } from "./rank";
export { mostMissedItems } from "./mostMissed";
