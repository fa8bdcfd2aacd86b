export * from "./schema";
export * from "./problems";
export * from "./load";
export * from "./count";
export * from "./rule-kinds";
export * from "./rule-refs";
export { isCalendarDate, isMonthDay } from "./check-dates";
export * from "./builtin";
export { packJsonSchema } from "./json-schema";
