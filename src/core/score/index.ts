export * from "./band";
export * from "./group";
export * from "./item";
export * from "./reasons";
