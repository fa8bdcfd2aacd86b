export * from "./types";
export { consolidate, groupHeading, groupScoreOf } from "./consolidate";
export { compareForRanking, competitionRanks } from "./rank";
export { mostMissedItems } from "./mostMissed";
export { townshipRecord, type TownshipRecord, type TownshipResult } from "./record";
export { heatColor, HEAT_STEPS, type HeatStep } from "./heat";
export { formatChange, splitByYear, type YearChange } from "./yearOverYear";
